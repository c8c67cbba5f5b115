package dev.debrief.index;

import dev.debrief.model.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * {@link ReportWriter} over a {@link LuceneIndex}: one atomic {@link IndexWriter#updateDocuments}
 * per report (keyed by {@link Fields#REPORT_ID}); every read leases a searcher ({@link
 * LuceneIndex#acquire()}) that {@link #refresh()} brings up to this writer's writes
 * (near-real-time); commits with the model stamp. {@link #open()} takes the index's write lock and
 * migrates a schema-1 index ({@code SchemaMigration}).
 */
public final class LuceneReportWriter implements ReportWriter {
  private final LuceneIndex index;
  private final Documents documents = new Documents();

  /**
   * @param index the index (its single writer is taken by {@link #open()} or the first write)
   */
  public LuceneReportWriter(LuceneIndex index) {
    this.index = index;
  }

  /** The index folder (folder walks never enter it). */
  public java.nio.file.Path dir() {
    return index.dir();
  }

  @Override
  public String modelId() {
    return index.modelId();
  }

  @Override
  public boolean open() {
    index.writer();
    boolean migrated = SchemaMigration.migrateIfNeeded(index, documents);
    index.refresh();
    return migrated;
  }

  @Override
  public void refresh() {
    index.refresh();
  }

  @Override
  public Object writeOps() {
    return index.writeOps();
  }

  @Override
  public Optional<Indexed> find(String reportId) {
    return first(ReportStore.reportById(reportId));
  }

  @Override
  public Optional<Indexed> bySource(String source) {
    return first(bySourceQuery(source));
  }

  @Override
  public Optional<Held> held(String source) {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return Optional.empty();
      }
      TopDocs top = s.search(bySourceQuery(source), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document d =
          s.storedFields()
              .document(
                  top.scoreDocs[0].doc,
                  Set.of(Fields.REPORT_ID, Fields.SOURCES_JSON, Fields.INFO_JSON));
      String hash =
          documents.sources(d).stream()
              .filter(e -> e.source().equals(source))
              .map(SourceEntry::hash)
              .findFirst()
              .orElse("");
      return Optional.of(new Held(d.get(Fields.REPORT_ID), documents.info(d).meta().title(), hash));
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String reportId) {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      return s != null && s.count(ReportStore.reportById(reportId)) > 0;
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, float[]> cachedVectors(Collection<String> keys) {
    return IndexedVectors.byKey(index, keys);
  }

  @Override
  public void replace(
      Report report, List<SourceEntry> sources, List<float[]> vectors, long ingestedAt) {
    replace(report, sources, vectors, SentenceVectors.NONE, ingestedAt);
  }

  @Override
  public void replace(
      Report report,
      List<SourceEntry> sources,
      List<float[]> vectors,
      SentenceVectors sentences,
      long ingestedAt) {
    List<Document> docs =
        documents.toDocuments(report, sources, vectors, sentences, index.modelId(), ingestedAt);
    try {
      index.writer().updateDocuments(new Term(Fields.REPORT_ID, report.id()), docs);
    } catch (IOException e) {
      throw new IndexException("cannot write report " + report.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String reportId) {
    try {
      index.writer().deleteDocuments(new Term(Fields.REPORT_ID, reportId));
    } catch (IOException e) {
      throw new IndexException("cannot remove report " + reportId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> sources() {
    List<String> out = new ArrayList<>();
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return out;
      }
      Query q = ReportStore.allReports();
      TopDocs top = s.search(q, Math.max(1, s.count(q)));
      for (ScoreDoc sd : top.scoreDocs) {
        out.addAll(
            List.of(
                s.storedFields().document(sd.doc, Set.of(Fields.SOURCE)).getValues(Fields.SOURCE)));
      }
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public void commit() {
    index.commit();
  }

  private static Query bySourceQuery(String source) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.SOURCE, source)), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_REPORT)), BooleanClause.Occur.FILTER)
        .build();
  }

  private Optional<Indexed> first(Query q) {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return Optional.empty();
      }
      TopDocs top = s.search(q, 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document d = s.storedFields().document(top.scoreDocs[0].doc);
      return Optional.of(
          new Indexed(
              documents.report(d),
              documents.sources(d),
              d.getField(Fields.INGESTED_AT).numericValue().longValue()));
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }
}
