package dev.debrief.index;

import dev.debrief.index.IngestResult.Status;
import dev.debrief.ingest.IngestException;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Hashes;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first step of an {@link Indexer} for each source: compares the hash of its bytes (and of its
 * channel restriction) with the one it held last time, and parses it only when they differ, into a
 * {@link Pending} write that says whether its content is new and must be embedded.
 */
final class ChangedSources {
  /**
   * A parsed source waiting to be written.
   *
   * @param input the input as the user named it (a path or a source id)
   * @param report the parsed report
   * @param entry the source's entry in the report's source list
   * @param embed whether its content is new (its vectors are computed in the batch)
   */
  record Pending(String input, Report report, SourceEntry entry, boolean embed) {}

  /**
   * What this run already decided, so that decisions within one run agree before their writes are
   * visible.
   */
  static final class Run {
    final Set<String> reportIds = new HashSet<>();
    final Map<String, ReportWriter.Held> sources = new HashMap<>();
  }

  private final ReportReader reader;
  private final ReportLedger ledger;
  private final Clock clock;

  /**
   * @param reader parses the sources that changed
   * @param ledger knows which bytes each source held last time and which reports exist
   * @param clock stamps the source entries
   */
  ChangedSources(ReportReader reader, ReportLedger ledger, Clock clock) {
    this.reader = reader;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * Parses a source whose bytes changed; empty when its source already holds these bytes (then
   * counted as unchanged in {@code tally}).
   *
   * @param restrictTo Slack channel ids the source is restricted to when its own metadata names
   *     none, or empty
   * @throws IngestException when the bytes cannot be parsed or hold no text
   */
  Optional<Pending> prepare(
      String input,
      String source,
      String fileName,
      byte[] bytes,
      List<String> restrictTo,
      IngestTally tally,
      Run run)
      throws IngestException {
    String hash = sourceHash(bytes, restrictTo, ReportReader.PARSE_VERSION);
    Optional<ReportWriter.Held> held =
        Optional.ofNullable(run.sources.get(source)).or(() -> ledger.held(source));
    if (held.isPresent() && held.get().hash().equals(hash)) {
      tally.record(
          input,
          source,
          new ReportLedger.Outcome(
              Status.UNCHANGED, held.get().reportId(), held.get().title(), 0, ""));
      return Optional.empty();
    }
    Report report = reader.read(source, fileName, bytes);
    if (!restrictTo.isEmpty()) {
      report = restricted(report, restrictTo);
    }
    if (report.passages().isEmpty()) {
      throw new IngestException("no text found");
    }
    boolean embed = !run.reportIds.contains(report.id()) && !ledger.exists(report.id());
    run.reportIds.add(report.id());
    run.sources.put(source, new ReportWriter.Held(report.id(), report.meta().title(), hash));
    return Optional.of(
        new Pending(
            input, report, new SourceEntry(source, hash, report.meta(), clock.millis()), embed));
  }

  /** The report restricted to {@code restrictTo} unless its metadata names channels already. */
  private static Report restricted(Report report, List<String> restrictTo) {
    ReportMeta m = report.meta();
    List<String> channels = m.channels().isEmpty() ? restrictTo : m.channels();
    return new Report(
        report.id(),
        report.source(),
        report.format(),
        new ReportMeta(m.title(), m.event(), m.date(), m.author(), m.url(), m.tags(), channels),
        report.text(),
        report.sections(),
        report.passages(),
        report.contentHash());
  }

  /**
   * What a source is compared on to tell whether it changed: the SHA-256 (hex) of its bytes, of its
   * channel restriction when it has one, and of the parser version when it is later than 1 (so the
   * sources of an index written before it was raised are parsed again, once).
   *
   * @param parseVersion {@link ReportReader#PARSE_VERSION}, at least 1
   */
  static String sourceHash(byte[] bytes, List<String> restrictTo, int parseVersion) {
    String hash = Hashes.sha256Hex(bytes);
    if (!restrictTo.isEmpty()) {
      hash = Hashes.sha256Hex(hash + "\nchannels=" + String.join(",", restrictTo));
    }
    return parseVersion <= 1 ? hash : Hashes.sha256Hex(hash + "\nparser=" + parseVersion);
  }
}
