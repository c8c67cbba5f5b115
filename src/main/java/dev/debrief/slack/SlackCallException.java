package dev.debrief.slack;

/** A Web API call failed for good: Slack said {@code ok:false}, or retries were used up. */
public final class SlackCallException extends Exception {
  private final String error;

  /**
   * @param method the Web API method, e.g. "chat.postMessage"
   * @param error Slack's error code (e.g. "msg_too_long") or a short transport reason
   */
  public SlackCallException(String method, String error) {
    super(method + " failed: " + error);
    this.error = error;
  }

  /** Slack's error code, e.g. {@code msg_too_long}, {@code invalid_blocks}. */
  public String error() {
    return error;
  }

  /** True for errors that a smaller, text-only form of the message can avoid. */
  public boolean tooBig() {
    return switch (error) {
      case "msg_too_long",
          "msg_blocks_too_long",
          "invalid_blocks",
          "too_many_blocks",
          "invalid_blocks_format",
          "no_text" ->
          true;
      default -> false;
    };
  }
}
