package dev.debrief.retrieve;

import dev.debrief.index.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The rare-term pin of {@link HybridRetriever}: the best BM25 passage that contains every rare term
 * of the query moves up to rank {@value #RARE_PIN_RANK} of the fused list. Rare: in at most max(5,
 * 2%) of the passages — names ("Hightower"), paper numbers ("P3691"), version strings. Fusion alone
 * can bury such an exact match: MiniLM vectors of a long passage that mentions a name in passing
 * are not close to a question about that name, so the passage gets only its BM25 share of the fused
 * score.
 */
final class RareTermPin {
  /** Where a passage holding every rare term of the question is guaranteed to rank (0-based). */
  static final int RARE_PIN_RANK = 1;

  /** A term in at most this many passages is rare, however small the index. */
  private static final int MIN_RARE_PASSAGES = 5;

  /** A term in at most one passage in this many (2%) is rare too. */
  private static final int RARE_SHARE_DIVISOR = 50;

  /** Cap on the terms read from one passage: high enough to read all of it. */
  private static final int ALL_TERMS = 100_000;

  private final RetrievalBackend backend;
  private final Analyzer analyzer;

  /**
   * @param backend gives document frequencies and stored passages
   * @param analyzer analyzes passage text the way the query terms were analyzed
   */
  RareTermPin(RetrievalBackend backend, Analyzer analyzer) {
    this.backend = backend;
    this.analyzer = analyzer;
  }

  /**
   * The best BM25 passage that contains every rare term of the query, or null. The BM25 passages
   * read here are left in {@code stored}.
   *
   * @param terms the analyzed BM25 query terms
   * @param passages number of passage documents in the index
   * @param top the BM25 ranking, best first
   * @param stored passages read so far, by id; filled with those of {@code top}
   */
  String bestRareTermMatch(
      List<String> terms, long passages, List<String> top, Map<String, StoredPassage> stored) {
    int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE, passages));
    int limit = Math.max(MIN_RARE_PASSAGES, n / RARE_SHARE_DIVISOR);
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
              QueryTerms.analyze(analyzer, Fields.TEXT, p.text() + "\n" + p.heading(), ALL_TERMS));
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
}
