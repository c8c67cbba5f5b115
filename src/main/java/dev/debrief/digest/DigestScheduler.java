package dev.debrief.digest;

import dev.debrief.state.Lease;
import dev.debrief.state.MemoryStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the scheduled digests of {@link DigestSubscriptions}.
 *
 * <p>Time comes only from the injected {@link Clock}; a JDK {@link ScheduledExecutorService} merely
 * wakes the scheduler every {@code tick} (30 s by default) to call {@link #runDue()}, so tests
 * drive time by moving the clock and calling {@code runDue()} themselves. (Quartz and db-scheduler
 * were considered: Quartz reads the system time directly and db-scheduler needs a database; neither
 * fits an injectable clock plus a JSON file.)
 *
 * <p>A subscription is due when its next run — the first local {@code HH:mm} in its zone after its
 * previous run — is not in the future. Local times are resolved by {@link ZonedDateTime#of}: a time
 * inside a spring-forward gap runs at the same instant shifted by the gap (02:30 becomes 03:30), a
 * time inside an autumn overlap runs once, at the earlier offset. A due digest covers {@code
 * [lastCoveredUntil, now - settle)} and, once posted, the subscription records that end: windows
 * chain without gaps or repeats. Runs missed while the bot was down collapse into one catch-up
 * digest at start-up. A failed post leaves the window open; it is retried after {@code retryAfter}
 * and then covers everything since the previous successful digest. If the process dies between a
 * successful post and the file write, that one digest is posted again after restart
 * (at-least-once); it is never lost.
 *
 * <p>Several replicas sharing one {@link DigestSubscriptions} store each run a scheduler; a {@link
 * Lease} in that store decides which one posts. A scheduler acts only while it holds the lease: it
 * takes or renews it at the start of each pass and again right before each post, and before posting
 * reads the subscription again, so a digest another replica posted meanwhile (its window already
 * covered) is not posted twice. A replica that dies hands the lease over when it expires; one that
 * stops cleanly releases it at {@link #close()}.
 */
public final class DigestScheduler implements AutoCloseable {
  /** The name of the lease that decides which replica posts scheduled digests. */
  public static final String LEASE_NAME = "digest_scheduler";

  private final DigestSubscriptions subscriptions;
  private final DigestService service;
  private final DigestPoster poster;
  private final Clock clock;
  private final Duration retryAfter;
  private final Duration settle;
  private final Consumer<String> log;
  private final Lease lease;
  private final Map<String, Instant> failedUntil = new HashMap<>();
  private ScheduledFuture<?> ticking;

  /**
   * One digest delivered. @param channel where @param event which ("" all) @param from window
   * start @param to window end
   */
  public record Run(String channel, String event, Instant from, Instant to, int reports) {}

  /**
   * @param subscriptions what to run
   * @param service builds the digests
   * @param poster delivers them
   * @param clock the only source of time
   * @param retryAfter wait after a failed post before trying again
   * @param settle a digest at {@code now} covers only up to {@code now - settle}: a report is
   *     stamped with its ingest time before its commit becomes visible (within {@code
   *     ingest.commitIntervalMillis} plus the searcher's refresh), so the newest moments are left
   *     to the next digest instead of being missed. One minute in {@code serve}; zero in tests that
   *     drive the clock.
   * @param log one-line notes (failures), never secrets
   */
  public DigestScheduler(
      DigestSubscriptions subscriptions,
      DigestService service,
      DigestPoster poster,
      Clock clock,
      Duration retryAfter,
      Duration settle,
      Consumer<String> log) {
    this(
        subscriptions,
        service,
        poster,
        clock,
        retryAfter,
        settle,
        log,
        new Lease(
            new MemoryStateStore(clock), LEASE_NAME, "this-process", Duration.ofDays(1), clock));
  }

  /**
   * A scheduler that posts only while it holds {@code lease} (one of several replicas).
   *
   * @param lease the lease named {@link #LEASE_NAME} in the store the subscriptions share, with
   *     this replica's holder id; its ttl should be several ticks, so that a live holder keeps it
   */
  public DigestScheduler(
      DigestSubscriptions subscriptions,
      DigestService service,
      DigestPoster poster,
      Clock clock,
      Duration retryAfter,
      Duration settle,
      Consumer<String> log,
      Lease lease) {
    this.lease = lease;
    this.settle = settle;
    this.subscriptions = subscriptions;
    this.service = service;
    this.poster = poster;
    this.clock = clock;
    this.retryAfter = retryAfter;
    this.log = log;
  }

  /** The first scheduled instant strictly after {@code after} for {@code time} in {@code zone}. */
  public static Instant nextRun(LocalTime time, ZoneId zone, Instant after) {
    LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < 4; i++) {
      Instant candidate = ZonedDateTime.of(day.plusDays(i), time, zone).toInstant();
      if (candidate.isAfter(after)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no run within 3 days of " + after); // unreachable for real zones
  }

  /** When the subscription runs next (may be in the past when it is due). */
  public static Instant nextRun(DigestSubscriptions.Subscription s) {
    return nextRun(s.localTime(), s.zoneId(), Instant.ofEpochMilli(s.lastRunAt()));
  }

  /**
   * Catches up missed runs once, then wakes every {@code tick} on {@code executor} to run what is
   * due. Errors are logged, never thrown into the executor (which would cancel the ticking).
   */
  public synchronized void start(ScheduledExecutorService executor, Duration tick) {
    executor.execute(this::safeRunDue);
    ticking =
        executor.scheduleWithFixedDelay(
            this::safeRunDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void safeRunDue() {
    try {
      runDue();
    } catch (RuntimeException e) {
      log.accept("digest scheduler: " + e);
    }
  }

  /**
   * Runs every due subscription once, when this scheduler holds the lease; returns the digests
   * delivered (none when another replica holds it).
   */
  public synchronized List<Run> runDue() {
    List<Run> ran = new ArrayList<>();
    if (!lease.acquire()) {
      return ran; // another replica posts the digests
    }
    Instant now = clock.instant();
    for (DigestSubscriptions.Subscription s : subscriptions.list()) {
      String key = s.channel() + "\u0000" + EventMatcher.key(s.event());
      Instant blocked = failedUntil.get(key);
      if (blocked != null && now.isBefore(blocked)) {
        continue;
      }
      if (nextRun(s).isAfter(now)) {
        continue;
      }
      Instant from = Instant.ofEpochMilli(s.lastCoveredUntil());
      Instant to = now.minus(settle);
      if (!to.isAfter(from)) {
        continue; // clock moved backwards, or subscribed moments ago: nothing to cover yet
      }
      Digest d = service.digest(from, to, s.event(), List.of(s.channel()));
      if (!lease.acquire()) {
        log.accept("digest scheduler: the lease passed to another replica; it posts the rest");
        break;
      }
      java.util.Optional<DigestSubscriptions.Subscription> fresh =
          subscriptions.current(s.channel(), s.event());
      if (fresh.isEmpty() || fresh.get().lastCoveredUntil() != s.lastCoveredUntil()) {
        continue; // unsubscribed, or its window was posted meanwhile
      }
      try {
        poster.post(s.channel(), d);
      } catch (RuntimeException e) {
        failedUntil.put(key, now.plus(retryAfter));
        log.accept(
            "digest for "
                + s.channel()
                + " not delivered, retrying after "
                + retryAfter
                + ": "
                + e.getMessage());
        continue;
      }
      failedUntil.remove(key);
      subscriptions.markCovered(s, to, now);
      ran.add(new Run(s.channel(), s.event(), from, to, d.coverage().reports()));
    }
    return ran;
  }

  /**
   * Stops ticking (the executor belongs to the caller) and releases the lease if this scheduler
   * holds it.
   */
  @Override
  public synchronized void close() {
    if (ticking != null) {
      ticking.cancel(false);
      ticking = null;
    }
    try {
      lease.release();
    } catch (RuntimeException e) {
      log.accept(
          "digest scheduler: the lease was not released (another replica takes it when it expires): "
              + e);
    }
  }
}
