package dev.debrief.slack;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random keys: the key under which an answer is kept for its buttons ({@link Conversations}), and
 * the short reference an apology shows and the log repeats. Thread-safe.
 */
final class AnswerKeys {
  /**
   * 9 random bytes: 18 hex digits, 72 bits, never guessed by someone pressing another answer's
   * buttons.
   */
  private static final int KEY_BYTES = 9;

  /**
   * The reference shown in an apology: the first 8 hex digits of a key, enough to find one log
   * line.
   */
  private static final int REF_CHARS = 8;

  private final SecureRandom random = new SecureRandom();

  /** A new answer key (18 hex digits). */
  String next() {
    byte[] b = new byte[KEY_BYTES];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A new error reference (8 hex digits). */
  String ref() {
    return next().substring(0, REF_CHARS);
  }
}
