package dev.debrief.retrieve;

import dev.debrief.cite.CitationLinks;
import dev.debrief.embed.Embedder;
import dev.debrief.index.Fields;
import dev.debrief.index.IndexException;
import dev.debrief.index.TextAnalysis;
import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * BM25 top-{@code bm25Depth} and kNN top-{@code knnDepth} over passage documents, fused with {@link
 * ReciprocalRankFusion}. Filters (event, report, since, channels) apply to both lists before
 * fusion.
 *
 * <p>Backend-neutral: the query terms, the fusion, the rare-term pin and the hits are made here;
 * the two ranked lists, the term statistics and the stored passages come from a {@link
 * RetrievalBackend} (the Lucene index on disk or SolrCloud), so both backends rank the same way.
 * The rare-term pin is {@link RareTermPin}, the hits are made by {@link PassageHits}, the BM25
 * field boosts are {@link Bm25Boosts}.
 */
public final class HybridRetriever implements Retriever {
  /** Which lists to use: both fused (default), or one alone (for evaluation). */
  public enum Mode {
    HYBRID,
    BM25,
    VECTOR
  }

  /** The BM25 fields searched, with {@link Bm25Boosts#DEFAULT}. */
  static final List<RetrievalBackend.FieldBoost> BM25_FIELDS = Bm25Boosts.DEFAULT.fields();

  /** Words of a query embedded for kNN; MiniLM reads at most 256 word pieces. */
  static final int MAX_EMBEDDED_WORDS = 200;

  private final RetrievalBackend backend;
  private final Analyzer analyzer = TextAnalysis.analyzer();
  private final Embedder embedder;
  private final PassageHits passageHits;
  private final RareTermPin rarePin;
  private final ReciprocalRankFusion fusion;
  private final int bm25Depth;
  private final int knnDepth;
  private final int maxTerms;
  private final double vectorWeight;

  /**
   * @param backend the index to search
   * @param embedder embeds queries (same model as the index)
   * @param links builds hit URLs
   * @param rrfK RRF constant (60)
   * @param bm25Depth BM25 hits entering fusion
   * @param knnDepth kNN hits entering fusion
   * @param maxTerms cap on distinct query terms (far below Lucene's maxClauseCount of 1024)
   * @param vectorWeight weight of the kNN list in fusion (BM25's is 1)
   */
  public HybridRetriever(
      RetrievalBackend backend,
      Embedder embedder,
      CitationLinks links,
      int rrfK,
      int bm25Depth,
      int knnDepth,
      int maxTerms,
      double vectorWeight) {
    this.vectorWeight = vectorWeight;
    this.backend = backend;
    this.embedder = embedder;
    this.passageHits = new PassageHits(links);
    this.rarePin = new RareTermPin(backend, analyzer);
    this.fusion = new ReciprocalRankFusion(rrfK);
    this.bm25Depth = bm25Depth;
    this.knnDepth = knnDepth;
    this.maxTerms = maxTerms;
  }

  @Override
  public List<Hit> search(String query, int k, SearchFilters filters) {
    return search(query, k, filters, Mode.HYBRID);
  }

  @Override
  public List<Hit> search(String query, List<String> bm25Terms, int k, SearchFilters filters) {
    return search(query, bm25Terms, k, filters, Mode.HYBRID);
  }

  @Override
  public List<Hit> fetch(List<String> passageIds) {
    if (passageIds.isEmpty() || backend.passageCount() == 0) {
      return List.of();
    }
    Map<String, StoredPassage> stored = backend.passages(passageIds);
    List<Hit> out = new ArrayList<>();
    for (String id : passageIds) {
      StoredPassage p = stored.get(id);
      if (p != null) {
        out.add(passageHits.toHit(p, 0));
      }
    }
    return out;
  }

