package dev.debrief.retrieve;

import dev.debrief.embed.Embedder;
import dev.debrief.index.Documents;
import dev.debrief.index.Fields;
import dev.debrief.index.IndexException;
import dev.debrief.index.LuceneIndex;
import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * BM25 top-{@code bm25Depth} and kNN top-{@code knnDepth} over passage documents, fused with
 * {@link ReciprocalRankFusion}. Filters (event, report, since, channels) apply to both lists before fusion.
 */
public final class HybridRetriever implements Retriever {
  /** Which lists to use: both fused (default), or one alone (for evaluation). */
  public enum Mode { HYBRID, BM25, VECTOR }

  private static final Set<String> STORED = Set.of(Fields.PASSAGE_ID, Fields.REPORT_ID, Fields.TEXT,
      Fields.HEADING, Fields.TITLE, Fields.EVENT, Fields.DATE, Fields.ANCHOR, Fields.URL, Fields.FORMAT, Fields.CHANNEL,
      Fields.ANCHOR_IN_SOURCE);

  private final LuceneIndex index;
  private final Embedder embedder;
  private final CitationLinks links;
  private final ReciprocalRankFusion fusion;
  private final int bm25Depth;
  private final int knnDepth;
  private final int maxTerms;
  private final double vectorWeight;
  /** Up to this many documents kNN is exact (a scan); beyond it, Lucene's HNSW graph. */
  private static final int EXACT_KNN_LIMIT = 200_000;

  /**
   * @param index     the index
   * @param embedder  embeds queries (same model as the index)
   * @param links     builds hit URLs
   * @param rrfK      RRF constant (60)
   * @param bm25Depth BM25 hits entering fusion
   * @param knnDepth  kNN hits entering fusion
   * @param maxTerms  cap on distinct query terms (far below Lucene's maxClauseCount of 1024)
   * @param vectorWeight weight of the kNN list in fusion (BM25's is 1)
   */
  public HybridRetriever(LuceneIndex index, Embedder embedder, CitationLinks links, int rrfK, int bm25Depth,
                         int knnDepth, int maxTerms, double vectorWeight) {
    this.vectorWeight = vectorWeight;
    this.index = index;
    this.embedder = embedder;
    this.links = links;
    this.fusion = new ReciprocalRankFusion(rrfK);
    this.bm25Depth = bm25Depth;
    this.knnDepth = knnDepth;
    this.maxTerms = maxTerms;
  }

  @Override
  public List<Hit> search(String query, int k, SearchFilters filters) {
    return search(query, k, filters, Mode.HYBRID);
  }

