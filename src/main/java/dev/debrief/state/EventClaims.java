package dev.debrief.state;

import java.time.Clock;
import java.time.Duration;

/**
 * Slack event ids already taken, so a retried or redelivered event ({@code X-Slack-Retry-Num}, a
 * Socket Mode redelivery; both keep the {@code event_id},
 * https://api.slack.com/apis/events-api#retries) is recognised after a restart too. Records of kind
 * {@value #KIND}, id the {@code event_id}.
 */
public final class EventClaims {
  /** The record kind. */
  public static final String KIND = "event";

  /**
   * How long an event id is remembered: Slack retries a delivery three times, the last about five
   * minutes after the first; a day also covers a redelivery after a long outage of this server.
   */
  public static final Duration TTL = Duration.ofHours(24);

  private final StateStore store;
  private final Clock clock;

  public EventClaims(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** True when the event was taken before (null or empty ids never are). */
  public boolean seen(String eventId) {
    return eventId != null && !eventId.isEmpty() && store.get(key(eventId)).isPresent();
  }

  /** Takes the event; true the first time (null or empty ids are always first). */
  public boolean take(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      return true;
    }
    return store.insertIfAbsent(key(eventId), "", clock.instant().plus(TTL)).isPresent();
  }

  private static StateKey key(String eventId) {
    return new StateKey(KIND, eventId);
  }
}
