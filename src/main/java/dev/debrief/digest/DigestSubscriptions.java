package dev.debrief.digest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.debrief.model.Hashes;
import dev.debrief.state.MemoryStateStore;
import dev.debrief.state.StateException;
import dev.debrief.state.StateKey;
import dev.debrief.state.StateRecord;
import dev.debrief.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Scheduled digests per Slack channel, one record each in a {@link StateStore} (kind {@value
 * #KIND}, id {@code CHANNEL:EVENT_KEY}), so that every replica sharing the store (SolrCloud's state
 * collection) sees and updates the same subscriptions. Changes are read-modify-compare-and-set on
 * one record, so two replicas changing one subscription at once lose neither change. A channel has
 * at most one subscription per event ("" = all events). Thread-safe.
 *
 * <p>The embedded default ({@link #DigestSubscriptions(Path, Clock)}) keeps the records in memory
 * and writes them all as one JSON file after every change (by default {@code
 * index/subscriptions.json}, {@code digest.subscriptionsFile}), rewritten atomically so a crash
 * leaves either the old or the new file ({@link SubscriptionsFile}).
 *
 * <p>About 300 lines, one job: the public {@link Subscription} record and the compare-and-set
 * changes on it; the file form and time parsing ({@link TimesOfDay}) live apart.
 */
public final class DigestSubscriptions {
  /** The record kind in a shared store. */
  public static final String KIND = "digest_sub";

  private static final Gson RECORD_GSON = new GsonBuilder().disableHtmlEscaping().create();

  /**
   * Attempts of one read-modify-compare-and-set before giving up (another replica won every time).
   */
  private static final int ATTEMPTS = 20;

  /** Default time of day when none is given. */
  public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

  /**
   * One channel's scheduled digest.
   *
   * @param channel Slack channel id
   * @param time local time of day, {@code HH:mm}
   * @param zone IANA time zone id of the subscriber ("UTC" when unknown)
   * @param event only this event ("" for all)
   * @param createdBy the Slack user who subscribed ("" when unknown)
   * @param createdAt epoch ms when subscribed
   * @param lastCoveredUntil epoch ms: the previous digest covered everything indexed before this
   *     instant; the next covers {@code [lastCoveredUntil, run time)}
   * @param lastRunAt epoch ms of the previous digest (createdAt before the first)
   */
  public record Subscription(
      String channel,
      String time,
      String zone,
      String event,
      String createdBy,
      long createdAt,
      long lastCoveredUntil,
      long lastRunAt) {
    /** The time of day. */
    public LocalTime localTime() {
      return LocalTime.parse(time);
    }

    /** The zone (UTC when the stored id is unknown to this JVM). */
    public ZoneId zoneId() {
      return zoneOrUtc(zone);
    }

    Subscription covered(long until, long ranAt) {
      return new Subscription(channel, time, zone, event, createdBy, createdAt, until, ranAt);
    }

    /**
     * Missing fields of an older file or record filled in; null when it names no channel or time.
     */
    static Subscription normalized(Subscription s) {
      if (s == null || s.channel() == null || s.time() == null) {
        return null;
      }
      return new Subscription(
          s.channel(),
          s.time(),
          s.zone() == null ? "UTC" : s.zone(),
          s.event() == null ? "" : s.event(),
          s.createdBy() == null ? "" : s.createdBy(),
          s.createdAt(),
          s.lastCoveredUntil(),
          s.lastRunAt());
    }
  }

  private static final Comparator<Subscription> MADE_ORDER =
      Comparator.comparingLong(Subscription::createdAt)
          .thenComparing(Subscription::channel)
          .thenComparing(s -> EventMatcher.key(s.event()));

  private final StateStore store;
  private final Path file;
  private final Clock clock;

  /**
   * Subscriptions in a JSON file, loaded now (a missing file means no subscriptions).
   *
   * @throws IllegalStateException when the file exists but is not a subscriptions file
   */
  public DigestSubscriptions(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    this.store = new MemoryStateStore(clock);
    if (Files.isRegularFile(file)) {
      for (Subscription n : SubscriptionsFile.read(file)) {
        store.put(key(n.channel(), n.event()), RECORD_GSON.toJson(n), StateStore.NEVER);
      }
    }
  }

  /**
   * Subscriptions in a shared store.
   *
   * @param store the store every replica uses (records of kind {@value #KIND})
   * @param clock when a subscription is made
   */
  public DigestSubscriptions(StateStore store, Clock clock) {
    this.store = store;
    this.file = null;
    this.clock = clock;
  }

  /** The file, or null when the subscriptions live in a shared store. */
  public Path file() {
    return file;
  }

  /**
   * Every subscription, in the order they were made. @throws StateException when the store cannot
   * be read
   */
  public List<Subscription> list() {
    List<Subscription> out = new ArrayList<>();
    for (StateRecord r : store.list(KIND)) {
      Subscription s = parse(r);
      if (s != null) {
        out.add(s);
      }
    }
    out.sort(MADE_ORDER);
    return out;
  }

  /** The channel's subscriptions. */
  public List<Subscription> forChannel(String channel) {
    return list().stream().filter(s -> s.channel().equals(channel)).toList();
  }

  /**
   * The subscription of this channel and event as it is now (another replica may have changed it).
   */
  public Optional<Subscription> current(String channel, String event) {
    return store.get(key(channel, event)).map(DigestSubscriptions::parse);
  }

  /**
   * Subscribes a channel (or changes the time of its existing subscription for the same event,
   * keeping what it has covered so far, so a change never repeats nor skips reports). A new
   * subscription's first digest covers what is indexed from now on.
   *
   * @param zone IANA id; blank or unknown ids mean UTC
   */
  public Subscription subscribe(
      String channel, LocalTime time, String zone, String event, String user) {
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("a subscription needs a channel");
    }
    String ev = event == null ? "" : event.strip();
    String z = zoneOrUtc(zone).getId();
    String hhmm = String.format("%02d:%02d", time.getHour(), time.getMinute());
    return update(
            channel,
            ev,
            old -> {
              long now = clock.millis();
              return old == null
                  ? new Subscription(channel, hhmm, z, ev, user == null ? "" : user, now, now, now)
                  : new Subscription(
                      channel,
                      hhmm,
                      z,
                      ev,
                      old.createdBy(),
                      old.createdAt(),
                      old.lastCoveredUntil(),
                      old.lastRunAt());
            })
        .orElseThrow();
  }

  /**
   * Removes the channel's subscriptions (only the one for {@code event} when not blank); returns
   * how many.
   */
  public int unsubscribe(String channel, String event) {
    int removed = 0;
    for (Subscription s : forChannel(channel)) {
      if (event == null
          || event.isBlank()
          || EventMatcher.key(s.event()).equals(EventMatcher.key(event))) {
        removed += store.remove(key(s.channel(), s.event())) ? 1 : 0;
      }
    }
    if (removed > 0) {
      save();
    }
    return removed;
  }

  /**
   * Records that the channel's digest for {@code s.event()} covered everything before {@code
   * until}.
   */
  public void markCovered(Subscription s, Instant until, Instant ranAt) {
    update(
        s.channel(),
        s.event(),
        cur -> cur == null ? null : cur.covered(until.toEpochMilli(), ranAt.toEpochMilli()));
  }

  /**
   * Read-modify-compare-and-set of one subscription; {@code change} gets the current one (null when
   * absent) and returns the new one (null: leave it absent).
   */
  private Optional<Subscription> update(
      String channel, String event, UnaryOperator<Subscription> change) {
    StateKey key = key(channel, event);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<StateRecord> cur = store.get(key);
      Subscription next = change.apply(cur.map(DigestSubscriptions::parse).orElse(null));
      if (next == null) {
        return Optional.empty();
      }
      String value = RECORD_GSON.toJson(next);
      boolean written =
          cur.isPresent()
              ? store.compareAndSet(key, cur.get().version(), value, StateStore.NEVER).isPresent()
              : store.insertIfAbsent(key, value, StateStore.NEVER).isPresent();
      if (written) {
        save();
        return Optional.of(next);
      }
    }
    throw new StateException(
        "the digest subscription " + key.id() + " kept changing; it was not saved");
  }

  private static Subscription parse(StateRecord r) {
    try {
      return Subscription.normalized(RECORD_GSON.fromJson(r.value(), Subscription.class));
    } catch (JsonParseException e) {
      return null;
    }
  }

  /** {@code CHANNEL:EVENT_KEY}, or a hash of it when it would be longer than a state key allows. */
  static StateKey key(String channel, String event) {
    String id = channel + ":" + EventMatcher.key(event);
    if (id.length() > StateKey.MAX_ID_CHARS) {
      id = channel + ":sha256:" + Hashes.sha256Hex(EventMatcher.key(event));
    }
    return new StateKey(KIND, id);
  }

  /** The file form: every subscription, rewritten atomically (nothing to do for a shared store). */
  private synchronized void save() {
    if (file == null) {
      return;
    }
    SubscriptionsFile.write(file, list());
  }

  /**
   * A time of day: {@code 9}, {@code 09:30}, {@code 9am}, {@code 5:15pm} ({@link
   * TimesOfDay#parse}).
   *
   * @throws IllegalArgumentException when {@code text} is not one
   */
  public static LocalTime parseTime(String text) {
    return TimesOfDay.parse(text);
  }

  /** True when {@code text} is a time of day. */
  public static boolean isTime(String text) {
    return TimesOfDay.isTime(text);
  }

  /** The zone for an IANA id; UTC when blank or unknown. */
  public static ZoneId zoneOrUtc(String id) {
    return TimesOfDay.zoneOrUtc(id);
  }
}
