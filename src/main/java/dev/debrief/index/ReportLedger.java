package dev.debrief.index;

import dev.debrief.index.IngestResult.Status;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * One report per content, kept on the index: which report each source holds, and the list of sources each
 * report has. Every change is one {@code updateDocuments} or {@code deleteDocuments} per report on the
 * single writer, made under {@link LuceneIndex#writeOps()} after a blocking refresh, so each decision sees
 * every earlier one (also those of the run in progress) and a commit never holds half of a change.
 *
 * <ul>
 *   <li>{@link #put}: a source read again. Same bytes as recorded: nothing. Content already indexed (from
 *       another source): the source joins that report. New content: a new report; the source leaves the
 *       report it held before, which is deleted when it has no source left (an edited file) and otherwise
 *       stays (an edited copy of a report is a report of its own).</li>
 *   <li>{@link #detach}: a source goes away (prune, removal); the report stays while another source
 *       holds it.</li>
 * </ul>
 */
final class ReportLedger {
  /** A report as the index holds it. */
  record Stored(Report report, List<SourceEntry> sources, long ingestedAt) {
    String id() {
      return report.id();
    }
  }

  /** What a change did. @param reason why it was refused (status null) */
  record Outcome(Status status, String reportId, String title, int passagesWritten, String reason) {
    static Outcome refused(String reason) {
      return new Outcome(null, "", "", 0, reason);
    }
  }

  /** The source lookup of the unchanged check: the report holding a source, and the hash it recorded. */
  record Held(String reportId, String title, String hash) {}

  private final LuceneIndex index;
  private final Documents documents;
  private final String modelId;

  ReportLedger(LuceneIndex index, Documents documents, String modelId) {
    this.index = index;
    this.documents = documents;
    this.modelId = modelId;
  }

  /**
   * Records that {@code entry.source()} now reads as {@code parsed}.
   *
   * @param vectors    vectors for embedding texts ({@link Indexer#embeddingText}), in order; called only for
   *                   the passages of a report that is written
   * @param ingestedAt the time stamp of a new report, epoch milliseconds
   */
  Outcome put(Report parsed, SourceEntry entry, Function<List<String>, List<float[]>> vectors, long ingestedAt) {
    synchronized (index.writeOps()) {
      index.refresh();
      Optional<Stored> cur = find(parsed.id());
      if (cur.isPresent() && !cur.get().report().contentHash().equals(parsed.contentHash())) {
        return Outcome.refused("its report id " + parsed.id() + " collides with that of “"
            + cur.get().report().meta().title() + "” (different content with the same 48-bit id prefix)");
      }
      Optional<Stored> owner = bySource(entry.source()).filter(o -> !o.id().equals(parsed.id()));
      if (owner.isPresent()) {
        drop(owner.get(), entry.source(), vectors);
      }
      if (cur.isEmpty()) {
        int n = write(parsed, List.of(entry), ingestedAt, vectors);
        return new Outcome(owner.isPresent() ? Status.UPDATED : Status.ADDED, parsed.id(), parsed.meta().title(), n,
            "");
      }
      Stored s = cur.get();
      List<SourceEntry> sources = new ArrayList<>(s.sources());
      int at = indexOf(sources, entry.source());
      if (at >= 0 && sources.get(at).hash().equals(entry.hash())) {
        return new Outcome(Status.UNCHANGED, s.id(), s.report().meta().title(), 0, "");
      }
      if (at >= 0) {
        sources.set(at, new SourceEntry(entry.source(), entry.hash(), entry.meta(), sources.get(at).addedAt()));
        Report base = at == 0 ? parsed : s.report(); // the first source's reading is the report's
        int n = write(base, sources, s.ingestedAt(), vectors);
        return new Outcome(Status.UPDATED, s.id(), SourceEntry.effectiveMeta(sources).title(), n, "");
      }
      sources.add(entry);
      int n = write(s.report(), sources, s.ingestedAt(), vectors);
      return new Outcome(Status.SOURCE_ADDED, s.id(), s.report().meta().title(), n, "");
    }
  }

  /** Drops a source; empty when no report holds it. */
  Optional<Outcome> detach(String source, Function<List<String>, List<float[]>> vectors) {
    synchronized (index.writeOps()) {
      index.refresh();
      Optional<Stored> owner = bySource(source);
      return owner.map(o -> drop(o, source, vectors));
    }
  }

  /** Deletes a report with all its sources; false when it is not indexed. */
  boolean delete(String reportId) {
    synchronized (index.writeOps()) {
      index.refresh();
      if (find(reportId).isEmpty()) {
        return false;
      }
      try {
        index.writer().deleteDocuments(new Term(Fields.REPORT_ID, reportId));
      } catch (IOException e) {
        throw new IndexException("cannot remove report " + reportId + ": " + e.getMessage(), e);
      }
      return true;
    }
  }

  private Outcome drop(Stored owner, String source, Function<List<String>, List<float[]>> vectors) {
    List<SourceEntry> rest = new ArrayList<>(owner.sources());
    rest.removeIf(e -> e.source().equals(source));
    String title = owner.report().meta().title();
    if (rest.isEmpty()) {
      try {
        index.writer().deleteDocuments(new Term(Fields.REPORT_ID, owner.id()));
      } catch (IOException e) {
        throw new IndexException("cannot remove report " + owner.id() + ": " + e.getMessage(), e);
      }
      return new Outcome(Status.REMOVED, owner.id(), title, 0, "");
    }
    int n = write(owner.report(), rest, owner.ingestedAt(), vectors);
    return new Outcome(Status.SOURCE_REMOVED, owner.id(), title, n, "");
  }

  /** Writes a report's block (report document + passages) with the metadata its sources give; returns passages. */
  private int write(Report base, List<SourceEntry> sources, long ingestedAt,
                    Function<List<String>, List<float[]>> vectors) {
    Report report = new Report(base.id(), sources.get(0).source(), base.format(), SourceEntry.effectiveMeta(sources),
        base.text(), base.sections(), base.passages(), base.contentHash());
    List<String> texts = new ArrayList<>(report.passages().size());
    for (Passage p : report.passages()) {
      texts.add(Indexer.embeddingText(report, p));
    }
    List<Document> docs = documents.toDocuments(report, sources, vectors.apply(texts), modelId, ingestedAt);
    try {
      index.writer().updateDocuments(new Term(Fields.REPORT_ID, report.id()), docs);
    } catch (IOException e) {
      throw new IndexException("cannot write report " + report.id() + ": " + e.getMessage(), e);
    }
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

  /** The report with this id, as the current searcher sees it. */
  Optional<Stored> find(String reportId) {
    return first(ReportStore.reportById(reportId));
  }

  /** The report holding this source. */
  Optional<Stored> bySource(String source) {
    return first(bySourceQuery(source));
  }

  /** The report holding a source and the hash recorded for it, read without the report's text. */
  Optional<Held> held(String source) {
    try (LuceneIndex.Lease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return Optional.empty();
      }
      TopDocs top = s.search(bySourceQuery(source), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document d = s.storedFields().document(top.scoreDocs[0].doc,
          Set.of(Fields.REPORT_ID, Fields.SOURCES_JSON, Fields.INFO_JSON));
      String hash = documents.sources(d).stream().filter(e -> e.source().equals(source)).map(SourceEntry::hash)
          .findFirst().orElse("");
      return Optional.of(new Held(d.get(Fields.REPORT_ID), documents.info(d).meta().title(), hash));
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** True when a report with this id is indexed (a term lookup, no stored fields). */
  boolean exists(String reportId) {
    try (LuceneIndex.Lease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      return s != null && s.count(ReportStore.reportById(reportId)) > 0;
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  private static Query bySourceQuery(String source) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.SOURCE, source)), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_REPORT)), BooleanClause.Occur.FILTER)
        .build();
  }

  private Optional<Stored> first(Query q) {
    try (LuceneIndex.Lease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return Optional.empty();
      }
      TopDocs top = s.search(q, 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document d = s.storedFields().document(top.scoreDocs[0].doc);
      return Optional.of(new Stored(documents.report(d), documents.sources(d),
          d.getField(Fields.INGESTED_AT).numericValue().longValue()));
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }
}
