package dev.debrief.digest;

import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximal marginal relevance (Carbonell &amp; Goldstein, "The use of MMR, diversity-based reranking
 * for reordering documents and producing summaries", SIGIR 1998): repeatedly pick the candidate
 * maximising {@code λ·relevance − (1−λ)·max similarity to what is already picked}.
 */
final class Mmr {
  private Mmr() {}

  /**
   * @param relevance each candidate's relevance (e.g. cosine to a centroid)
   * @param vectors unit vectors of the candidates, parallel to {@code relevance}
   * @param k how many to pick
   * @param lambda trade-off in [0, 1]; 1 is pure relevance
   * @param maxSimilar candidates more similar than this to a picked one are never picked
   *     (near-duplicates)
   * @return indices of the picked candidates, in pick order
   */
  static List<Integer> select(
      double[] relevance, List<float[]> vectors, int k, double lambda, double maxSimilar) {
    List<Integer> picked = new ArrayList<>();
    boolean[] used = new boolean[relevance.length];
    while (picked.size() < k) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < relevance.length; i++) {
        if (used[i]) {
          continue;
        }
        double redundancy = 0;
        for (int j : picked) {
          redundancy = Math.max(redundancy, Vectors.dot(vectors.get(i), vectors.get(j)));
        }
        if (redundancy > maxSimilar) {
          continue;
        }
        double score = lambda * relevance[i] - (1 - lambda) * redundancy;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      picked.add(best);
    }
    return picked;
  }

  /** The normalized mean of unit vectors (a zero vector when the list is empty). */
  static float[] centroid(List<float[]> vectors, int dimension) {
    float[] c = new float[dimension];
    for (float[] v : vectors) {
      for (int i = 0; i < dimension; i++) {
        c[i] += v[i];
      }
    }
    return Vectors.normalize(c);
  }
}
