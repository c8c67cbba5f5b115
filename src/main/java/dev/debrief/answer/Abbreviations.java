package dev.debrief.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text spells out an abbreviation a question uses: "JOSS" is mentioned by a report that
 * writes "Journal of Open Source Software", "PM" by one that writes "Product Manager". The
 * expansion is a run of capitalised words whose initials, in order, are the abbreviation's letters;
 * the small words that titles keep in lower case ("of", "and", "for", "the", "on", "in", "to", "a")
 * may sit between them and count for nothing. Case of the abbreviation's letters is ignored; only
 * abbreviations of {@link #MIN_LETTERS} to {@link #MAX_LETTERS} letters are expanded.
 */
final class Abbreviations {
  /** Shortest abbreviation looked for: one letter is an initial, not an abbreviation. */
  static final int MIN_LETTERS = 2;

  /** Longest abbreviation looked for; longer all-capital words are names of their own. */
  static final int MAX_LETTERS = 6;

  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’\\-]*");
  private static final Set<String> SMALL =
      Set.of("of", "and", "for", "the", "on", "in", "to", "a", "&");

  private Abbreviations() {}

  /**
   * True when {@code surface} is written as an abbreviation: 2 to 6 capital letters, nothing else.
   */
  static boolean isAbbreviation(String surface) {
    return surface != null && ACRONYM.matcher(surface.strip()).matches();
  }

  /**
   * @param abbreviation e.g. "JOSS" (see {@link #isAbbreviation})
   * @param text any text
   * @return true when {@code text} holds a run of capitalised words whose initials spell it
   */
  static boolean spelledOut(String abbreviation, String text) {
    if (!isAbbreviation(abbreviation) || text == null) {
      return false;
    }
    String letters = abbreviation.strip().toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    for (int start = 0; start < words.size(); start++) {
      int at = 0;
      for (int i = start; i < words.size() && at < letters.length(); i++) {
        String w = words.get(i);
        boolean capital = Character.isUpperCase(w.charAt(0));
        if (capital && Character.toLowerCase(w.charAt(0)) == letters.charAt(at)) {
          at++;
        } else if (at == 0 || capital || !SMALL.contains(w.toLowerCase(Locale.ROOT))) {
          break;
        }
      }
      if (at == letters.length()) {
        return true;
      }
    }
    return false;
  }
}
