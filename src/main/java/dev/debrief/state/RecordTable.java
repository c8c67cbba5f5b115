package dev.debrief.state;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantics of {@link StateStore} over a map, shared by the stores of this package: versions
 * from one counter, expiry against an injected clock, every change handed to a {@link Sink} before
 * it is applied (so a change that cannot be made durable is not made at all). Thread-safe: one lock
 * for the table.
 */
final class RecordTable {
  /** One change: a record written, or a key removed ({@code record} null). */
  record Change(StateKey key, StateRecord record) {}

  /** Receives each change before it takes effect; throws {@link StateException} to refuse it. */
  @FunctionalInterface
  interface Sink {
    void write(Change change);
  }

  private final Map<StateKey, StateRecord> records = new HashMap<>();
  private final Clock clock;
  private long lastVersion;

  RecordTable(Clock clock) {
    this.clock = clock;
  }

  synchronized Optional<StateRecord> insertIfAbsent(
      StateKey key, String value, Instant expiresAt, Sink sink) {
    if (live(key).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(write(key, value, expiresAt, sink));
  }

  synchronized Optional<StateRecord> get(StateKey key) {
    return live(key);
  }

  synchronized Optional<StateRecord> compareAndSet(
      StateKey key, long expectedVersion, String value, Instant expiresAt, Sink sink) {
    Optional<StateRecord> cur = live(key);
    if (cur.isEmpty() || cur.get().version() != expectedVersion) {
      return Optional.empty();
    }
    return Optional.of(write(key, value, expiresAt, sink));
  }

  synchronized StateRecord put(StateKey key, String value, Instant expiresAt, Sink sink) {
    return write(key, value, expiresAt, sink);
  }

  synchronized boolean remove(StateKey key, Sink sink) {
    if (live(key).isEmpty()) {
      records.remove(key);
      return false;
    }
    sink.write(new Change(key, null));
    records.remove(key);
    return true;
  }

  synchronized List<StateRecord> list(String kind) {
    List<StateRecord> out = new ArrayList<>();
    Instant now = clock.instant();
    for (StateRecord r : records.values()) {
      if (r.key().kind().equals(kind) && !r.expiredAt(now)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every live record, and forgets the expired ones. */
  synchronized List<StateRecord> liveRecords() {
    Instant now = clock.instant();
    records.values().removeIf(r -> r.expiredAt(now));
    return new ArrayList<>(records.values());
  }

  synchronized int size() {
    return records.size();
  }

  /**
   * Applies a change read back from durable storage (no sink), keeping the version counter ahead of
   * it.
   */
  synchronized void replay(Change change) {
    if (change.record() == null) {
      records.remove(change.key());
    } else {
      records.put(change.key(), change.record());
      lastVersion = Math.max(lastVersion, change.record().version());
    }
  }

  private StateRecord write(StateKey key, String value, Instant expiresAt, Sink sink) {
    StateRecord r = new StateRecord(key, value, lastVersion + 1, expiresAt);
    sink.write(new Change(key, r));
    lastVersion = r.version();
    records.put(key, r);
    return r;
  }

  private Optional<StateRecord> live(StateKey key) {
    StateRecord r = records.get(key);
    return r == null || r.expiredAt(clock.instant()) ? Optional.empty() : Optional.of(r);
  }
}
