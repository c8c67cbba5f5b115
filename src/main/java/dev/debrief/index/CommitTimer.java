package dev.debrief.index;

/**
 * When an {@link Indexer} commits: every {@code commitIntervalMillis} during a run (config {@code
 * ingest.commitIntervalMillis}) and whenever forced (the end of a run). Called from the caller's
 * thread and the {@link WriterThread}.
 */
final class CommitTimer {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final ReportWriter store;
  private final long commitIntervalMillis;
  private long lastCommitNanos = System.nanoTime();

  /**
   * @param store the index committed
   * @param commitIntervalMillis longest time between commits during a run, milliseconds
   */
  CommitTimer(ReportWriter store, long commitIntervalMillis) {
    this.store = store;
    this.commitIntervalMillis = commitIntervalMillis;
  }

  /** Starts the interval again: the store has just committed (a schema migration on open). */
  void committedNow() {
    lastCommitNanos = System.nanoTime();
  }

  /** Commits when {@code force} or when the interval has passed since the last commit. */
  void maybeCommit(boolean force) {
    long now = System.nanoTime();
    if (force || now - lastCommitNanos > commitIntervalMillis * NANOS_PER_MILLI) {
      store.commit();
      lastCommitNanos = now;
    }
  }
}