  /** This retriever with one choice of lists, for evaluation. */
  public Retriever withMode(Mode mode) {
    HybridRetriever self = this;
    return new Retriever() {
      @Override
      public List<Hit> search(String query, int k, SearchFilters filters) {
        return self.search(query, null, k, filters, mode);
      }

      @Override
      public List<Hit> search(String query, List<String> bm25Terms, int k, SearchFilters filters) {
        return self.search(query, bm25Terms, k, filters, mode);
      }

      @Override
      public List<Hit> fetch(List<String> passageIds) {
        return self.fetch(passageIds);
      }
    };
  }

  /**
   * Like {@link #search(String, int, SearchFilters)} with a choice of lists.
   *
   * @throws IndexException when the index cannot be read
   */
  public List<Hit> search(String query, int k, SearchFilters filters, Mode mode) {
    return search(query, null, k, filters, mode);
  }

  /**
   * Like {@link #search(String, int, SearchFilters, Mode)} with the BM25 terms given rather than
   * taken from the text: a question analyzed for its subject (event names left out when the search
   * is limited to that event, synonyms added) searches BM25 with those terms and kNN with the
   * question as asked.
   *
   * @param vectorText the text embedded for kNN (the question as asked)
   * @param bm25Terms analyzed terms for BM25 (at most {@code maxTerms} are used), or null to
   *     analyze {@code vectorText}
   */
  public List<Hit> search(
      String vectorText, List<String> bm25Terms, int k, SearchFilters filters, Mode mode) {
    String query = vectorText;
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (query == null || query.isBlank()) {
      return List.of();
    }
    long passages = backend.passageCount();
    if (passages == 0) {
      return List.of();
    }
    List<List<String>> rankings = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    Map<String, StoredPassage> stored = new HashMap<>();
    String exactMatch = null;
    if (mode != Mode.VECTOR) {
      List<String> terms =
          bm25Terms == null || bm25Terms.isEmpty()
              ? QueryTerms.questionTerms(analyzer, Fields.TEXT, query, maxTerms)
              : bm25Terms.stream().distinct().limit(maxTerms).toList();
      if (!terms.isEmpty()) {
        List<String> top = backend.bm25(terms, BM25_FIELDS, filters, bm25Depth);
        rankings.add(top);
        weights.add(1.0);
        if (mode == Mode.HYBRID) {
          exactMatch = rarePin.bestRareTermMatch(terms, passages, top, stored);
        }
      }
    }
    if (mode != Mode.BM25 && query.codePoints().anyMatch(Character::isLetterOrDigit)) {
      float[] vector = embedder.embed(trimForEmbedding(query));
      rankings.add(backend.knn(vector, filters, knnDepth));
      weights.add(mode == Mode.VECTOR ? 1.0 : vectorWeight);
    }
    List<ReciprocalRankFusion.Scored> fused =
        new ArrayList<>(
            fusion.fuse(rankings, weights.stream().mapToDouble(Double::doubleValue).toArray()));
    RareTermPin.pin(fused, exactMatch, RareTermPin.RARE_PIN_RANK);
    List<ReciprocalRankFusion.Scored> top = fused.subList(0, Math.min(k, fused.size()));
    List<String> missing =
        top.stream()
            .map(ReciprocalRankFusion.Scored::id)
            .filter(id -> !stored.containsKey(id))
            .toList();
    if (!missing.isEmpty()) {
      stored.putAll(backend.passages(missing));
    }
    List<Hit> hits = new ArrayList<>();
    for (ReciprocalRankFusion.Scored s : top) {
      StoredPassage p = stored.get(s.id());
      if (p != null) { // null only when the passage was replaced between the two requests
        hits.add(passageHits.toHit(p, s.score()));
      }
    }
    return hits;
  }

  /**
   * MiniLM reads at most 256 word pieces; a long paste is cut to its first {@value
   * #MAX_EMBEDDED_WORDS} words for the vector.
   */
  private static String trimForEmbedding(String query) {
    String[] words = query.strip().split("\\s+");
    return words.length <= MAX_EMBEDDED_WORDS
        ? query
        : String.join(" ", Arrays.asList(words).subList(0, MAX_EMBEDDED_WORDS));
  }
}
