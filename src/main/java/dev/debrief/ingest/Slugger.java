package dev.debrief.ingest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * GitHub-style heading slugs, unique within one report (the rules of {@code github-slugger}, which
 * GitHub uses for Markdown heading anchors): lower-case; drop every character that is not a letter,
 * digit, mark, {@code '-'}, {@code '_'} or space; each space becomes {@code '-'}; a repeated slug
 * gets {@code -1}, {@code -2}, … appended. A heading that leaves nothing gets the base {@code
 * "section"} instead of GitHub's empty slug, because {@code ""} is reserved for the preamble.
 *
 * <p>One instance per report; not thread-safe.
 */
final class Slugger {
  private final Set<String> used = new HashSet<>();

  /** Marks an anchor as taken (e.g. an {@code id} that exists in the source HTML). */
  void reserve(String anchor) {
    used.add(anchor);
  }

  /** Returns {@code candidate} if still free (and reserves it), else {@code null}. */
  String claim(String candidate) {
    return used.add(candidate) ? candidate : null;
  }

  /** The unique slug for a heading, reserving it. */
  String unique(String heading) {
    String base = slug(heading);
    if (base.isEmpty()) {
      base = "section";
    }
    String result = base;
    int n = 0;
    while (used.contains(result)) {
      n++;
      result = base + "-" + n;
    }
    used.add(result);
    return result;
  }

  /** The plain GitHub slug of a heading, without de-duplication; may be empty. */
  static String slug(String heading) {
    String lower = heading.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    lower
        .codePoints()
        .forEach(
            cp -> {
              if (cp == ' ') {
                sb.append('-');
              } else if (cp == '-' || cp == '_' || Character.isLetterOrDigit(cp) || isMark(cp)) {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
