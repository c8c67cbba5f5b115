package dev.debrief.slack;

import dev.debrief.digest.Digest;
import dev.debrief.digest.DigestPoster;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.DigestSubscriptions;
import dev.debrief.digest.DigestText;
import dev.debrief.digest.EventMatcher;
import dev.debrief.digest.EventSummarizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digest side of the Slack app: {@code /digest [24h|7d|EVENT]}, {@code /digest subscribe
 * [HH:MM] [EVENT]}, {@code /digest unsubscribe [EVENT]}, {@code /digest subscriptions}, event
 * briefs ({@code @Debrief summarize EVENT}, {@code /debrief summary EVENT}), the App Home's
 * subscription list and the {@link DigestPoster} that scheduled digests go out through. Report text
 * goes through {@link Mrkdwn#escape} exactly once; only links Debrief builds stay live; long output
 * is packed into several messages within Slack's limits. The subscription replies are {@link
 * DigestSubscriptionReplies}'s.
 */
public final class SlackDigests {
  /** Renders digests and briefs as Slack mrkdwn. */
  public static final DigestText.Style MRKDWN =
      new DigestText.Style(Mrkdwn::escape, s -> "*" + s + "*", Mrkdwn::link);

  /** "summarize KubeCon Europe 2017", "summary of …", "brief on …". */
  static final Pattern SUMMARIZE =
      Pattern.compile(
          "(?is)^\\s*(?:summari[sz]e|summary(?:\\s+of)?|brief(?:\\s+(?:on|of))?)\\s*:?\\s+(.+)$");

  static final String USAGE =
      "*/digest* — what's new in the reports\n"
          + "• `/digest` or `/digest 24h`, `/digest 7d`, `/digest 2026-03-01` — reports added since then, summarised\n"
          + "• `/digest EVENT` — every report of one event, summarised\n"
          + "• `/digest subscribe [HH:MM] [EVENT]` — a digest in this channel every day (your time zone)\n"
          + "• `/digest unsubscribe [EVENT]`, `/digest subscriptions`\n"
          + "• `/debrief summarize EVENT` (or `summary`) or `@Debrief summarize EVENT` — a brief of a whole event";

  private final DigestService digests;
  private final EventSummarizer summarizer;
  private final DigestSubscriptions subscriptions;
  private final Clock clock;
  private final String defaultWindow;
  private final DigestSubscriptionReplies subscriptionReplies;

  /**
   * @param digests builds digests
   * @param summarizer builds event briefs
   * @param subscriptions scheduled digests
   * @param clock "now"
   * @param defaultWindow window of a bare {@code /digest} ({@code digest.defaultWindow})
   */
  public SlackDigests(
      DigestService digests,
      EventSummarizer summarizer,
      DigestSubscriptions subscriptions,
      Clock clock,
      String defaultWindow) {
    this.digests = digests;
    this.summarizer = summarizer;
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.defaultWindow = defaultWindow;
    this.subscriptionReplies = new DigestSubscriptionReplies(summarizer, subscriptions);
  }

  /** The subscriptions. */
  public DigestSubscriptions subscriptions() {
    return subscriptions;
  }

  /** The digest service. */
  public DigestService digestService() {
    return digests;
  }

  /**
   * Everything {@code /digest} can do.
   *
   * @param text the command text
   * @param channel where it was typed (subscriptions belong to it)
   * @param user who typed it
   * @param allowed channels whose restricted reports the asker may see here (the access policy's
   *     answer)
   * @param zone the user's time zone (from users.info; UTC when unknown), looked up only when
   *     needed
   */
  public List<OutMessage> command(
      String text,
      String channel,
      String user,
      List<String> allowed,
      java.util.function.Supplier<ZoneId> zone) {
    String t = text == null ? "" : text.strip();
    String[] words = t.isEmpty() ? new String[0] : t.split("\\s+");
    String first = words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
    String rest =
        words.length <= 1 ? "" : String.join(" ", Arrays.asList(words).subList(1, words.length));
    switch (first) {
      case "subscribe" -> {
        return text(subscriptionReplies.subscribe(rest, channel, user, allowed, zone.get()));
      }
      case "unsubscribe" -> {
        return text(subscriptionReplies.unsubscribe(rest, channel, allowed));
      }
      case "subscriptions", "list" -> {
        return text(subscriptionReplies.listing(channel));
      }
      case "help" -> {
        return text(USAGE);
      }
      default -> {
        // a window, or an event name
      }
    }
    Instant now = clock.instant();
    if (t.isEmpty() || DigestService.isWindow(t)) {
      ZoneId z = zone.get();
      Instant from;
      try {
        from = DigestService.parseSince(t.isEmpty() ? defaultWindow : t, clock, z);
      } catch (IllegalArgumentException e) {
        return text(Mrkdwn.escape(e.getMessage()) + "\n\n" + USAGE);
      }
      return render(digests.digest(from, now, "", allowed), z);
    }
    EventMatcher.Match m = summarizer.matcher(allowed).match(t);
    if (m instanceof EventMatcher.Found f) {
      return render(digests.digest(Instant.EPOCH, now, f.event(), allowed), zone.get());
    }
    return text(
        Mrkdwn.escape(EventMatcher.message(m))
            + "\nFor a time window use `/digest 24h` or `/digest 7d`.");
  }

