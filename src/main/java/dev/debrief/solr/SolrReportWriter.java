package dev.debrief.solr;

import dev.debrief.index.Fields;
import dev.debrief.index.ReportWriter;
import dev.debrief.index.SourceEntry;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * {@link ReportWriter} over the report collection. Replacing a report is one update request: its
 * new documents (ids are stable, so they overwrite the old ones) and deletes by id of the old
 * version's passages the new version does not have. The two sets are disjoint, so Solr may apply
 * them in either order, and a retried request (after a timeout whose first try did land) is
 * harmless. The report id prefix of every document id keeps a report on one shard, so one shard
 * leader applies the whole request. Reads of the report document use real-time get, which sees
 * writes before a commit as the Lucene backend's near-real-time reader does; reads by source
 * ({@link #bySource}, {@link #held}) are queries and see what the last commit made visible. A
 * report document carries every source of the report (multi-valued {@code source}, with their
 * hashes in {@code sources_json}), as in the Lucene index.
 */
public final class SolrReportWriter implements ReportWriter {
  /**
   * Cache keys per request: a request of 256 SHA-256 hex keys stays well under HTTP form limits.
   */
  private static final int KEYS_PER_REQUEST = 256;

  private final SolrIndex index;
  private final SolrDocuments documents = new SolrDocuments();

  /**
   * @param index the opened collection
   */
  public SolrReportWriter(SolrIndex index) {
    this.index = index;
  }

  @Override
  public String modelId() {
    return index.modelId();
  }

  /**
   * Nothing to take: SolrCloud has no single-writer lock, and a collection is created at the
   * current schema.
   */
  @Override
  public boolean open() {
    return false;
  }

  /** Nothing to do: reads by id use real-time get, and reads by source follow {@link #commit()}. */
  @Override
  public void refresh() {}

  @Override
  public Object writeOps() {
    return index;
  }

  @Override
  public Optional<Indexed> find(String reportId) {
    SolrDocument d = reportDocument(reportId);
    return d == null ? Optional.empty() : Optional.of(indexed(d));
  }

  @Override
  public Optional<Indexed> bySource(String source) {
    List<SolrDocument> found = reportsHolding(source, List.of("*"));
    return found.isEmpty() ? Optional.empty() : Optional.of(indexed(found.get(0)));
  }

  @Override
  public Optional<Held> held(String source) {
    List<SolrDocument> found =
        reportsHolding(source, List.of(Fields.REPORT_ID, Fields.SOURCES_JSON, Fields.INFO_JSON));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SolrDocument d = found.get(0);
    String hash =
        SolrDocuments.sources(d).stream()
            .filter(e -> e.source().equals(source))
            .map(SourceEntry::hash)
            .findFirst()
            .orElse("");
    return Optional.of(
        new Held(
            SolrDocuments.string(d, Fields.REPORT_ID), documents.info(d).meta().title(), hash));
  }

  @Override
  public boolean exists(String reportId) {
    return reportDocument(reportId) != null;
  }

  /** The report document by real-time get (sees writes before a commit), or null. */
  private SolrDocument reportDocument(String reportId) {
    return index
        .connection()
        .call(
            "read report " + reportId,
            c -> c.getById(index.collection(), SolrFields.reportDocId(reportId)));
  }

  /**
   * Report documents whose {@link Fields#SOURCE} values include {@code source} (as of the last
   * commit).
   */
  private List<SolrDocument> reportsHolding(String source, List<String> fields) {
    SolrQuery q = new SolrQuery(SolrQueries.term(Fields.SOURCE, source));
    q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_REPORT));
    q.setFields(fields.toArray(String[]::new));
    q.setRows(1);
    return index
        .connection()
        .call(
            "find the report of " + source,
            c -> c.query(index.collection(), q, SolrRequest.METHOD.POST))
        .getResults();
  }

  private Indexed indexed(SolrDocument d) {
    Object at = d.getFirstValue(Fields.INGESTED_AT);
    return new Indexed(
        documents.report(d), SolrDocuments.sources(d), at instanceof Number n ? n.longValue() : 0L);
  }

  @Override
  public Map<String, float[]> cachedVectors(Collection<String> keys) {
    Map<String, float[]> found = new HashMap<>();
    List<String> distinct = keys.stream().distinct().toList();
    try {
      for (int from = 0; from < distinct.size(); from += KEYS_PER_REQUEST) {
        List<String> chunk =
            distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_REQUEST));
        SolrQuery q =
            new SolrQuery("{!terms f=" + Fields.TEXT_HASH + "}" + String.join(",", chunk));
        q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_PASSAGE));
        q.setFields(Fields.TEXT_HASH, Fields.VECTOR);
        q.setRows(chunk.size() * 4);
        for (SolrDocument d :
            index
                .connection()
                .call(
                    "read cached vectors",
                    c -> c.query(index.collection(), q, SolrRequest.METHOD.POST))
                .getResults()) {
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
  public void replace(
      Report report, List<SourceEntry> sources, List<float[]> vectors, long ingestedAt) {
    List<SolrInputDocument> docs =
        documents.toDocuments(report, sources, vectors, index.modelId(), ingestedAt);
    UpdateRequest update = new UpdateRequest();
    update.add(docs);
    List<String> stale = stalePassageIds(report);
    if (!stale.isEmpty()) {
      update.deleteById(stale);
    }
    index
        .connection()
        .call("write report " + report.id(), c -> update.process(c, index.collection()));
  }

  /**
   * Document ids of the indexed version's passages that the new version does not have (its new
   * passages overwrite the others by id). Read from the indexed report's JSON by real-time get:
   * exact, and no delete-by-query, which makes every replica reopen a searcher.
   */
  private List<String> stalePassageIds(Report report) {
    SolrDocument old =
        index
            .connection()
            .call(
                "read report " + report.id(),
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
    index
        .connection()
        .call(
            "delete report " + reportId,
            c ->
                c.deleteByQuery(
                    index.collection(), Fields.REPORT_ID + ":" + SolrQueries.escape(reportId)));
  }

  @Override
  public List<String> sources() {
    List<String> out = new ArrayList<>();
    for (SolrDocument d : SolrReportCatalog.allReports(index, List.of(Fields.SOURCE))) {
      Collection<Object> values = d.getFieldValues(Fields.SOURCE);
      if (values != null) {
        values.forEach(v -> out.add(v.toString()));
      }
    }
    return out;
  }

  @Override
  public void commit() {
    index.connection().call("commit", c -> c.commit(index.collection(), true, true));
    index.invalidate();
  }
}