  /**
   * Like {@link #search(String, int, SearchFilters)} with a choice of lists.
   *
   * @throws IndexException when the index cannot be read
   */
  public List<Hit> search(String query, int k, SearchFilters filters, Mode mode) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    try (LuceneIndex.Lease lease = index.acquire()) {
      return search(lease.searcher(), query, k, filters, mode);
    }
  }

  /** The search on one leased searcher (null: nothing indexed yet). */
  private List<Hit> search(IndexSearcher searcher, String query, int k, SearchFilters filters, Mode mode) {
    if (searcher == null || query == null || query.isBlank()) {
      return List.of();
    }
    Query filter = filterQuery(filters);
    try {
      List<List<String>> rankings = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      Map<String, Integer> docIds = new HashMap<>();
      String exactMatch = null;
      if (mode != Mode.VECTOR) {
        Query bm25 = bm25Query(query, filter);
        if (bm25 != null) {
          TopDocs top = searcher.search(bm25, bm25Depth);
          rankings.add(ids(searcher, top, docIds));
          weights.add(1.0);
          if (mode == Mode.HYBRID) {
            exactMatch = bestRareTermMatch(searcher, query, top);
          }
        }
      }
      if (mode != Mode.BM25 && query.codePoints().anyMatch(Character::isLetterOrDigit)) {
        float[] vector = embedder.embed(trimForEmbedding(query));
        TopDocs nearest = searcher.getIndexReader().maxDoc() <= EXACT_KNN_LIMIT
            ? exactKnn(searcher, filter, vector, knnDepth)
            : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, knnDepth, filter), knnDepth);
        rankings.add(ids(searcher, nearest, docIds));
        weights.add(mode == Mode.VECTOR ? 1.0 : vectorWeight);
      }
      List<ReciprocalRankFusion.Scored> fused = new ArrayList<>(
          fusion.fuse(rankings, weights.stream().mapToDouble(Double::doubleValue).toArray()));
      pin(fused, exactMatch, RARE_PIN_RANK);
      List<Hit> hits = new ArrayList<>();
      for (ReciprocalRankFusion.Scored s : fused) {
        if (hits.size() == k) {
          break;
        }
        Document d = searcher.storedFields().document(docIds.get(s.id()), STORED);
        hits.add(toHit(d, s.score()));
      }
      return hits;
    } catch (IOException e) {
      throw new IndexException("cannot search index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  /** Where a passage holding every rare term of the question is guaranteed to rank (0-based). */
  static final int RARE_PIN_RANK = 1;

  /**
   * The best BM25 passage that contains every rare term of the query, or null. Rare: in at most
   * max(5, 2%) of the passages — names ("Hightower"), paper numbers ("P3691"), version strings. Fusion
   * alone can bury such an exact match: MiniLM vectors of a long passage that mentions a name in passing are
   * not close to a question about that name, so the passage gets only its BM25 share of the fused score.
   */
  private String bestRareTermMatch(IndexSearcher searcher, String query, TopDocs top) throws IOException {
    List<String> terms = QueryTerms.questionTerms(index.getAnalyzer(), Fields.TEXT, query, maxTerms);
    int n = Math.max(1, searcher.getIndexReader().getDocCount(Fields.TEXT));
    int limit = Math.max(5, n / 50);
    List<String> rare = new ArrayList<>();
    for (String t : terms) {
      int df = searcher.getIndexReader().docFreq(new Term(Fields.TEXT, t))
          + searcher.getIndexReader().docFreq(new Term(Fields.HEADING, t));
      if (df > 0 && df <= limit) {
        rare.add(t);
      }
    }
    if (rare.isEmpty()) {
      return null;
    }
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.PASSAGE_ID, Fields.TEXT, Fields.HEADING));
      java.util.Set<String> present = new java.util.HashSet<>(QueryTerms.analyze(index.getAnalyzer(), Fields.TEXT,
          d.get(Fields.TEXT) + "\n" + d.get(Fields.HEADING), 100_000));
      if (present.containsAll(rare)) {
        return d.get(Fields.PASSAGE_ID);
      }
    }
    return null;
  }

  /** Moves {@code id} up to {@code rank} when it is ranked lower (its score is left as fused). */
  static void pin(List<ReciprocalRankFusion.Scored> fused, String id, int rank) {
    if (id == null) {
      return;
    }
    for (int i = 0; i < fused.size(); i++) {
      if (fused.get(i).id().equals(id)) {
        if (i > rank) {
          fused.add(Math.min(rank, fused.size() - 1), fused.remove(i));
        }
        return;
      }
    }
  }

  /**
   * Exact nearest neighbours: the dot product with every passage vector that passes the filter. Used up to
   * {@code EXACT_KNN_LIMIT} documents, where it costs a few milliseconds and, unlike the HNSW graph, gives the
   * same answer whatever the segment layout (HNSW search is approximate and depends on insertion order).
   */
  static TopDocs exactKnn(IndexSearcher searcher, Query filter, float[] vector, int k) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    java.util.PriorityQueue<ScoreDoc> best = new java.util.PriorityQueue<>(k + 1,
        (a, b) -> a.score != b.score ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      Scorer scorer = weight.scorer(leaf);
      if (values == null || scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if ((live != null && !live.get(doc)) || values.advance(doc) != doc) {
          continue;
        }
        float[] v = values.vectorValue();
        float dot = 0;
        for (int i = 0; i < v.length; i++) {
          dot += v[i] * vector[i];
        }
        best.add(new ScoreDoc(leaf.docBase + doc, dot));
        if (best.size() > k) {
          best.poll();
        }
      }
    }
    ScoreDoc[] out = new ScoreDoc[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = best.poll();
    }
    return new TopDocs(new org.apache.lucene.search.TotalHits(out.length,
        org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), out);
  }

  /** The BM25 query over text, heading and title, or null when the text has no searchable term. */
  Query bm25Query(String query, Query filter) {
    List<String> terms = QueryTerms.questionTerms(index.getAnalyzer(), Fields.TEXT, query, maxTerms);
    if (terms.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    for (String t : terms) {
      should.add(new TermQuery(new Term(Fields.TEXT, t)), BooleanClause.Occur.SHOULD);
      should.add(new BoostQuery(new TermQuery(new Term(Fields.HEADING, t)), 0.5f), BooleanClause.Occur.SHOULD);
      should.add(new BoostQuery(new TermQuery(new Term(Fields.TITLE, t)), 0.2f), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(should.build(), BooleanClause.Occur.MUST)
        .add(filter, BooleanClause.Occur.FILTER)
        .build();
  }

  /** Passage documents passing the filters. */
  static Query filterQuery(SearchFilters f) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!f.event().isEmpty()) {
      b.add(new TermQuery(new Term(Fields.EVENT_KEY, Documents.eventKey(f.event()))), BooleanClause.Occur.FILTER);
    }
    if (!f.reportId().isEmpty()) {
      b.add(new TermQuery(new Term(Fields.REPORT_ID, f.reportId())), BooleanClause.Occur.FILTER);
    }
    if (!f.since().isEmpty()) {
      b.add(TermRangeQuery.newStringRange(Fields.DATE, f.since(), null, true, true), BooleanClause.Occur.FILTER);
    }
    if (f.allowedChannels() != null) {
      BooleanQuery.Builder access = new BooleanQuery.Builder();
      access.add(new TermQuery(new Term(Fields.CHANNEL, Fields.CHANNEL_PUBLIC)), BooleanClause.Occur.SHOULD);
      for (String c : f.allowedChannels()) {
        access.add(new TermQuery(new Term(Fields.CHANNEL, c)), BooleanClause.Occur.SHOULD);
      }
      b.add(access.build(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static List<String> ids(IndexSearcher searcher, TopDocs top, Map<String, Integer> docIds)
      throws IOException {
    List<String> ids = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      String id = searcher.storedFields().document(sd.doc, Set.of(Fields.PASSAGE_ID)).get(Fields.PASSAGE_ID);
      ids.add(id);
      docIds.putIfAbsent(id, sd.doc);
    }
    return ids;
  }

  private Hit toHit(Document d, double score) {
    List<String> path = d.get(Fields.HEADING).isEmpty() ? List.of() : Arrays.asList(d.get(Fields.HEADING).split("\n"));
    String section = path.isEmpty() ? "" : path.get(path.size() - 1);
    String text = d.get(Fields.TEXT);
    String url = links.link(d.get(Fields.URL), "1".equals(d.get(Fields.ANCHOR_IN_SOURCE)), d.get(Fields.REPORT_ID),
        d.get(Fields.PASSAGE_ID), d.get(Fields.ANCHOR), text, d.getValues(Fields.CHANNEL).length > 0);
    return new Hit(d.get(Fields.PASSAGE_ID), d.get(Fields.REPORT_ID), d.get(Fields.TITLE), d.get(Fields.EVENT),
        d.get(Fields.DATE), section, path, d.get(Fields.ANCHOR), url, text, score);
  }

  /** MiniLM reads at most 256 word pieces; a long paste is cut to its first 200 words for the vector. */
  private static String trimForEmbedding(String query) {
    String[] words = query.strip().split("\\s+");
    return words.length <= 200 ? query : String.join(" ", Arrays.asList(words).subList(0, 200));
  }
}
