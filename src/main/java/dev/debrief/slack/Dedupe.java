package dev.debrief.slack;

import dev.debrief.state.EventClaims;
import dev.debrief.state.PendingAnswers;
import java.util.Optional;

/**
 * Decides what was already handled, so a question is answered exactly once, across restarts too
 * (the state lives in a {@link dev.debrief.state.StateStore}). Two keys: the Events API {@code
 * event_id} (identical across HTTP retries carrying {@code X-Slack-Retry-Num} and Socket Mode
 * re-deliveries, https://api.slack.com/apis/events-api#retries) and the message's {@code (channel,
 * ts)} (identical for the {@code app_mention} and {@code message} events of one message, and for an
 * edited message).
 *
 * <p>Order matters for a crash: the message is claimed first (its record is what a restart
 * finishes), and the event id is taken after it. A crash between the two leaves a claimed message,
 * which recovery answers, and a retry of the event then finds the message claimed: one answer
 * either way.
 */
final class Dedupe {
  private final EventClaims events;
  private final PendingAnswers answers;

  Dedupe(EventClaims events, PendingAnswers answers) {
    this.events = events;
    this.answers = answers;
  }

  /** True unless the event was taken before (null or empty ids never were). Takes nothing. */
  boolean firstEvent(String eventId) {
    return !events.seen(eventId);
  }

  /** Takes an event that claims no message (App Home); true the first time. */
  boolean take(String eventId) {
    return events.take(eventId);
  }

  /**
   * Claims the message for {@code work}, then takes the event; empty when the message was claimed
   * before.
   *
   * @param rawText the message text as Slack sent it (the mention is removed when answering)
   */
  Optional<PendingAnswers.Pending> claim(
      String eventId,
      String channel,
      String ts,
      String threadTs,
      String user,
      String rawText,
      PendingAnswers.Work work) {
    Optional<PendingAnswers.Pending> claimed =
        answers.claim(channel, ts, threadTs, user, rawText, work);
    events.take(eventId);
    return claimed;
  }
}
