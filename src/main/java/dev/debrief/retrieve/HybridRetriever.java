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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * BM25 top-{@code bm25Depth} and kNN top-{@code knnDepth} over passage documents, fused with {@link
 * ReciprocalRankFusion}. Filters (event, report, since, channels) apply to both lists before
 * fusion.
 *
 * <p>Backend-neutral: the query terms, the fusion, the rare-term pin and the hits are made here;
 * the two ranked lists, the term statistics and the stored passages come from a {@link
 * RetrievalBackend} (the Lucene index on disk or SolrCloud), so both backends rank the same way.
 */
public final class HybridRetriever implements Retriever {
  /** Which lists to use: both fused (default), or one alone (for evaluation). */
  public enum Mode {
    HYBRID,
    BM25,
    VECTOR
  }

  /**
   * BM25 boosts per field: a heading or title term helps, but a passage that says it in its own
   * text counts most. {@link #DEFAULT} (text 1, heading path 0.5, report title 0.2) was chosen by
   * hand in the first retriever, not measured; {@code debrief eval} on ../shared/qa gives hybrid
   * recall@5 1.000 with it.
   *
   * @param text boost of {@link Fields#TEXT}, the passage text
   * @param heading boost of {@link Fields#HEADING}, the section's heading path
   * @param title boost of {@link Fields#TITLE}, the report title
   */
  record Bm25Boosts(float text, float heading, float title) {
    static final Bm25Boosts DEFAULT = new Bm25Boosts(1f, 0.5f, 0.2f);

    /** The boosts as the backend's field list, text first. */
    List<RetrievalBackend.FieldBoost> fields() {
      return List.of(
          new RetrievalBackend.FieldBoost(Fields.TEXT, text),
          new RetrievalBackend.FieldBoost(Fields.HEADING, heading),
          new RetrievalBackend.FieldBoost(Fields.TITLE, title));
    }
  }

  /** The BM25 fields searched, with {@link Bm25Boosts#DEFAULT}. */
  static final List<RetrievalBackend.FieldBoost> BM25_FIELDS = Bm25Boosts.DEFAULT.fields();

  private final RetrievalBackend backend;
  private final Analyzer analyzer = TextAnalysis.analyzer();
  private final Embedder embedder;
  private final CitationLinks links;
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
        out.add(toHit(p, 0));
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
          exactMatch = bestRareTermMatch(terms, passages, top, stored);
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
    pin(fused, exactMatch, RARE_PIN_RANK);
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
        hits.add(toHit(p, s.score()));
      }
    }
    return hits;
  }

  /** Where a passage holding every rare term of the question is guaranteed to rank (0-based). */
  static final int RARE_PIN_RANK = 1;

  /**
   * The best BM25 passage that contains every rare term of the query, or null. Rare: in at most
   * max(5, 2%) of the passages — names ("Hightower"), paper numbers ("P3691"), version strings.
   * Fusion alone can bury such an exact match: MiniLM vectors of a long passage that mentions a
   * name in passing are not close to a question about that name, so the passage gets only its BM25
   * share of the fused score. The BM25 passages read here are left in {@code stored}.
   */
  private String bestRareTermMatch(
      List<String> terms, long passages, List<String> top, Map<String, StoredPassage> stored) {
    int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE, passages));
    int limit = Math.max(5, n / 50);
    Map<String, Integer> inText = backend.docFreqs(Fields.TEXT, terms);
    Map<String, Integer> inHeading = backend.docFreqs(Fields.HEADING, terms);
    List<String> rare = new ArrayList<>();
    for (String t : terms) {
      int df = inText.getOrDefault(t, 0) + inHeading.getOrDefault(t, 0);
      if (df > 0 && df <= limit) {
        rare.add(t);
      }
    }
    if (rare.isEmpty()) {
      return null;
    }
    stored.putAll(backend.passages(top));
    for (String id : top) {
      StoredPassage p = stored.get(id);
      if (p == null) {
        continue;
      }
      Set<String> present =
          new HashSet<>(
              QueryTerms.analyze(analyzer, Fields.TEXT, p.text() + "\n" + p.heading(), 100_000));
      if (present.containsAll(rare)) {
        return p.passageId();
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

  private Hit toHit(StoredPassage p, double score) {
    List<String> path = p.heading().isEmpty() ? List.of() : Arrays.asList(p.heading().split("\n"));
    String section = path.isEmpty() ? "" : path.get(path.size() - 1);
    String url =
        links.link(
            new CitationLinks.Target(
                p.url(),
                p.anchorInSource(),
                p.reportId(),
                p.passageId(),
                p.anchor(),
                p.text(),
                p.restricted()));
    return new Hit(
        p.passageId(),
        p.reportId(),
        p.title(),
        p.event(),
        p.date(),
        section,
        path,
        p.anchor(),
        url,
        p.text(),
        score);
  }

  /**
   * MiniLM reads at most 256 word pieces; a long paste is cut to its first 200 words for the
   * vector.
   */
  private static String trimForEmbedding(String query) {
    String[] words = query.strip().split("\\s+");
    return words.length <= 200 ? query : String.join(" ", Arrays.asList(words).subList(0, 200));
  }
}
