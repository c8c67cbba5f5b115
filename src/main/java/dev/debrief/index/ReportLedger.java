package dev.debrief.index;

import dev.debrief.index.IngestResult.Status;
import dev.debrief.index.ReportWriter.Indexed;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.SentenceTexts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One report per content, kept on the index (a {@link ReportWriter}, Lucene or Solr): which report
 * each source holds, and the list of sources each report has. Every change is one {@link
 * ReportWriter#replace} or {@link ReportWriter#delete} per report, made under {@link
 * ReportWriter#writeOps()} after a refresh, so each decision sees every earlier one (also those of
 * the run in progress) and a commit never holds half of a change.
 *
 * <ul>
 *   <li>{@link #put}: a source read again. Same bytes as recorded: nothing. Content already indexed
 *       (from another source): the source joins that report. New content: a new report; the source
 *       leaves the report it held before, which is deleted when it has no source left (an edited
 *       file) and otherwise stays (an edited copy of a report is a report of its own).
 *   <li>{@link #detach}: a source goes away (prune, removal); the report stays while another source
 *       holds it.
 * </ul>
 */
final class ReportLedger {
  /** What a change did. @param reason why it was refused (status null) */
  record Outcome(Status status, String reportId, String title, int passagesWritten, String reason) {
    static Outcome refused(String reason) {
      return new Outcome(null, "", "", 0, reason);
    }
  }

  /** Where a write gets its vectors. */
  interface Vectors {
    /** One vector per embedding text ({@link Indexer#embeddingText}), in order. */
    List<float[]> passages(List<String> texts);

    /** One vector per sentence text ({@link SentenceTexts}), in order. */
    List<float[]> sentences(List<String> texts);
  }

  private final ReportWriter store;
  private final SentenceTexts sentenceTexts;

  /**
   * @param store the index written
   * @param sentenceTexts the sentence texts whose vectors are stored ahead with each report
   */
  ReportLedger(ReportWriter store, SentenceTexts sentenceTexts) {
    this.store = store;
    this.sentenceTexts = sentenceTexts;
  }

  /** The distinct sentence texts of {@code report}'s passages, in passage and sentence order. */
  List<String> sentenceTexts(Report report) {
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    for (Passage p : report.passages()) {
      texts.addAll(sentenceTexts.of(report, p));
    }
    return List.copyOf(texts);
  }

  /**
   * Records that {@code entry.source()} now reads as {@code parsed}.
   *
   * @param vectors vectors for the passages (and sentences) of a report that is written; called
   *     only then
   * @param ingestedAt the time stamp of a new report, epoch milliseconds
   */
  Outcome put(Report parsed, SourceEntry entry, Vectors vectors, long ingestedAt) {
    synchronized (store.writeOps()) {
      store.refresh();
      Optional<Indexed> cur = find(parsed.id());
      if (cur.isPresent() && !cur.get().report().contentHash().equals(parsed.contentHash())) {
        return Outcome.refused(
            "its report id "
                + parsed.id()
                + " collides with that of “"
                + cur.get().report().meta().title()
                + "” (different content with the same 48-bit id prefix)");
      }
      Optional<Indexed> owner = bySource(entry.source()).filter(o -> !o.id().equals(parsed.id()));
      if (owner.isPresent()) {
        drop(owner.get(), entry.source(), vectors);
      }
      if (cur.isEmpty()) {
        int n = write(parsed, List.of(entry), ingestedAt, vectors);
        return new Outcome(
            owner.isPresent() ? Status.UPDATED : Status.ADDED,
            parsed.id(),
            parsed.meta().title(),
            n,
            "");
      }
      Indexed s = cur.get();
      List<SourceEntry> sources = new ArrayList<>(s.sources());
      int at = indexOf(sources, entry.source());
      if (at >= 0 && sources.get(at).hash().equals(entry.hash())) {
        return new Outcome(Status.UNCHANGED, s.id(), s.report().meta().title(), 0, "");
      }
      if (at >= 0) {
        sources.set(
            at,
            new SourceEntry(entry.source(), entry.hash(), entry.meta(), sources.get(at).addedAt()));
        Report base = at == 0 ? parsed : s.report(); // the first source's reading is the report's
        int n = write(base, sources, s.ingestedAt(), vectors);
        return new Outcome(
            Status.UPDATED, s.id(), SourceEntry.effectiveMeta(sources).title(), n, "");
      }
      sources.add(entry);
      int n = write(s.report(), sources, s.ingestedAt(), vectors);
      return new Outcome(Status.SOURCE_ADDED, s.id(), s.report().meta().title(), n, "");
    }
  }

  /** Drops a source; empty when no report holds it. */
  Optional<Outcome> detach(String source, Vectors vectors) {
    synchronized (store.writeOps()) {
      store.refresh();
      Optional<Indexed> owner = bySource(source);
      return owner.map(o -> drop(o, source, vectors));
    }
  }

  /** Deletes a report with all its sources; false when it is not indexed. */
  boolean delete(String reportId) {
    synchronized (store.writeOps()) {
      store.refresh();
      if (find(reportId).isEmpty()) {
        return false;
      }
      store.delete(reportId);
      return true;
    }
  }

  private Outcome drop(Indexed owner, String source, Vectors vectors) {
    List<SourceEntry> rest = new ArrayList<>(owner.sources());
    rest.removeIf(e -> e.source().equals(source));
    String title = owner.report().meta().title();
    if (rest.isEmpty()) {
      store.delete(owner.id());
      return new Outcome(Status.REMOVED, owner.id(), title, 0, "");
    }
    int n = write(owner.report(), rest, owner.ingestedAt(), vectors);
    return new Outcome(Status.SOURCE_REMOVED, owner.id(), title, n, "");
  }

  /**
   * Writes a report's block (report document + passages) with the metadata its sources give;
   * returns passages.
   */
  private int write(Report base, List<SourceEntry> sources, long ingestedAt, Vectors vectors) {
    Report report =
        new Report(
            base.id(),
            sources.get(0).source(),
            base.format(),
            SourceEntry.effectiveMeta(sources),
            base.text(),
            base.sections(),
            base.passages(),
            base.contentHash());
    List<String> texts = new ArrayList<>(report.passages().size());
    for (Passage p : report.passages()) {
      texts.add(Indexer.embeddingText(report, p));
    }
    List<String> sentences = sentenceTexts(report);
    store.replace(
        report,
        sources,
        vectors.passages(texts),
        sentences.isEmpty()
            ? SentenceVectors.NONE
            : new SentenceVectors(sentences, vectors.sentences(sentences)),
        ingestedAt);
    return report.passages().size();
  }

  private static int indexOf(List<SourceEntry> sources, String source) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).source().equals(source)) {
        return i;
      }
    }
    return -1;
  }

  /** The report with this id. */
  Optional<Indexed> find(String reportId) {
    return store.find(reportId);
  }

  /** The report holding this source. */
  Optional<Indexed> bySource(String source) {
    return store.bySource(source);
  }

  /** The report holding a source and the hash recorded for it, read without the report's text. */
  Optional<ReportWriter.Held> held(String source) {
    return store.held(source);
  }

  /** True when a report with this id is indexed. */
  boolean exists(String reportId) {
    return store.exists(reportId);
  }
}
