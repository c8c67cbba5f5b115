package dev.debrief.digest;

/**
 * Delivers a scheduled digest to a channel. The Slack app implements it with {@code
 * chat.postMessage}; tests record the calls. Throwing means "not delivered": the scheduler then
 * keeps the window open and retries, so nothing is lost.
 */
@FunctionalInterface
public interface DigestPoster {
  /** Posts {@code digest} to {@code channel}. */
  void post(String channel, Digest digest);
}
