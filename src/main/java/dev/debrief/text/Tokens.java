package dev.debrief.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words of report text, as the digest and the chatter rules read them: letters and digits with the
 * inner punctuation of names and numbers ("C++", "node.js", "on-call", "1.6", "it's"). Not the BM25
 * analysis (that is {@code index.TextAnalysis}) and not the question words of {@code answer.Words},
 * which also keep a colon ("re:Invent").
 */
public final class Tokens {
  private Tokens() {}

  /**
   * One word: a letter or digit, or a run that starts with one and ends with one (or with + or #).
   */
  public static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#'’.\\-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * The {@link #WORD}s of {@code text} after NFKC normalisation, lower case ({@link Locale#ROOT}),
   * in order.
   */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    var m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * A comparison key: lower case ({@link Locale#ROOT}), every run of characters other than letters
   * and digits made one space, trimmed ("Key Takeaways:" becomes "key takeaways").
   */
  public static String fold(String s) {
    return NOT_LETTER_OR_DIGIT.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
