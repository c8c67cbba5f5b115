package dev.debrief.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two contenders for one lease in one store, time moved by hand: never both, handed over on expiry
 * or release.
 */
class LeaseTest {
  private static final Duration TTL = Duration.ofMinutes(2);
  private final TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final MemoryStateStore store = new MemoryStateStore(clock);
  private final Lease a = new Lease(store, "digest_scheduler", "replica-a", TTL, clock);
  private final Lease b = new Lease(store, "digest_scheduler", "replica-b", TTL, clock);

  @Test
  void theFirstTakesItAndRenewsItWhileTheOtherWaits() {
    assertTrue(a.acquire());
    assertFalse(b.acquire());
    clock.advance(Duration.ofSeconds(90));
    assertTrue(a.acquire(), "renewed before it expired");
    clock.advance(Duration.ofSeconds(90));
    assertFalse(b.acquire(), "the renewal moved the expiry: 90 s after it the lease is still a's");
    assertEquals(Optional.of("replica-a"), b.heldBy());
  }

  @Test
  void anExpiredLeaseGoesToTheOtherAndTheOldHolderCannotRenewIt() {
    assertTrue(a.acquire());
    clock.advance(TTL);
    assertEquals(Optional.empty(), a.heldBy(), "expired at exactly ttl");
    assertTrue(b.acquire());
    assertFalse(a.acquire(), "a's renewal after the handover is refused");
    assertEquals(Optional.of("replica-b"), a.heldBy());
  }

  @Test
  void releaseHandsItOverAtOnceAndOnlyItsHolderCanRelease() {
    assertTrue(a.acquire());
    b.release();
    assertFalse(b.acquire(), "b's release of a lease it does not hold changes nothing");
    a.release();
    assertTrue(b.acquire());
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals(
        "a lease's ttl must be positive, got PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Lease(store, "x", "h", Duration.ZERO, clock))
            .getMessage());
    assertEquals(
        "a lease holder needs an id, got \" \"",
        assertThrows(IllegalArgumentException.class, () -> new Lease(store, "x", " ", TTL, clock))
            .getMessage());
  }
}
