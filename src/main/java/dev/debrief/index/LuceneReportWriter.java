package dev.debrief.index;

import dev.debrief.model.Report;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * {@link ReportWriter} over a {@link LuceneIndex}: one atomic {@link IndexWriter#updateDocuments} per report
 * (keyed by {@link Fields#REPORT_ID}), reads through the index's near-real-time searcher, commits with the
 * model stamp.
 */
public final class LuceneReportWriter implements ReportWriter {
  private final LuceneIndex index;
  private final Documents documents = new Documents();

  /** @param index the index (its single writer is taken on first write) */
  public LuceneReportWriter(LuceneIndex index) {
    this.index = index;
  }

  @Override
  public String modelId() {
    return index.modelId();
  }

  @Override
  public Optional<String> indexedHash(String reportId) {
    IndexSearcher s = index.searcher();
    if (s == null) {
      return Optional.empty();
    }
    try {
      TopDocs top = s.search(ReportStore.reportById(reportId), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.ofNullable(s.storedFields().document(top.scoreDocs[0].doc).get(Fields.CONTENT_HASH));
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, float[]> cachedVectors(Collection<String> keys) {
    Map<String, float[]> found = new HashMap<>();
    IndexSearcher s = index.searcher();
    if (s == null) {
      return found;
    }
    try {
      for (String key : keys) {
        if (found.containsKey(key)) {
          continue;
        }
        TopDocs top = s.search(new TermQuery(new Term(Fields.TEXT_HASH, key)), 1);
        if (top.scoreDocs.length > 0) {
          Document d = s.storedFields().document(top.scoreDocs[0].doc, java.util.Set.of(Fields.VECTOR_BYTES));
          found.put(key, Documents.fromBytes(d.getBinaryValue(Fields.VECTOR_BYTES)));
        }
      }
    } catch (IOException e) {
      return found; // the cache is an optimisation; embed instead
    }
    return found;
  }

  @Override
  public void replace(Report report, List<float[]> vectors, long ingestedAt) {
    List<Document> docs = documents.toDocuments(report, vectors, index.modelId(), ingestedAt);
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
  public Map<String, String> reportSources() {
    Map<String, String> out = new HashMap<>();
    IndexSearcher s = index.searcher();
    if (s == null) {
      return out;
    }
    try {
      Query q = ReportStore.allReports();
      TopDocs top = s.search(q, Math.max(1, s.count(q)));
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = s.storedFields().document(sd.doc);
        out.put(d.get(Fields.REPORT_ID), d.get(Fields.SOURCE));
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
}
