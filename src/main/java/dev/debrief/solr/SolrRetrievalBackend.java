package dev.debrief.solr;

import dev.debrief.index.Fields;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.RetrievalBackend;
import dev.debrief.retrieve.StoredPassage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.SolrDocument;

/**
 * {@link RetrievalBackend} over the report collection; every filter is a Solr filter query, applied
 * before ranking (pre-filtering), access rules included.
 *
 * <ul>
 *   <li>BM25: edismax over the given fields with their boosts ({@code qf}), {@code tie=1} so a
 *       term's field scores add up as in the Lucene backend's boolean query, at least one term
 *       matching; the terms arrive analyzed and the schema's query analyzer only splits on
 *       whitespace. Collection-wide statistics (ExactStatsCache in solrconfig.xml) give the same
 *       IDF as one index.
 *   <li>kNN: up to {@link #EXACT_KNN_LIMIT} documents the exact dot product of every filtered
 *       passage as a function query ({@code vectorSimilarity(FLOAT32, DOT_PRODUCT, vector, [..])},
 *       which is {@code (1 + dot) / 2}: the Lucene backend's scan order); beyond it the HNSW graph
 *       through the {@code knn} query parser with the filters as pre-filters.
 * </ul>
 *
 * Solr 9.10 and 10.0 have no reciprocal rank fusion of their own (SOLR-17319 is unreleased), so the
 * two lists come back separately and Debrief fuses them.
 */
public final class SolrRetrievalBackend implements RetrievalBackend {
  private static final String[] STORED = {
    Fields.PASSAGE_ID,
    Fields.REPORT_ID,
    Fields.TEXT,
    Fields.HEADING,
    Fields.TITLE,
    Fields.EVENT,
    Fields.DATE,
    Fields.ANCHOR,
    Fields.URL,
    Fields.CHANNEL,
    Fields.ANCHOR_IN_SOURCE
  };

  private final SolrIndex index;

  /**
   * @param index the opened collection
   */
  public SolrRetrievalBackend(SolrIndex index) {
    this.index = index;
  }

  @Override
  public List<String> bm25(
      List<String> terms, List<FieldBoost> fields, SearchFilters filters, int n) {
    if (terms.isEmpty()) {
      return List.of();
    }
    SolrQuery q =
        new SolrQuery(terms.stream().map(SolrQueries::escape).collect(Collectors.joining(" ")));
    q.set("defType", "edismax");
    q.set(
        "qf",
        fields.stream().map(f -> f.field() + "^" + f.boost()).collect(Collectors.joining(" ")));
    q.set("tie", "1.0");
    q.set("mm", "1");
    q.set("q.op", "OR");
    q.set("sow", "true");
    q.set("lowercaseOperators", "false");
    q.set("uf", "-*");
    return ids("BM25 search", q, filters, n);
  }

  @Override
  public List<String> knn(float[] vector, SearchFilters filters, int n) {
    String literal = SolrDocuments.vectorLiteral(vector);
    SolrQuery q =
        index.documentCount() <= EXACT_KNN_LIMIT
            ? new SolrQuery(
                "{!func}vectorSimilarity(FLOAT32, DOT_PRODUCT, "
                    + Fields.VECTOR
                    + ", "
                    + literal
                    + ")")
            : new SolrQuery("{!knn f=" + Fields.VECTOR + " topK=" + n + "}" + literal);
    return ids("kNN search", q, filters, n);
  }

  private List<String> ids(String what, SolrQuery q, SearchFilters filters, int n) {
    for (String fq : SolrQueries.passageFilters(filters)) {
      q.addFilterQuery(fq);
    }
    q.setFields(Fields.PASSAGE_ID);
    q.setRows(n);
    List<String> ids = new ArrayList<>();
    for (SolrDocument d :
        index
            .connection()
            .call(what, c -> c.query(index.collection(), q, SolrRequest.METHOD.POST))
            .getResults()) {
      ids.add(SolrDocuments.string(d, Fields.PASSAGE_ID));
    }
    return ids;
  }

  @Override
  public long passageCount() {
    return index.passageCount();
  }

  @Override
  public Map<String, Integer> docFreqs(String field, Collection<String> terms) {
    return terms.isEmpty() ? Map.of() : index.docFreqs(field, terms);
  }

  @Override
  public Map<String, StoredPassage> passages(Collection<String> ids) {
    Map<String, StoredPassage> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    SolrQuery q = new SolrQuery("{!terms f=" + Fields.PASSAGE_ID + "}" + String.join(",", ids));
    q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_PASSAGE));
    q.setFields(STORED);
    q.setRows(ids.size());
    for (SolrDocument d :
        index
            .connection()
            .call("read passages", c -> c.query(index.collection(), q, SolrRequest.METHOD.POST))
            .getResults()) {
      Collection<Object> channels = d.getFieldValues(Fields.CHANNEL);
      boolean restricted =
          channels != null && channels.stream().anyMatch(c -> !Fields.CHANNEL_PUBLIC.equals(c));
      StoredPassage p =
          new StoredPassage(
              SolrDocuments.string(d, Fields.PASSAGE_ID),
              SolrDocuments.string(d, Fields.REPORT_ID),
              SolrDocuments.string(d, Fields.TITLE),
              SolrDocuments.string(d, Fields.EVENT),
              SolrDocuments.string(d, Fields.DATE),
              SolrDocuments.string(d, Fields.HEADING),
              SolrDocuments.string(d, Fields.ANCHOR),
              SolrDocuments.string(d, Fields.URL),
              "1".equals(SolrDocuments.string(d, Fields.ANCHOR_IN_SOURCE)),
              restricted,
              SolrDocuments.string(d, Fields.TEXT));
      out.put(p.passageId(), p);
    }
    return out;
  }
}
