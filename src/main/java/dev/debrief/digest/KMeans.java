package dev.debrief.digest;

import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spherical k-means on unit vectors (Lloyd's algorithm, "Least squares quantization in PCM", IEEE
 * Trans. Inf. Theory 1982, with cosine similarity as in Dhillon &amp; Modha, "Concept
 * decompositions for large sparse text data using clustering", Machine Learning 2001).
 * Initialisation is deterministic farthest-first traversal (Gonzalez, "Clustering to minimize the
 * maximum intercluster distance", TCS 1985), starting from the point closest to the overall
 * centroid, so the same passages always give the same themes.
 */
final class KMeans {
  private KMeans() {}

  /** Assignment of each point to a cluster 0..k-1, and the clusters' unit centroids. */
  record Result(int[] assignment, List<float[]> centroids) {}

  /**
   * Clusters {@code points} (unit vectors, all of one dimension) into at most {@code k} non-empty
   * clusters.
   */
  static Result cluster(List<float[]> points, int k, int maxIterations) {
    int n = points.size();
    if (n == 0) {
      return new Result(new int[0], List.of());
    }
    int dim = points.get(0).length;
    k = Math.max(1, Math.min(k, n));
    float[] all = Mmr.centroid(points, dim);
    List<float[]> centroids = new ArrayList<>();
    int first = 0;
    double bestSim = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s = Vectors.dot(points.get(i), all);
      if (s > bestSim) {
        bestSim = s;
        first = i;
      }
    }
    centroids.add(points.get(first));
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.NEGATIVE_INFINITY);
    while (centroids.size() < k) {
      float[] last = centroids.get(centroids.size() - 1);
      int far = -1;
      double farSim = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.max(nearest[i], Vectors.dot(points.get(i), last));
        if (nearest[i] < farSim) {
          farSim = nearest[i];
          far = i;
        }
      }
      if (farSim > 0.9999) {
        break; // all remaining points coincide with a centroid
      }
      centroids.add(points.get(far));
    }
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    for (int it = 0; it < maxIterations; it++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bs = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.size(); c++) {
          double s = Vectors.dot(points.get(i), centroids.get(c));
          if (s > bs) {
            bs = s;
            best = c;
          }
        }
        if (assignment[i] != best) {
          assignment[i] = best;
          changed = true;
        }
      }
      List<float[]> next = new ArrayList<>();
      for (int c = 0; c < centroids.size(); c++) {
        List<float[]> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (assignment[i] == c) {
            members.add(points.get(i));
          }
        }
        next.add(members.isEmpty() ? centroids.get(c) : Mmr.centroid(members, dim));
      }
      centroids = next;
      if (!changed) {
        break;
      }
    }
    // Drop empty clusters and renumber.
    int[] map = new int[centroids.size()];
    Arrays.fill(map, -1);
    List<float[]> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = assignment[i];
      if (map[c] < 0) {
        map[c] = kept.size();
        kept.add(centroids.get(c));
      }
      assignment[i] = map[c];
    }
    return new Result(assignment, kept);
  }
}
