package dev.debrief.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface words of a question or a name, as typed, for recognising events, editions and names: a
 * word keeps the inner punctuation of product and event names ("re:Invent", "C++26", "Node.js",
 * "1.6", "on-call") and loses a possessive ("Beda's" is "Beda"). Nothing here is analyzed or
 * stemmed; BM25 terms come from the index's analyzer.
 */
public final class Words {
  private Words() {}

  /** Longest text read (a pasted essay is not a question about an event). */
  static final int MAX_CHARS = 2_000;

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#'’.:\\-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");
  private static final Pattern POSSESSIVE = Pattern.compile("(?i)['’]s?$");

  /**
   * One word.
   *
   * @param text the word as typed, possessive removed ("Beda", "re:Invent", "1.6")
   * @param key the comparison form: lower case, inner punctuation other than {@code + #} and a dot
   *     between digits removed ("reinvent", "c++26", "nodejs", "1.6", "oncall")
   * @param position index among the text's words, 0-based
   * @param sentenceStart true for the first word of the text or of a sentence in it (after . ? ! or
   *     :)
   * @param start offset of the word in the (normalized) text
   */
  public record Word(String text, String key, int position, boolean sentenceStart, int start) {
    /** True when written with a capital first letter. */
    public boolean capitalized() {
      return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    /** True when the word holds a digit ("1.6", "P3691", "WG21"). */
    public boolean hasDigit() {
      return text.codePoints().anyMatch(Character::isDigit);
    }

    /** True for a number such as "2021", "31" or "1.6". */
    public boolean numeric() {
      return key.matches("\\d+(\\.\\d+)*");
    }

    /**
     * True for a coined name rather than a dictionary word: a capital inside the word ("KubeCon",
     * "NeurIPS"), letters mixed with digits or symbols ("WG21", "C++"), inner punctuation
     * ("re:Invent"), or all capitals ("AWS").
     */
    public boolean coined() {
      String letters = text.replaceAll("[^\\p{L}]", "");
      if (letters.isEmpty()) {
        return false;
      }
      boolean innerCapital =
          letters.length() > 1
              && letters.substring(1).chars().anyMatch(Character::isUpperCase)
              && !letters.equals(letters.toUpperCase(Locale.ROOT));
      boolean allCaps = letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT));
      boolean mixed = hasDigit() || text.contains("+") || text.contains("#") || text.contains(":");
      return innerCapital || allCaps || mixed;
    }
  }

  /** The words of {@code text} (at most {@link #MAX_CHARS} characters are read). */
  public static List<Word> of(String text) {
    List<Word> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String t =
        Normalizer.normalize(
            text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text, Normalizer.Form.NFKC);
    Matcher m = WORD.matcher(t);
    int previousEnd = 0;
    while (m.find()) {
      String w = POSSESSIVE.matcher(m.group()).replaceFirst("");
      String between = t.substring(previousEnd, m.start());
      previousEnd = m.end();
      if (w.isEmpty()) {
        continue;
      }
      boolean sentenceStart =
          out.isEmpty() || between.matches("(?s).*[.?!:]\\s.*|(?s).*[.?!:]\\s*$");
      out.add(new Word(w, key(w), out.size(), sentenceStart, m.start()));
    }
    return out;
  }

  /** The comparison form of one word (see {@link Word#key()}). */
  public static String key(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
    StringBuilder b = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean dotInNumber =
          c == '.'
              && i > 0
              && i + 1 < lower.length()
              && Character.isDigit(lower.charAt(i - 1))
              && Character.isDigit(lower.charAt(i + 1));
      if (Character.isLetterOrDigit(c) || c == '+' || c == '#' || dotInNumber) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
