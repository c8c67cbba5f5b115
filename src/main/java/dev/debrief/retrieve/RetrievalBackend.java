package dev.debrief.retrieve;

import dev.debrief.model.SearchFilters;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What hybrid retrieval needs from an index, and nothing more: the two ranked lists, the statistics
 * for IDF and "rare", and the stored fields of passages. {@link HybridRetriever} (backend-neutral:
 * query terms, reciprocal rank fusion, the rare-term pin, building hits) calls it; the Lucene index
 * on disk ({@link LuceneRetrievalBackend}) and SolrCloud ({@code
 * dev.debrief.solr.SolrRetrievalBackend}) implement it with the same analyzers, the same BM25 and
 * the same exact-or-HNSW choice for kNN, so both give the same ranks for the same library.
 *
 * <p>Every method sees passage documents only (never report documents), and applies {@code filters}
 * inside the engine before the top {@code n} are chosen (pre-filtering), access filters (channels)
 * included. An index with nothing in it answers empty lists and zero counts. Failures are {@link
 * dev.debrief.index.IndexException}s.
 */
public interface RetrievalBackend {
  /**
   * Up to this many documents kNN is exact (every passage that passes the filters is scored);
   * beyond it, the engine's HNSW graph. HNSW search is approximate and its results moved with the
   * segment layout (recall@5 0.846 or 0.885 for the same reports, README "Measured"); a scan of 319
   * vectors took well under a millisecond, and 200k is where a scan still stays within the search
   * latency target.
   */
  int EXACT_KNN_LIMIT = 200_000;

  /** One field of a BM25 query and its boost (a multiplier of that field's BM25 score). */
  record FieldBoost(String field, float boost) {
    public FieldBoost {
      if (field == null || field.isBlank()) {
        throw new IllegalArgumentException("field must not be blank");
      }
      if (!(boost > 0) || Float.isInfinite(boost)) {
        throw new IllegalArgumentException(
            "boost of " + field + " must be a positive number, got " + boost);
      }
    }
  }

  /**
   * BM25 (Robertson &amp; Zaragoza 2009; k1=1.2, b=0.75, the engines' defaults) over
   * already-analyzed terms: every term in every field, each field's score times its boost, all
   * summed; a passage matches when any term matches in any field.
   *
   * @param terms analyzed terms (as {@link QueryTerms} makes them), not empty; never parsed as
   *     query syntax
   * @param fields fields with boosts, in clause order
   * @param filters restrictions applied before ranking
   * @param n how many passage ids, at least 1
   * @return passage ids, best first, at most n
   */
  List<String> bm25(List<String> terms, List<FieldBoost> fields, SearchFilters filters, int n);

  /**
   * The nearest passages to a unit query vector by the passage vectors' similarity (dot product on
   * unit vectors, which ranks as cosine does): exact up to {@link #EXACT_KNN_LIMIT} documents, HNSW
   * beyond.
   *
   * @param vector the query vector, of the index's dimension
   * @param filters restrictions applied before the nearest are chosen
   * @param n how many passage ids, at least 1
   * @return passage ids, nearest first, at most n
   */
  List<String> knn(float[] vector, SearchFilters filters, int n);

  /** Passages that have text (the N of BM25's IDF); 0 when nothing is indexed. */
  long passageCount();

  /**
   * Document frequencies of analyzed terms in one field, over passages.
   *
   * @return term to the number of passages whose {@code field} holds it; terms held by none may be
   *     absent
   */
  Map<String, Integer> docFreqs(String field, Collection<String> terms);

  /**
   * The stored fields of passages.
   *
   * @param ids passage ids
   * @return passage id to its fields; ids not (or no longer) indexed are absent
   */
  Map<String, StoredPassage> passages(Collection<String> ids);
}
