package dev.debrief.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms a sentence is matched on: its analyzed terms, plus {@link #NUMBER} when it holds a
 * digit and {@link #SELF} when its author speaks in the first person.
 */
final class LineTerms {
  private LineTerms() {}

  /**
   * A pseudo-term for "holds a number", which no analyzed word can equal (analyzed terms have no
   * "#"): it answers a question's "stats", "how many", "what share".
   */
  static final String NUMBER = "#number";

  /**
   * A pseudo-term for "the author speaks here" (a first-person sentence: I, my, we): a question
   * naming the report's author ("what did Logan get wrong?") is answered by what the author says of
   * themselves.
   */
  static final String SELF = "#self";

  private static final Pattern FIRST_PERSON =
      Pattern.compile(
          "\\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|My|" + "me|mine|we|We|our|Our|us)\\b");

  /** The terms of a sentence. */
  static Set<String> of(List<String> analyzed, String sentence) {
    Set<String> out = new HashSet<>(analyzed);
    if (sentence.codePoints().anyMatch(Character::isDigit)) {
      out.add(NUMBER);
    }
    if (FIRST_PERSON.matcher(sentence).find()) {
      out.add(SELF);
    }
    return out;
  }
}
