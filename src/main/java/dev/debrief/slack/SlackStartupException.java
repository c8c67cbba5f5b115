package dev.debrief.slack;

/**
 * Start-up failed for a reason the user can fix; the message is one clear line and never holds a
 * secret.
 */
public final class SlackStartupException extends RuntimeException {
  /**
   * @param message one line saying what is wrong and what to do
   */
  public SlackStartupException(String message) {
    super(message);
  }
}
