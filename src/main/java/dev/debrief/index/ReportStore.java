package dev.debrief.index;

import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * {@link ReportCatalog} over the report documents of a {@link LuceneIndex}: one entry per content,
 * with all its sources. Every read runs on a searcher leased from the index and released at its
 * end.
 */
public final class ReportStore implements ReportCatalog {
  private final LuceneIndex index;
  private final Documents documents = new Documents();

  /**
   * @param index the index to read
   */
  public ReportStore(LuceneIndex index) {
    this.index = index;
  }

  @Override
  public List<ReportInfo> list() {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return List.of();
      }
      Query q = allReports();
      int n = Math.max(1, s.count(q));
      TopDocs top =
          s.search(q, n, new Sort(new SortField(Fields.INGESTED_AT, SortField.Type.LONG, true)));
      List<ReportInfo> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(documents.info(s.storedFields().document(sd.doc)));
      }
      return out;
    } catch (IOException e) {
      throw new IndexException("cannot list reports in " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Report documents only. */
  static Query allReports() {
    return new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_REPORT)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** The report document of one report. */
  static Query reportById(String reportId) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.REPORT_ID, reportId)), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_REPORT)), BooleanClause.Occur.FILTER)
        .build();
  }

  @Override
  public Optional<Report> findReport(String reportId) {
    if (reportId == null || reportId.isBlank()) {
      return Optional.empty();
    }
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return Optional.empty();
      }
      TopDocs top = s.search(reportById(reportId), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(documents.report(s.storedFields().document(top.scoreDocs[0].doc)));
    } catch (IOException e) {
      throw new IndexException("cannot read report " + reportId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, float[]> passageVectors(String reportId) {
    if (reportId == null || reportId.isBlank()) {
      return Map.of();
    }
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return Map.of();
      }
      Query q =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.REPORT_ID, reportId)), BooleanClause.Occur.MUST)
              .add(
                  new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
                  BooleanClause.Occur.FILTER)
              .build();
      TopDocs top = s.search(q, Math.max(1, s.count(q)));
      Map<String, float[]> out = new HashMap<>();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d =
            s.storedFields().document(sd.doc, Set.of(Fields.PASSAGE_ID, Fields.VECTOR_BYTES));
        if (d.getBinaryValue(Fields.VECTOR_BYTES) != null) {
          out.put(
              d.get(Fields.PASSAGE_ID), Documents.fromBytes(d.getBinaryValue(Fields.VECTOR_BYTES)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new IndexException(
          "cannot read vectors of report " + reportId + ": " + e.getMessage(), e);
    }
  }
}
