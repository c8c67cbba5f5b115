package dev.debrief.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers what was already handled so a question is answered exactly once. Two keys are claimed: the
 * Events API {@code event_id} (identical across HTTP retries carrying {@code X-Slack-Retry-Num} and Socket Mode
 * re-deliveries, https://api.slack.com/apis/events-api#retries) and the question's {@code (channel, ts)}
 * (identical for the {@code app_mention} and {@code message} events of one message, and for an edited
 * message). Memory is bounded; the oldest keys are forgotten first.
 */
public final class Dedupe {
  private final Map<String, Boolean> seen;

  /** @param capacity how many keys to remember */
  public Dedupe(int capacity) {
    this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** True the first time an event id is seen (null or empty ids are never duplicates). */
  public boolean firstEvent(String eventId) {
    return eventId == null || eventId.isEmpty() || claim("e:" + eventId);
  }

  /** True the first time the message {@code (channel, ts)} is claimed for an answer. */
  public boolean claimMessage(String channel, String ts) {
    return claim("m:" + channel + ":" + ts);
  }

  /** True when the message was already claimed. */
  public synchronized boolean isClaimed(String channel, String ts) {
    return seen.containsKey("m:" + channel + ":" + ts);
  }

  private synchronized boolean claim(String key) {
    return seen.putIfAbsent(key, Boolean.TRUE) == null;
  }
}
