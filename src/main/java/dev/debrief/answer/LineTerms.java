package dev.debrief.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The terms a sentence is matched on: its analyzed terms, plus {@link #NUMBER} when it holds a digit. */
final class LineTerms {
  private LineTerms() {}

  /**
   * A pseudo-term for "holds a number", which no analyzed word can equal (analyzed terms have no "#"): it
   * answers a question's "stats", "how many", "what share".
   */
  static final String NUMBER = "#number";

  /** The terms of a sentence. */
  static Set<String> of(List<String> analyzed, String sentence) {
    Set<String> out = new HashSet<>(analyzed);
    if (sentence.codePoints().anyMatch(Character::isDigit)) {
      out.add(NUMBER);
    }
    return out;
  }
}