  /** A digest as messages. */
  public List<OutMessage> render(Digest d, ZoneId zone) {
    String fallback =
        d.isEmpty()
            ? DigestText.nothingNew(d.from(), zone)
            : "Digest: " + DigestText.coverageLine(d.coverage());
    return Blocks.pack(
        new ArrayList<>(Blocks.sections(DigestText.digest(d, zone, MRKDWN))),
        Mrkdwn.escape(fallback));
  }

  /**
   * An event brief (or the did-you-mean / known-events message) as messages.
   *
   * @param allowed channels whose restricted reports may be used (the access policy's answer for
   *     the asker)
   */
  public List<OutMessage> summary(String eventQuery, List<String> allowed) {
    if (eventQuery == null || eventQuery.isBlank()) {
      return text(
          "Which event? For example `/debrief summary KubeCon Europe 2017`.\n"
              + Mrkdwn.escape(EventMatcher.message(summarizer.matcher(allowed).match(""))));
    }
    EventSummarizer.Outcome o = summarizer.summarize(eventQuery, allowed);
    if (o.summary().isEmpty()) {
      return text(Mrkdwn.escape(o.message()));
    }
    return Blocks.pack(
        new ArrayList<>(Blocks.sections(DigestText.summary(o.summary().get(), MRKDWN))),
        Mrkdwn.escape(o.summary().get().event() + " — event summary"));
  }

  /**
   * For a mention or DM that starts like a summarize request: the brief (or a did-you-mean list)
   * when the rest names a known event, else empty, so "summarize the storage talk" is answered as a
   * question.
   */
  public Optional<List<OutMessage>> summaryIfEvent(String text, List<String> allowed) {
    Optional<String> asked = summarizeRequest(text);
    if (asked.isEmpty()
        || summarizer.matcher(allowed).match(asked.get()) instanceof EventMatcher.Unknown) {
      return Optional.empty();
    }
    return Optional.of(summary(asked.get(), allowed));
  }

  /**
   * The event asked for when {@code text} is a summarize request ("summarize KubeCon 2017"), else
   * empty.
   */
  public static Optional<String> summarizeRequest(String text) {
    Matcher m = SUMMARIZE.matcher(text == null ? "" : text);
    return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** The channel's subscriptions in mrkdwn. */
  public String listing(String channel) {
    return subscriptionReplies.listing(channel);
  }

  /** Every subscription, for the App Home (at most 20 lines). */
  public String homeSummary() {
    return subscriptionReplies.homeSummary();
  }

  /**
   * Posts scheduled digests with {@code chat.postMessage}: the first message in the channel, the
   * rest in its thread, dates in the subscription's time zone. A refused post throws, so the
   * scheduler keeps the window open and retries.
   */
  public DigestPoster poster(SlackApi api) {
    return (channel, digest) -> {
      ZoneId zone =
          subscriptions.forChannel(channel).stream()
              .filter(s -> EventMatcher.key(s.event()).equals(EventMatcher.key(digest.event())))
              .map(DigestSubscriptions.Subscription::zoneId)
              .findFirst()
              .orElse(ZoneId.of("UTC"));
      List<OutMessage> messages = render(digest, zone);
      try {
        String first = api.post(channel, null, messages.get(0));
        for (int i = 1; i < messages.size(); i++) {
          api.post(channel, first, messages.get(i));
        }
      } catch (SlackCallException e) {
        throw new IllegalStateException("chat.postMessage to " + channel + ": " + e.error(), e);
      }
    };
  }

  private static List<OutMessage> text(String mrkdwn) {
    return Blocks.pack(new ArrayList<>(Blocks.sections(mrkdwn)), mrkdwn);
  }
}
