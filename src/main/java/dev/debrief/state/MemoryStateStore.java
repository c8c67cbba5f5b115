package dev.debrief.state;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link StateStore} in memory: nothing survives the process. For {@code bench-slack} and for
 * servers started without a state folder; {@code debrief serve} uses {@link FileStateStore}.
 */
public final class MemoryStateStore implements StateStore {
  private static final RecordTable.Sink NOWHERE = change -> {};
  private final RecordTable table;

  /**
   * @param clock decides what has expired
   */
  public MemoryStateStore(Clock clock) {
    this.table = new RecordTable(clock);
  }

  @Override
  public Optional<StateRecord> insertIfAbsent(StateKey key, String value, Instant expiresAt) {
    return table.insertIfAbsent(key, value, expiresAt, NOWHERE);
  }

  @Override
  public Optional<StateRecord> get(StateKey key) {
    return table.get(key);
  }

  @Override
  public Optional<StateRecord> compareAndSet(
      StateKey key, long expectedVersion, String value, Instant expiresAt) {
    return table.compareAndSet(key, expectedVersion, value, expiresAt, NOWHERE);
  }

  @Override
  public StateRecord put(StateKey key, String value, Instant expiresAt) {
    return table.put(key, value, expiresAt, NOWHERE);
  }

  @Override
  public boolean remove(StateKey key) {
    return table.remove(key, NOWHERE);
  }

  @Override
  public List<StateRecord> list(String kind) {
    return table.list(kind);
  }

  @Override
  public void close() {
    // nothing to release
  }
}
