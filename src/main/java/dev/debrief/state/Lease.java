package dev.debrief.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease in a {@link StateStore}: among the processes sharing the store, at most one holds it at a
 * time (for example the one replica that posts scheduled digests). One record of kind {@value
 * #KIND}, id the lease's name, value the holder's id, expiring {@code ttl} after it was last taken
 * or renewed. {@link #acquire()} takes a free or expired lease with {@link
 * StateStore#insertIfAbsent} and renews its own with {@link StateStore#compareAndSet} on the
 * version it read, so two processes never both succeed: whoever writes second meets a record that
 * exists (insert) or changed (compare-and-set). A holder that stops renewing (a crash, a long
 * pause) loses the lease when it expires; one that stops cleanly {@link #release()}s it.
 *
 * <p>A holder must renew before each action the lease guards and act only when that succeeded; then
 * another process can take over no earlier than {@code ttl} after the renewal, so keep the action
 * much shorter than {@code ttl}. Thread-safe.
 */
public final class Lease {
  /** The record kind. */
  public static final String KIND = "lease";

  private final StateStore store;
  private final StateKey key;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;

  /**
   * @param store where the lease record lives (shared by the contenders)
   * @param name the lease, e.g. {@code "digest_scheduler"}
   * @param holder this contender's id, unique among the contenders (a random id per process)
   * @param ttl how long a taking or renewal lasts, positive
   * @param clock "now"
   */
  public Lease(StateStore store, String name, String holder, Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease's ttl must be positive, got " + ttl);
    }
    if (holder == null || holder.isBlank()) {
      throw new IllegalArgumentException("a lease holder needs an id, got \"" + holder + "\"");
    }
    this.store = store;
    this.key = new StateKey(KIND, name);
    this.holder = holder;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** This contender's id. */
  public String holder() {
    return holder;
  }

  /**
   * Takes the lease when it is free or expired, or renews it when this contender holds it.
   *
   * @return true when this contender holds the lease for {@code ttl} from now
   * @throws StateException when the store cannot be read or written
   */
  public synchronized boolean acquire() {
    Instant until = clock.instant().plus(ttl);
    Optional<StateRecord> cur = store.get(key);
    if (cur.isEmpty()) {
      return store.insertIfAbsent(key, holder, until).isPresent();
    }
    if (!cur.get().value().equals(holder)) {
      return false;
    }
    return store.compareAndSet(key, cur.get().version(), holder, until).isPresent();
  }

  /** The current holder's id, or empty when the lease is free. */
  public Optional<String> heldBy() {
    return store.get(key).map(StateRecord::value);
  }

  /**
   * Gives the lease up when this contender holds it (its record expires now), so another need not
   * wait for the expiry.
   *
   * @throws StateException when the store cannot be read or written
   */
  public synchronized void release() {
    Optional<StateRecord> cur = store.get(key);
    if (cur.isPresent() && cur.get().value().equals(holder)) {
      store.compareAndSet(key, cur.get().version(), holder, clock.instant());
    }
  }
}
