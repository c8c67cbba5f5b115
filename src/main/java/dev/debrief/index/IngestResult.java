package dev.debrief.index;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param added     reports indexed for the first time
 * @param updated   reports whose content changed and were replaced
 * @param unchanged reports skipped because their content hash was already indexed
 * @param removed   reports dropped by {@code --prune} (or removal)
 * @param passages  passages written
 * @param embedded  passages embedded by the model in this run
 * @param cached    passages whose vectors came from the embedding cache
 * @param failures  inputs that could not be ingested, each with its reason
 * @param reportIds ids of the reports added or updated, in input order
 */
public record IngestResult(int added, int updated, int unchanged, int removed, int passages, int embedded,
                           int cached, List<Failure> failures, List<String> reportIds) {
  public IngestResult {
    failures = List.copyOf(failures);
    reportIds = List.copyOf(reportIds);
  }

  /** An input that could not be ingested. @param input file path or URL @param reason for people */
  public record Failure(String input, String reason) {}

  /** True when nothing failed. */
  public boolean ok() {
    return failures.isEmpty();
  }
}
