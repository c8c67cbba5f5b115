package dev.debrief.slack;

import dev.debrief.digest.DigestSubscriptions;
import dev.debrief.digest.EventMatcher;
import dev.debrief.digest.EventSummarizer;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The replies of {@code /digest subscribe [HH:MM] [EVENT]}, {@code /digest unsubscribe [EVENT]} and
 * {@code /digest subscriptions}, and the App Home's list of every subscription, as Slack mrkdwn
 * (for {@link SlackDigests}, which packs them into messages). Report and event text goes through
 * {@link Mrkdwn#escape}; channel mentions are built from ids only.
 */
final class DigestSubscriptionReplies {
  /** Subscriptions the App Home lists before "…and N more". */
  private static final int HOME_LINES = 20;

  private final EventSummarizer summarizer;
  private final DigestSubscriptions subscriptions;

  /**
   * @param summarizer matches event names (its matcher sees only the asker's allowed channels)
   * @param subscriptions scheduled digests
   */
  DigestSubscriptionReplies(EventSummarizer summarizer, DigestSubscriptions subscriptions) {
    this.summarizer = summarizer;
    this.subscriptions = subscriptions;
  }

  /**
   * {@code /digest subscribe}: a daily digest in {@code channel} at the time given (09:00 when
   * none) in {@code zone}, of every report or of one event.
   *
   * @param args the words after {@code subscribe}
   * @param allowed channels whose restricted reports the asker may see here
   * @param zone the user's time zone
   * @return the confirmation, or why nothing was subscribed
   */
  String subscribe(String args, String channel, String user, List<String> allowed, ZoneId zone) {
    String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
    LocalTime time = DigestSubscriptions.DEFAULT_TIME;
    int from = 0;
    if (words.length > 0 && DigestSubscriptions.isTime(words[0])) {
      time = DigestSubscriptions.parseTime(words[0]);
      from = 1;
    } else if (words.length > 0 && words[0].matches("\\d{1,2}(:\\d{1,2})?([aApP][mM])?")) {
      return "I couldn't read `"
          + Mrkdwn.escape(words[0])
          + "` as a time of day; use 09:00 or 17:30.";
    }
    String eventQuery = String.join(" ", Arrays.asList(words).subList(from, words.length));
    String event = "";
    if (!eventQuery.isBlank()) {
      EventMatcher.Match m = summarizer.matcher(allowed).match(eventQuery);
      if (!(m instanceof EventMatcher.Found f)) {
        return Mrkdwn.escape(EventMatcher.message(m)) + "\nNothing was subscribed.";
      }
      event = f.event();
    }
    DigestSubscriptions.Subscription s =
        subscriptions.subscribe(channel, time, zone.getId(), event, user);
    return ":white_check_mark: "
        + channelRef(channel)
        + " gets a digest every day at "
        + s.time()
        + " ("
        + Mrkdwn.escape(s.zone())
        + ") of "
        + (event.isEmpty() ? "every new report" : "new reports about " + Mrkdwn.escape(event))
        + ". Each one covers what was added since the previous one. Stop with `/digest"
        + " unsubscribe`.";
  }

  /**
   * {@code /digest unsubscribe}: removes the channel's subscriptions of one event (the event as
   * subscribed, else as matched), or of every report when {@code eventQuery} is blank.
   *
   * @return how many were removed, as a sentence
   */
  String unsubscribe(String eventQuery, String channel, List<String> allowed) {
    String event = eventQuery;
    if (!eventQuery.isBlank()) {
      Optional<DigestSubscriptions.Subscription> exact =
          subscriptions.forChannel(channel).stream()
              .filter(s -> EventMatcher.key(s.event()).equals(EventMatcher.key(eventQuery)))
              .findFirst();
      if (exact.isEmpty()) {
        EventMatcher.Match m = summarizer.matcher(allowed).match(eventQuery);
        event = m instanceof EventMatcher.Found f ? f.event() : eventQuery;
      }
    }
    int n = subscriptions.unsubscribe(channel, event);
    return n == 0
        ? "This channel had no such digest subscription."
        : ":wave: Removed "
            + n
            + (n == 1 ? " digest subscription" : " digest subscriptions")
            + " from "
            + channelRef(channel)
            + ".";
  }

  /** The channel's subscriptions in mrkdwn. */
  String listing(String channel) {
    List<DigestSubscriptions.Subscription> subs = subscriptions.forChannel(channel);
    if (subs.isEmpty()) {
      return "No digest subscriptions in "
          + channelRef(channel)
          + ". Try `/digest subscribe 09:00`.";
    }
    StringBuilder b = new StringBuilder("*Digest subscriptions in " + channelRef(channel) + "*");
    for (DigestSubscriptions.Subscription s : subs) {
      b.append("\n• ").append(line(s));
    }
    return b.toString();
  }

  /** Every subscription, for the App Home (at most {@value #HOME_LINES} lines). */
  String homeSummary() {
    List<DigestSubscriptions.Subscription> subs = subscriptions.list();
    if (subs.isEmpty()) {
      return "None yet. In a channel, `/digest subscribe 09:00` posts a digest there every day.";
    }
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (DigestSubscriptions.Subscription s : subs) {
      if (shown++ == HOME_LINES) {
        b.append("\n…and ").append(subs.size() - HOME_LINES).append(" more");
        break;
      }
      b.append(b.length() == 0 ? "" : "\n")
          .append("• ")
          .append(channelRef(s.channel()))
          .append(": ")
          .append(line(s));
    }
    return b.toString();
  }

  private static String line(DigestSubscriptions.Subscription s) {
    return "daily at "
        + s.time()
        + " ("
        + Mrkdwn.escape(s.zone())
        + "), "
        + (s.event().isEmpty() ? "all events" : Mrkdwn.escape(s.event()));
  }

  /** A channel mention Debrief builds itself (ids only, so nothing else can be injected). */
  static String channelRef(String channel) {
    return channel != null && channel.matches("[CGD][A-Z0-9]{1,20}")
        ? "<#" + channel + ">"
        : "this channel";
  }
}
