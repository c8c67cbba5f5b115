package dev.debrief.solr;

import dev.debrief.index.Fields;
import dev.debrief.index.ReportWriter;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * {@link ReportWriter} over the report collection. Replacing a report is one update request: its new documents
 * (ids are stable, so they overwrite the old ones) and deletes by id of the old version's passages the new
 * version does not have. The two sets are disjoint, so Solr may apply them in either order, and a retried
 * request (after a timeout whose first try did land) is harmless. The report id prefix of every document id
 * keeps a report on one shard, so one shard leader applies the whole request. Reads of the report document use real-time get, which sees writes before a commit as
 * the Lucene backend's near-real-time reader does.
 */
public final class SolrReportWriter implements ReportWriter {
  /** Cache keys per request: a request of 256 SHA-256 hex keys stays well under HTTP form limits. */
  private static final int KEYS_PER_REQUEST = 256;

  private final SolrIndex index;
  private final SolrDocuments documents = new SolrDocuments();

  /** @param index the opened collection */
  public SolrReportWriter(SolrIndex index) {
    this.index = index;
  }

  @Override
  public String modelId() {
    return index.modelId();
  }

  @Override
  public Optional<String> indexedHash(String reportId) {
    SolrDocument d = index.connection().call("read report " + reportId,
        c -> c.getById(index.collection(), SolrFields.reportDocId(reportId)));
    return d == null ? Optional.empty() : Optional.of(SolrDocuments.string(d, Fields.CONTENT_HASH));
  }

  @Override
  public Map<String, float[]> cachedVectors(Collection<String> keys) {
    Map<String, float[]> found = new HashMap<>();
    List<String> distinct = keys.stream().distinct().toList();
    try {
      for (int from = 0; from < distinct.size(); from += KEYS_PER_REQUEST) {
        List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_REQUEST));
        SolrQuery q = new SolrQuery("{!terms f=" + Fields.TEXT_HASH + "}" + String.join(",", chunk));
        q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_PASSAGE));
        q.setFields(Fields.TEXT_HASH, Fields.VECTOR);
        q.setRows(chunk.size() * 4);
        for (SolrDocument d : index.connection().call("read cached vectors",
            c -> c.query(index.collection(), q, SolrRequest.METHOD.POST)).getResults()) {
          float[] v = SolrDocuments.vector(d);
          if (v != null) {
            found.putIfAbsent(SolrDocuments.string(d, Fields.TEXT_HASH), v);
          }
        }
      }
    } catch (RuntimeException e) {
      return found; // the cache is an optimisation; embed instead
    }
    return found;
  }

  @Override
  public void replace(Report report, List<float[]> vectors, long ingestedAt) {
    List<SolrInputDocument> docs = documents.toDocuments(report, vectors, index.modelId(), ingestedAt);
    UpdateRequest update = new UpdateRequest();
    update.add(docs);
    List<String> stale = stalePassageIds(report);
    if (!stale.isEmpty()) {
      update.deleteById(stale);
    }
    index.connection().call("write report " + report.id(), c -> update.process(c, index.collection()));
  }

  /**
   * Document ids of the indexed version's passages that the new version does not have (its new passages
   * overwrite the others by id). Read from the indexed report's JSON by real-time get: exact, and no
   * delete-by-query, which makes every replica reopen a searcher.
   */
  private List<String> stalePassageIds(Report report) {
    SolrDocument old = index.connection().call("read report " + report.id(),
        c -> c.getById(index.collection(), SolrFields.reportDocId(report.id())));
    if (old == null) {
      return List.of();
    }
    Set<String> fresh = new HashSet<>();
    for (Passage p : report.passages()) {
      fresh.add(p.id());
    }
    List<String> stale = new ArrayList<>();
    for (Passage p : documents.report(old).passages()) {
      if (!fresh.contains(p.id())) {
        stale.add(SolrFields.passageDocId(report.id(), p.id()));
      }
    }
    return stale;
  }

  @Override
  public void delete(String reportId) {
    index.connection().call("delete report " + reportId,
        c -> c.deleteByQuery(index.collection(), Fields.REPORT_ID + ":" + SolrQueries.escape(reportId)));
  }

  @Override
  public Map<String, String> reportSources() {
    Map<String, String> out = new HashMap<>();
    for (SolrDocument d : SolrReportCatalog.allReports(index, List.of(Fields.REPORT_ID, Fields.SOURCE))) {
      out.put(SolrDocuments.string(d, Fields.REPORT_ID), SolrDocuments.string(d, Fields.SOURCE));
    }
    return out;
  }

  @Override
  public void commit() {
    index.connection().call("commit", c -> c.commit(index.collection(), true, true));
    index.invalidate();
  }
}
