package dev.debrief.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a report names in full ("Ann Example", "Dr. Bo de Vries"), found by word shape, and
 * the short references to them ("Ann's demo…", "Ann then showed…") that only make sense next to the
 * full name.
 *
 * <p>A candidate is two or three capitalised words (optionally a title such as "Dr." and a particle
 * such as "de" or "van") none of which the same report ever writes in lower case and none of which
 * is a common English or conference word; so "Cluster Operations" is no person when the report also
 * says "cluster", and a product written "Storage Engine" is none when it says "engine". Names of
 * places, products and companies written the same way slip through; the class is for judging
 * sentences, not for building a directory.
 */
public final class PersonNames {
  /** A capitalised name word; "McLean", "DeSantis" and "O'Neil" keep their inner capital. */
  private static final String NAME_WORD =
      "(?:Mc|Mac|O['’]|D[aei]|L[ae])?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?";

  /** Blanks within a line: a name never runs across a line break. */
  private static final String SP = "[ \\t\\u00A0]+";

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?:\\b(?:Dr|Prof|Mr|Ms|Mrs)\\.?"
              + SP
              + ")?"
              + "\\b("
              + NAME_WORD
              + ")((?:"
              + SP
              + "(?:de|van|von|da|del|di|le|la|der|den|ter))?(?:"
              + SP
              + "\\p{Lu}\\.?)?"
              + "(?:"
              + SP
              + NAME_WORD
              + ")?"
              + SP
              + NAME_WORD
              + "(?:-\\p{Lu}[\\p{Ll}]+)?)(?![\\p{L}\\p{N}])");
  private static final Pattern FOLLOWED =
      Pattern.compile("\\b(\\p{Lu}[\\p{Ll}’'\\-]+)[ \\t\\u00A0]+(\\p{Lu}[\\p{L}\\p{N}]*)");

  /**
   * Distinct capitalised followers that make a word a brand rather than a first name: a person's
   * first name is followed by their surname (once in a while by a middle name), a brand by its
   * products.
   */
  static final int BRAND_FOLLOWERS = 3;

  private static final Pattern LOWER_WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Ll}[\\p{Ll}’'\\-]*(?![\\p{L}\\p{N}])");

  /** Shortest name word, in characters (after a trailing "'s"): "Bo" is a name, "B" is not. */
  private static final int MIN_NAME_WORD_LENGTH = 2;

  private final Set<String> fullNames = new HashSet<>();
  private final Map<String, String> byFirst = new HashMap<>();

  private PersonNames() {}

  /** The people {@code text} names in full (headings and body alike). */
  public static PersonNames in(String text) {
    PersonNames out = new PersonNames();
    String t = text == null ? "" : text;
    Set<String> lower = new HashSet<>();
    Matcher lw =
        LOWER_WORD.matcher(t.replaceAll("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\S+@\\S+", " "));
    while (lw.find()) {
      lower.add(lw.group());
    }
    // A word followed by several different capitalised words is a brand ("Acme Cloud", "Acme
    // Store"), not a
    // first name.
    Map<String, Set<String>> followers = new HashMap<>();
    Matcher f = FOLLOWED.matcher(t);
    while (f.find()) {
      followers.computeIfAbsent(f.group(1), k -> new HashSet<>()).add(f.group(2));
      f.region(f.start(2), t.length());
    }
    Map<String, Set<String>> firsts = new HashMap<>();
    Matcher m = CANDIDATE.matcher(t);
    while (m.find()) {
      String first = m.group(1);
      String rest = m.group(2).strip();
      String last = rest.substring(rest.lastIndexOf(' ') + 1);
      String middle = rest.contains(" ") ? rest.substring(0, rest.lastIndexOf(' ')).strip() : "";
      boolean middleOk =
          middle.isEmpty()
              || middle.matches("(?:de|van|von|da|del|di|le|la|der|den|ter|\\p{Lu}\\.?)")
              || plausible(middle, lower);
      if (!plausible(first, lower)
          || !plausible(last, lower)
          || !middleOk
          || followers.getOrDefault(first, Set.of()).size() >= BRAND_FOLLOWERS) {
        continue;
      }
      String full = first + " " + rest.replaceAll("\\s+", " ");
      out.fullNames.add(full);
      firsts.computeIfAbsent(first, k -> new HashSet<>()).add(full);
    }
    firsts.forEach(
        (first, fulls) -> {
          if (fulls.size() == 1) {
            out.byFirst.put(first, fulls.iterator().next());
          }
        });
    out.byFirst.putAll(NameAliases.in(out.fullNames, t, out.byFirst.keySet()));
    return out;
  }

  /**
   * True when {@code word} (any case) is a capitalised word that is never a name: "Monday",
   * "Keynote", "The".
   */
  public static boolean notAName(String word) {
    return NotNames.containsAnyCase(word);
  }

  /** No people at all (for text whose report is unknown). */
  public static PersonNames none() {
    return new PersonNames();
  }

  /** Endings of English words that are no names: "Designing", "Announcements", "Observability". */
  private static final Pattern WORD_ENDING =
      Pattern.compile("(?i).{3,}(?:ing|tions?|ments?|ness|ity|ities|ology|ware|" + "ables?)$");

  private static boolean plausible(String word, Set<String> lowerWords) {
    String w = word.replaceAll("['’]s$", "");
    return w.length() >= MIN_NAME_WORD_LENGTH
        && !NotNames.contains(w)
        && !WORD_ENDING.matcher(w).matches()
        && !lowerWords.contains(w.toLowerCase(Locale.ROOT))
        && java.util.Arrays.stream(w.split("-"))
            .allMatch(
                part ->
                    !part.isEmpty()
                        && part.replaceFirst("^(?:Mc|Mac|O['’]|D[aei]|L[ae])(?=\\p{Lu})", "")
                            .chars()
                            .skip(1)
                            .noneMatch(
                                Character::isUpperCase)); // "Jean-Luc", "McAllister"; not "GitHub"
  }

  /** The full names found, e.g. "Ann Example". */
  public Set<String> fullNames() {
    return Set.copyOf(fullNames);
  }

  /**
   * True when {@code candidate} (a name as a heading writes it, possibly several joined by "and",
   * "&amp;", "," or "/") consists of names of this report's people, or of name-shaped words the
   * report never writes in lower case.
   */
  public boolean looksLikePeople(String candidate, String reportText) {
    String c = candidate.replaceAll("@\\w+", " ").replaceAll("\\([^)]*\\)", " ").strip();
    if (c.isEmpty() || c.matches("^[\"“'‘].*")) {
      return false; // a quoted part is a title
    }
    PersonNames within = in(c + "\n.\n" + (reportText == null ? "" : reportText));
    for (String part : c.split("\\s*(?:,|&|/|\\band\\b|\\+)\\s*")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!within.fullNames.contains(p.replaceFirst("^(?:Dr|Prof|Mr|Ms|Mrs)\\.?\\s+", ""))
          && !fullNames.contains(p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The full name a sentence refers to by first name only ("Ann's demo…", "Then Ann showed…", "…but
   * Ann is a big name"), when this report names exactly one person with that first name and the
   * sentence does not name them in full; else null.
   */
  public String shortReference(String sentence) {
    String s = Bullets.stripBullet(sentence).replaceFirst("^[\"“‘'(]+", "");
    String[] ws = s.split("\\s+");
    for (int i = 0; i < ws.length; i++) {
      String w = ws[i].replaceAll("['’]s?$", "").replaceAll("[^\\p{L}\\-]", "");
      String full = byFirst.get(w);
      if (full != null && !s.contains(full)) {
        String next = i + 1 < ws.length ? ws[i + 1].replaceAll("[^\\p{L}\\p{N}]", "") : "";
        // "Ann Lee" spelled in full, or "Ann X" where X is another name or a product: not a short
        // reference
        if (!full.endsWith(" " + next)
            && (next.isEmpty() || !Character.isUpperCase(next.codePointAt(0)))) {
          return full;
        }
      }
    }
    return null;
  }

  /** The names as a list, sorted, for tests and reports. */
  public List<String> sorted() {
    return fullNames.stream().sorted().toList();
  }
}
