package dev.debrief.digest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a statement is about a theme's name, so that a theme shows only what it is named after. A
 * theme is a cluster of passages named by {@link ThemeNamer}; clustering by vectors gathers
 * passages that are near in the embedding space but often about different things (the travel to the
 * venue beside the closing party), so a statement is shown under a theme only when its own words,
 * or the headings of its section, hold a topic word of one of the name's parts ("Kotlin" for
 * "Kotlin · Devoxx.BE 2017"). The name then keeps only the parts its statements are about; a theme
 * whose statements are about none of its name is not shown. The reader's judgement of the 15 shared
 * briefs (stop 23) found most theme lines failing on exactly this: "JAVASCRIPT — No Lars, but …",
 * "Journey — I'm usually through security …".
 */
final class ThemeSupport {
  /** How {@link ThemeNamer} joins the parts of a name. */
  static final String JOIN = " · ";

  /** The name {@link ThemeNamer} gives a cluster it cannot name: not a theme. */
  static final String UNNAMED = "Other notes";

  private ThemeSupport() {}

  /** The parts of {@code name}: "Kotlin · Devoxx.BE 2017" gives [Kotlin, Devoxx.BE 2017]. */
  static List<String> parts(String name) {
    List<String> out = new ArrayList<>();
    if (name == null || name.isBlank() || name.equals(UNNAMED)) {
      return out;
    }
    for (String p : name.split(JOIN)) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /**
   * True when {@code c}'s text or its section's headings hold at least half the topic words of
   * {@code part} (plural "s" ignored): "Kotlin" needs Kotlin, "Library Evolution Working Group" two
   * of its four words, not "library" alone. A part without topic words ("I/O") must appear as
   * written, in any case.
   */
  static boolean about(Candidates.Candidate c, String part) {
    Set<String> want = stems(part);
    String where = c.text() + "\n" + String.join("\n", c.item().passage().headingPath());
    if (want.isEmpty()) {
      return where.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
    Set<String> found = new HashSet<>(stems(where));
    found.retainAll(want);
    return found.size() * 2 >= want.size();
  }

  /**
   * The first of {@code parts} that {@code c}'s section headings are about, or null. A note (a
   * bullet without a subject: "Act as consultant for feature teams") is shown under a theme only
   * when the theme is named after the talk whose section holds it, as a note is under its session.
   */
  static String sectionPart(Candidates.Candidate c, List<String> parts) {
    String headings = String.join("\n", c.item().passage().headingPath());
    for (String p : parts) {
      Set<String> want = stems(p);
      Set<String> found = new HashSet<>(stems(headings));
      found.retainAll(want);
      if (want.isEmpty()
          ? headings.toLowerCase(Locale.ROOT).contains(p.toLowerCase(Locale.ROOT))
          : found.size() * 2 >= want.size()) {
        return p;
      }
    }
    return null;
  }

  /** True when {@code c} is about at least one of {@code parts}. */
  static boolean aboutAny(Candidates.Candidate c, List<String> parts) {
    return parts.stream().anyMatch(p -> about(c, p));
  }

  /**
   * The name kept for a theme that shows {@code chosen}: the parts some chosen statement is about,
   * in their order, joined as {@link ThemeNamer} joins them; "" when none is.
   */
  static String renamed(List<String> parts, List<Candidates.Candidate> chosen) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (chosen.stream().anyMatch(c -> about(c, p))) {
        kept.add(p);
      }
    }
    return String.join(JOIN, kept);
  }

  private static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    for (String w : Text.topicWords(text)) {
      out.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
    }
    return out;
  }
}
