package dev.debrief.slack;

import java.util.Locale;

/**
 * Cuts a question to {@code slack.maxQuestionChars} (never inside a surrogate pair or a mrkdwn
 * token, {@link TextSplitter#isSafe}) and says so in a note the answer shows.
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
    int end = maxChars;
    while (end > 0 && !TextSplitter.isSafe(text, end, false)) {
      end--;
    }
    return new Trimmed(
        text.substring(0, end),
        "your question was "
            + String.format(Locale.ROOT, "%,d", text.length())
            + " characters; I used the first "
            + String.format(Locale.ROOT, "%,d", end));
  }
}
