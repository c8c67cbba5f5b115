package dev.debrief.digest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scheduled digests per Slack channel, persisted as one JSON file (by default {@code index/subscriptions.json},
 * {@code digest.subscriptionsFile}). Every change rewrites the whole file: written to a temporary file in the
 * same folder, forced to disk, then moved over the old one with {@code ATOMIC_MOVE}, so a crash leaves either
 * the old or the new file, never a torn one. A channel has at most one subscription per event ("" = all
 * events). Thread-safe.
 */
public final class DigestSubscriptions {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
  private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?$", Pattern.CASE_INSENSITIVE);
  private static final ZoneId UTC = ZoneId.of("UTC");
  /** Default time of day when none is given. */
  public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

  /**
   * One channel's scheduled digest.
   *
   * @param channel          Slack channel id
   * @param time             local time of day, {@code HH:mm}
   * @param zone             IANA time zone id of the subscriber ("UTC" when unknown)
   * @param event            only this event ("" for all)
   * @param createdBy        the Slack user who subscribed ("" when unknown)
   * @param createdAt        epoch ms when subscribed
   * @param lastCoveredUntil epoch ms: the previous digest covered everything indexed before this instant; the
   *                         next covers {@code [lastCoveredUntil, run time)}
   * @param lastRunAt        epoch ms of the previous digest (createdAt before the first)
   */
  public record Subscription(String channel, String time, String zone, String event, String createdBy, long createdAt,
                             long lastCoveredUntil, long lastRunAt) {
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
  }

  private record FileForm(int version, List<Subscription> subscriptions) {}

  private final Path file;
  private final Clock clock;
  private final List<Subscription> subs = new ArrayList<>();

  /**
   * Loads {@code file} (a missing file means no subscriptions).
   *
   * @throws IllegalStateException when the file exists but is not a subscriptions file
   */
  public DigestSubscriptions(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    if (Files.isRegularFile(file)) {
      try {
        FileForm f = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), FileForm.class);
        if (f != null && f.subscriptions() != null) {
          for (Subscription s : f.subscriptions()) {
            if (s != null && s.channel() != null && s.time() != null) {
              subs.add(new Subscription(s.channel(), s.time(), s.zone() == null ? "UTC" : s.zone(),
                  s.event() == null ? "" : s.event(), s.createdBy() == null ? "" : s.createdBy(), s.createdAt(),
                  s.lastCoveredUntil(), s.lastRunAt()));
            }
          }
        }
      } catch (IOException | JsonParseException e) {
        throw new IllegalStateException("cannot read digest subscriptions from " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** Every subscription, in the order they were made. */
  public synchronized List<Subscription> list() {
    return List.copyOf(subs);
  }

  /** The channel's subscriptions. */
  public synchronized List<Subscription> forChannel(String channel) {
    return subs.stream().filter(s -> s.channel().equals(channel)).toList();
  }

  /**
   * Subscribes a channel (or changes the time of its existing subscription for the same event, keeping what it
   * has covered so far, so a change never repeats nor skips reports). A new subscription's first digest covers
   * what is indexed from now on.
   *
   * @param zone IANA id; blank or unknown ids mean UTC
   */
  public synchronized Subscription subscribe(String channel, LocalTime time, String zone, String event, String user) {
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("a subscription needs a channel");
    }
    String ev = event == null ? "" : event.strip();
    String z = zoneOrUtc(zone).getId();
    long now = clock.millis();
    String hhmm = String.format("%02d:%02d", time.getHour(), time.getMinute());
    Optional<Subscription> old = find(channel, ev);
    Subscription s = old.map(o -> new Subscription(channel, hhmm, z, ev, o.createdBy(), o.createdAt(),
            o.lastCoveredUntil(), o.lastRunAt()))
        .orElse(new Subscription(channel, hhmm, z, ev, user == null ? "" : user, now, now, now));
    old.ifPresent(subs::remove);
    subs.add(s);
    save();
    return s;
  }

  /** Removes the channel's subscriptions (only the one for {@code event} when not blank); returns how many. */
  public synchronized int unsubscribe(String channel, String event) {
    int before = subs.size();
    subs.removeIf(s -> s.channel().equals(channel)
        && (event == null || event.isBlank() || EventMatcher.key(s.event()).equals(EventMatcher.key(event))));
    int removed = before - subs.size();
    if (removed > 0) {
      save();
    }
    return removed;
  }

  /** Records that the channel's digest for {@code s.event()} covered everything before {@code until}. */
  public synchronized void markCovered(Subscription s, Instant until, Instant ranAt) {
    Optional<Subscription> cur = find(s.channel(), s.event());
    if (cur.isEmpty()) {
      return; // unsubscribed meanwhile
    }
    subs.set(subs.indexOf(cur.get()), cur.get().covered(until.toEpochMilli(), ranAt.toEpochMilli()));
    save();
  }

  private Optional<Subscription> find(String channel, String event) {
    return subs.stream().filter(s -> s.channel().equals(channel)
        && EventMatcher.key(s.event()).equals(EventMatcher.key(event))).findFirst();
  }

  private void save() {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        byte[] bytes = GSON.toJson(new FileForm(1, subs)).getBytes(StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE,
            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
          ch.write(java.nio.ByteBuffer.wrap(bytes));
          ch.force(true);
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save digest subscriptions to " + file + ": " + e.getMessage(), e);
    }
  }

  /** A time of day: {@code 9}, {@code 09:30}, {@code 9am}, {@code 5:15pm}. */
  public static LocalTime parseTime(String text) {
    Matcher m = TIME.matcher(text == null ? "" : text.strip());
    if (m.matches()) {
      int h = Integer.parseInt(m.group(1));
      int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (m.group(3) != null) {
        if (h < 1 || h > 12) {
          h = -1;
        } else {
          h = h % 12 + (m.group(3).equalsIgnoreCase("pm") ? 12 : 0);
        }
      }
      if (h >= 0 && h <= 23 && min <= 59) {
        return LocalTime.of(h, min);
      }
    }
    throw new IllegalArgumentException("a time of day looks like 09:00, 17:30 or 9am, got \""
        + Text.shorten(text == null ? "" : text.strip(), 20) + "\"");
  }

  /** True when {@code text} is a time of day. */
  public static boolean isTime(String text) {
    try {
      parseTime(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The zone for an IANA id; UTC when blank or unknown. */
  public static ZoneId zoneOrUtc(String id) {
    if (id == null || id.isBlank()) {
      return UTC;
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      return UTC;
    }
  }
}
