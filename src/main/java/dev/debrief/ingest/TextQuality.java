package dev.debrief.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether extracted text reads as words: the share of its words that are common function words of
 * some language ({@code common-words.txt}: 20 languages written in the Latin script), and the share
 * of characters that are replacement or control characters. Used on PDF text, where a font without
 * a usable Unicode mapping turns a page into letter salad ("FYQFSJFODF DPNNVOJUZ") that parses fine
 * but means nothing.
 *
 * <p>Thresholds, measured on the 15 reports of {@code ../shared/reports} (their parsed text): the
 * share of common words is between 0.257 (raw bullet notes) and 0.425; the same texts with every
 * letter moved one place on, as a subset font's codes decode without their mapping, give 0.048 to
 * 0.054 (chance hits such as "to" becoming "up"). The threshold sits between the two, about twice
 * as far from each. A PDF of those reports cut at a byte offset ({@code head -c}) so that its fonts
 * are lost extracts to 77–79% control characters.
 */
final class TextQuality {
  /** Below this share of common words a text of at least {@link #MIN_WORDS} words is not prose. */
  static final double MIN_COMMON_SHARE = 0.12;

  /** Fewer words than this are too few to judge (a title page, a table of numbers). */
  static final int MIN_WORDS = 60;

  /**
   * Above this share of U+FFFD or control characters among non-space characters, the text is
   * damaged.
   */
  static final double MAX_BAD_CHAR_SHARE = 0.01;

  private static final Set<String> COMMON = load();

  /**
   * Letter counts of a text.
   *
   * @param words runs of two or more letters
   * @param common how many of them are common function words
   * @param chars non-space characters
   * @param badChars U+FFFD replacement and control characters among them
   */
  record Measure(int words, int common, int chars, int badChars) {
    double commonShare() {
      return words == 0 ? 0 : (double) common / words;
    }

    double badShare() {
      return chars == 0 ? 0 : (double) badChars / chars;
    }

    /** Why the text is not readable, or "" when it is (or is too short to judge). */
    String problem() {
      if (badShare() > MAX_BAD_CHAR_SHARE) {
        return String.format(
            Locale.ROOT,
            "%.0f%% of its characters are replacement or control characters",
            100 * badShare());
      }
      if (words >= MIN_WORDS && commonShare() < MIN_COMMON_SHARE) {
        return String.format(
            Locale.ROOT,
            "its text does not read as words (%.1f%% of %,d words are common words;"
                + " prose has over 20%%)",
            100 * commonShare(),
            words);
      }
      return "";
    }
  }

  private TextQuality() {}

  /** Counts words, common words and damaged characters of {@code text}. */
  static Measure measure(String text) {
    int words = 0;
    int common = 0;
    int chars = 0;
    int bad = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        word.append(Character.toLowerCase(c));
      } else {
        if (word.length() >= 2) {
          words++;
          if (COMMON.contains(word.toString())) {
            common++;
          }
        }
        word.setLength(0);
      }
      if (i < text.length() && !Character.isWhitespace(c)) {
        chars++;
        if (c == '\uFFFD' || Character.isISOControl(c)) {
          bad++;
        }
      }
    }
    return new Measure(words, common, chars, bad);
  }

  private static Set<String> load() {
    Set<String> out = new HashSet<>();
    try (InputStream in = TextQuality.class.getResourceAsStream("common-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-words.txt is missing from the classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int colon = line.indexOf(':');
        if (line.startsWith("#") || colon < 0) {
          continue;
        }
        for (String w : line.substring(colon + 1).strip().split("\\s+")) {
          if (w.length() >= 2) {
            out.add(w.toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(out);
  }
}
