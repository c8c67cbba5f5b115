package dev.debrief.solr;

import dev.debrief.index.Fields;
import dev.debrief.index.IndexException;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * {@link ReportCatalog} over the report collection: listings page through the report documents with
 * a cursor (newest first), a report is read by real-time get, its passage vectors from the stored
 * vector field. {@link #unavailable()} probes the cluster with one try, at most once per {@link
 * #PROBE_INTERVAL_MILLIS}.
 */
public final class SolrReportCatalog implements ReportCatalog {
  /** Report documents per page of a listing. */
  private static final int PAGE = 500;

  /**
   * A /healthz probe is reused this long, so a load balancer polling every second costs one
   * request.
   */
  static final long PROBE_INTERVAL_MILLIS = 1_000;

  /** A report has at most this many passages: a 20 MiB file of 80-word passages has fewer. */
  private static final int MAX_PASSAGES = 100_000;

  private final SolrIndex index;
  private final Clock clock;
  private final SolrDocuments documents = new SolrDocuments();
  private volatile long probedAtMillis;
  private volatile String probe; // null until the first probe

  /**
   * @param index the opened collection
   * @param clock times the health probe
   */
  public SolrReportCatalog(SolrIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  @Override
  public List<ReportInfo> list() {
    List<ReportInfo> out = new ArrayList<>();
    for (SolrDocument d : allReports(index, List.of(Fields.INFO_JSON))) {
      out.add(documents.info(d));
    }
    return out;
  }

  /**
   * Every report document with {@code fields}, newest first (cursor paging: no deep-paging cost).
   */
  static List<SolrDocument> allReports(SolrIndex index, List<String> fields) {
    List<SolrDocument> out = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery("*:*");
      q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_REPORT));
      q.setFields(fields.toArray(String[]::new));
      q.setRows(PAGE);
      q.addSort(Fields.INGESTED_AT, SolrQuery.ORDER.desc);
      q.addSort(SolrFields.ID, SolrQuery.ORDER.asc);
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r =
          index.connection().call("list reports", c -> c.query(index.collection(), q));
      out.addAll(r.getResults());
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return out;
      }
      cursor = next;
    }
  }

  @Override
  public Optional<Report> findReport(String reportId) {
    if (reportId == null || reportId.isBlank()) {
      return Optional.empty();
    }
    SolrDocument d =
        index
            .connection()
            .call(
                "read report " + reportId,
                c -> c.getById(index.collection(), SolrFields.reportDocId(reportId)));
    return d == null || !Fields.TYPE_REPORT.equals(SolrDocuments.string(d, Fields.TYPE))
        ? Optional.empty()
        : Optional.of(documents.report(d));
  }

  @Override
  public Map<String, float[]> passageVectors(String reportId) {
    if (reportId == null || reportId.isBlank()) {
      return Map.of();
    }
    SolrQuery q = new SolrQuery(SolrQueries.term(Fields.REPORT_ID, reportId));
    q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_PASSAGE));
    q.setFields(Fields.PASSAGE_ID, Fields.VECTOR);
    q.setRows(MAX_PASSAGES);
    Map<String, float[]> out = new HashMap<>();
    for (SolrDocument d :
        index
            .connection()
            .call("read vectors of report " + reportId, c -> c.query(index.collection(), q))
            .getResults()) {
      float[] v = SolrDocuments.vector(d);
      if (v != null) {
        out.put(SolrDocuments.string(d, Fields.PASSAGE_ID), v);
      }
    }
    return out;
  }

  @Override
  public String unavailable() {
    long now = clock.millis();
    String last = probe;
    if (last != null && now - probedAtMillis < PROBE_INTERVAL_MILLIS) {
      return last;
    }
    String result;
    try {
      index
          .connection()
          .call(
              "health probe", 1, c -> c.query(index.collection(), new SolrQuery("*:*").setRows(0)));
      result = "";
    } catch (IndexException e) {
      result = "the report library is unreachable right now: " + e.getMessage();
    }
    probedAtMillis = now;
    probe = result;
    return result;
  }
}
