package dev.debrief.digest;

import dev.debrief.text.StopWords;
import dev.debrief.text.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Small text helpers shared by digests and event summaries: topic words, citation markers,
 * shortening. Words, stop words and sentences come from the {@code text} toolkit.
 */
final class Text {
  private Text() {}

  /**
   * Topic words: {@link Tokens#words} without {@link StopWords#TOPIC}, pure numbers of fewer than 4
   * digits and 1-letter words.
   */
  static List<String> topicWords(String text) {
    List<String> out = new ArrayList<>();
    for (String w : Tokens.words(text)) {
      if (w.length() < 2
          || StopWords.TOPIC.contains(w)
          || w.matches("\\d{1,3}")
          || w.matches("[\\d.,:\\-]+")) {
        continue;
      }
      out.add(w);
    }
    return out;
  }

  /** Appends {@code [n]} before a final period: "It scales." becomes "It scales [1]." */
  static String cite(String sentence, String markers) {
    String s = sentence.strip();
    if (s.endsWith(".") && !s.endsWith("..")) {
      return s.substring(0, s.length() - 1) + " " + markers + ".";
    }
    if (s.matches("(?s).*[!?:;…][\"”’)]?$")) {
      return s + " " + markers;
    }
    return s + " " + markers
        + "."; // a note fragment: close it so the next sentence does not run on
  }

  /** Cuts {@code s} to at most {@code max} characters at a word boundary, adding "…" when cut. */
  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    if (cut < max / 2) {
      cut = max - 1;
    }
    if (Character.isHighSurrogate(s.charAt(cut - 1))) {
      cut--;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }
}
