package dev.debrief.slack;

import dev.debrief.answer.LongQuestion;
import java.util.Locale;

/**
 * Cuts a question to {@code slack.maxQuestionChars}, keeping its end (people paste context first
 * and ask last), never inside a surrogate pair or a mrkdwn token ({@link TextSplitter#isSafe}) and
 * at a word's start when one is near, and says so in a note the answer shows.
 */
final class QuestionLimit {
  /** A question within the limit, and the note saying how it was cut ("" when it was not). */
  record Trimmed(String text, String note) {}

  private final int maxChars;

  /**
   * @param maxChars the longest question used, in UTF-16 chars ({@code slack.maxQuestionChars})
   */
  QuestionLimit(int maxChars) {
    this.maxChars = maxChars;
  }

  Trimmed trim(String text) {
    if (text.length() <= maxChars) {
      return new Trimmed(text, "");
    }
    String asked = LongQuestion.asked(text, maxChars);
    if (asked != null) {
      return new Trimmed(
          asked,
          "your message was "
              + String.format(Locale.ROOT, "%,d", text.length())
              + " characters; I answered its last question");
    }
    int start = text.length() - maxChars;
    while (start < text.length() && !TextSplitter.isSafe(text, start, false)) {
      start++;
    }
    String kept = text.substring(LongQuestion.wordStart(text, start));
    return new Trimmed(
        kept,
        "your question was "
            + String.format(Locale.ROOT, "%,d", text.length())
            + " characters; I used the last "
            + String.format(Locale.ROOT, "%,d", kept.length()));
  }
}
