package dev.debrief.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand: it stands still until {@link #set} or {@link #advance} moves it.
 * Thread-safe; a clock from {@link #withZone} shows the same instant as this one and moves with it.
 * The zone is UTC unless asked.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock standing at {@code start}, in UTC. */
  public TestClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock standing at an ISO-8601 instant such as {@code 2027-03-26T12:00:00Z}, in UTC. */
  public TestClock(String isoInstant) {
    this(Instant.parse(isoInstant));
  }

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock forward by {@code d} (backward when negative). */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /** Sets the clock to {@code t}, earlier or later than now. */
  public void set(Instant t) {
    now.set(Objects.requireNonNull(t, "t"));
  }

  /** Sets the clock to an ISO-8601 instant such as {@code 2027-03-27T08:00:00Z}. */
  public void set(String isoInstant) {
    set(Instant.parse(isoInstant));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return z.equals(zone) ? this : new TestClock(now, z);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
