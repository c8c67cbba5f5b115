package dev.debrief.index;

import java.util.ArrayList;
import java.util.List;

/**
 * What one ingest run did.
 *
 * @param added reports indexed for the first time
 * @param updated inputs whose content changed and replaced what their source held before (an edited
 *     copy of a report that other sources still hold becomes a report of its own)
 * @param unchanged inputs skipped because their source already holds exactly these bytes
 * @param removed reports dropped by {@code --prune} or removal (their last source went away)
 * @param passages passages written
 * @param embedded passages embedded by the model in this run
 * @param cached passages whose vectors came from the embedding cache
 * @param failures inputs that could not be ingested, each with its reason
 * @param reportIds ids of the reports added or updated, in input order
 * @param indexed one entry per input that ended up in the index (and per source dropped by a
 *     prune), in order: which report it is and what happened
 * @param skipped files met while walking folders that are not reports (other types, dotfiles), left
 *     alone
 */
public record IngestResult(
    int added,
    int updated,
    int unchanged,
    int removed,
    int passages,
    int embedded,
    int cached,
    List<Failure> failures,
    List<String> reportIds,
    List<Indexed> indexed,
    int skipped) {
  public IngestResult {
    failures = List.copyOf(failures);
    reportIds = List.copyOf(reportIds);
    indexed = List.copyOf(indexed);
  }

  /** A result where nothing happened. */
  public static final IngestResult EMPTY =
      new IngestResult(0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), 0);

  /** A result with one failure. */
  public static IngestResult failure(String input, String reason) {
    return new IngestResult(
        0, 0, 0, 0, 0, 0, 0, List.of(new Failure(input, reason)), List.of(), List.of(), 0);
  }

  /** An input that could not be ingested. @param input file path or URL @param reason for people */
  public record Failure(String input, String reason) {}

  /** What happened to one source. */
  public enum Status {
    /** A new report. */
    ADDED,
    /** The source's content changed (or only its metadata or restriction did). */
    UPDATED,
    /** The source already held exactly these bytes. */
    UNCHANGED,
    /**
     * The content was already indexed from another source; this source was added to that report.
     */
    SOURCE_ADDED,
    /** The source was dropped from a report that other sources still hold. */
    SOURCE_REMOVED,
    /** The report's last source was dropped, and the report with it. */
    REMOVED
  }

  /**
   * One source's outcome.
   *
   * @param input the path or URL as given
   * @param source the source as recorded: absolute real path, final URL or {@code slack:FILE_ID}
   * @param reportId the report it belongs (or belonged) to
   * @param title that report's title
   * @param status what happened
   */
  public record Indexed(String input, String source, String reportId, String title, Status status) {
    /**
     * A line for people, e.g. {@code already indexed as “KubeCon day 1”; added /r/copy.md}; "" for
     * plain cases.
     */
    public String note() {
      return switch (status) {
        case SOURCE_ADDED -> "already indexed as “" + title + "”; added " + source;
        case SOURCE_REMOVED ->
            "dropped "
                + source
                + " from “"
                + title
                + "”, which stays indexed from its other"
                + " sources";
        default -> "";
      };
    }
  }

  /** True when nothing failed. */
  public boolean ok() {
    return failures.isEmpty();
  }

  /** Inputs added to reports that were already indexed from another source. */
  public int sourcesAdded() {
    return (int) indexed.stream().filter(i -> i.status() == Status.SOURCE_ADDED).count();
  }

  /** The outcome of {@code source}, if it was indexed in this run. */
  public java.util.Optional<Indexed> outcome(String source) {
    return indexed.stream().filter(i -> i.source().equals(source)).reduce((a, b) -> b);
  }

  /** This result followed by {@code other} (counts added, lists joined). */
  public IngestResult plus(IngestResult other) {
    List<Failure> f = new ArrayList<>(failures);
    f.addAll(other.failures);
    List<String> ids = new ArrayList<>(reportIds);
    ids.addAll(other.reportIds);
    List<Indexed> in = new ArrayList<>(indexed);
    in.addAll(other.indexed);
    return new IngestResult(
        added + other.added,
        updated + other.updated,
        unchanged + other.unchanged,
        removed + other.removed,
        passages + other.passages,
        embedded + other.embedded,
        cached + other.cached,
        f,
        ids,
        in,
        skipped + other.skipped);
  }
}
