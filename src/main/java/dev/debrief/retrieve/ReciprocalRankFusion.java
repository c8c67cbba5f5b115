package dev.debrief.retrieve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: {@code score(d) = Σ_r 1 / (k + rank_r(d))} over the ranked lists r that
 * contain d, with ranks starting at 1 (G. V. Cormack, C. L. A. Clarke, S. Büttcher, "Reciprocal
 * Rank Fusion outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009).
 *
 * <p>Why k=60: the paper found k=60 near-optimal across TREC runs and insensitive nearby; it damps
 * the influence of the very top ranks so that one list cannot dominate. We measured 20, 60 and 100
 * on {@code ../shared/qa} and kept 60 (see README, "Retrieval quality").
 */
public final class ReciprocalRankFusion {
  private final int k;

  /**
   * @param k the rank constant, at least 1
   */
  public ReciprocalRankFusion(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("RRF k must be >= 1, got " + k);
    }
    this.k = k;
  }

  /** A fused item with its score. @param id item id @param score fused score */
  public record Scored(String id, double score) {}

  /**
   * Fuses ranked lists of ids (best first; duplicates within one list count at their first rank).
   *
   * @return ids by descending fused score; ties keep first-seen order
   */
  public List<Scored> fuse(List<List<String>> rankings) {
    double[] weights = new double[rankings.size()];
    java.util.Arrays.fill(weights, 1.0);
    return fuse(rankings, weights);
  }

  /**
   * Weighted fusion: list r contributes {@code weights[r] / (k + rank)}.
   *
   * @throws IllegalArgumentException when the weights do not match the lists
   */
  public List<Scored> fuse(List<List<String>> rankings, double[] weights) {
    if (weights.length != rankings.size()) {
      throw new IllegalArgumentException(
          weights.length + " weights for " + rankings.size() + " rankings");
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      List<String> ranking = rankings.get(r);
      double w = weights[r];
      java.util.Set<String> seen = new java.util.HashSet<>();
      int rank = 0;
      for (String id : ranking) {
        if (!seen.add(id)) {
          continue;
        }
        rank++;
        scores.merge(id, w / (k + rank), Double::sum);
      }
    }
    List<Scored> out = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> out.add(new Scored(id, s)));
    out.sort((a, b) -> Double.compare(b.score(), a.score()));
    return out;
  }
}
