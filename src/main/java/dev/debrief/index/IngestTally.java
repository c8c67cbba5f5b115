package dev.debrief.index;

import dev.debrief.index.IngestResult.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one {@link Indexer} run, turned into its {@link IngestResult} at the end; written
 * from the caller's thread and the {@link WriterThread}, so every method is synchronized.
 */
final class IngestTally {
  int added;
  int updated;
  int unchanged;
  int removed;
  int passages;
  int embedded;
  int cached;
  int skipped;
  final List<IngestResult.Failure> failures = new ArrayList<>();
  final List<String> reportIds = new ArrayList<>();
  final List<IngestResult.Indexed> indexed = new ArrayList<>();

  /** Records that {@code input} was not indexed, and why. */
  synchronized void fail(String input, String reason) {
    failures.add(new IngestResult.Failure(input, reason));
  }

  /** Counts passage vectors: {@code fromModel} embedded now, {@code fromCache} read back. */
  synchronized void vectors(int fromModel, int fromCache) {
    embedded += fromModel;
    cached += fromCache;
  }

  /** Counts what the ledger did with one source of {@code input}. */
  synchronized void record(String input, String source, ReportLedger.Outcome o) {
    switch (o.status()) {
      case ADDED -> added++;
      case UPDATED -> updated++;
      case UNCHANGED -> unchanged++;
      case REMOVED -> removed++;
      case SOURCE_ADDED, SOURCE_REMOVED -> {} // listed in indexed, each with its note
    }
    if (o.status() == Status.ADDED || o.status() == Status.UPDATED) {
      reportIds.add(o.reportId());
      passages += o.passagesWritten(); // a source added to or dropped from a report adds no passage
    }
    indexed.add(new IngestResult.Indexed(input, source, o.reportId(), o.title(), o.status()));
  }

  /** The run's result as counted so far. */
  synchronized IngestResult result() {
    return new IngestResult(
        added, updated, unchanged, removed, passages, embedded, cached, failures, reportIds,
        indexed, skipped);
  }
}
