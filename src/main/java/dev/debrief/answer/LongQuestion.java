package dev.debrief.answer;

/**
 * The question in a message longer than the question limit ({@code slack.maxQuestionChars}): people
 * paste context (standup notes, a log, a thread) and ask last, so the last sentence that asks
 * something is the question. Used by the answer service for every entry point and by the Slack bot,
 * which tells the asker what it kept.
 */
public final class LongQuestion {
  private LongQuestion() {}

  /** How far past a cut a word's start is looked for, in chars. */
  public static final int WORD_REACH = 40;

  /**
   * Where the kept end of a long text begins: the first word's start within {@link #WORD_REACH}
   * chars from {@code from}, else {@code from} (a cut inside one long token).
   *
   * @param from the first index that may be kept, 0 to {@code text.length()}
   */
  public static int wordStart(String text, int from) {
    for (int i = from; i < Math.min(text.length(), from + WORD_REACH); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return from;
  }

  /** Fewest words of the sentence a long paste ends its question with ("who filled in?" has 3). */
  public static final int MIN_ASKED_WORDS = 3;

  /**
   * The last sentence of {@code text} that ends with "?", when it has at least {@link
   * #MIN_ASKED_WORDS} words and at most {@code maxChars} chars; a sentence starts after ". ", "!",
   * "?" or a line break (a version such as "1.33" cuts it short, and is then too short to count).
   *
   * @return the sentence, stripped, or null when there is none (the caller keeps the text's end)
   */
  public static String asked(String text, int maxChars) {
    int mark = text.lastIndexOf('?');
    if (mark <= 0) {
      return null;
    }
    int from = mark;
    while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    String asked = text.substring(from, mark + 1).strip();
    return asked.length() <= maxChars && asked.split("\\s+").length >= MIN_ASKED_WORDS
        ? asked
        : null;
  }
}
