package dev.debrief.digest;

import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups an event's passages into themes: spherical k-means ({@link KMeans}) over the passage
 * vectors after centring them — they were embedded with their report's title and headings, so
 * passages of one report share a large common component, and clustering the centred vectors
 * separates subjects instead of reports.
 */
final class ThemeClusterer {
  /**
   * Weights.
   *
   * @param maxThemes most themes; k = round(√(n / {@code passagesPerTheme})), the usual rule of
   *     thumb (Mardia, Kent &amp; Bibby, Multivariate Analysis, 1979), clamped to 1..maxThemes.
   *     Five: only the two longest reports in ../shared reach the cap (the rule gives them 7 and
   *     8); measured over all 15 shared events, 4 / 5 / 6 give 45 / 47 / 49 themes, and the themes
   *     past the fourth of those two briefs were each one session's notes, which the session list
   *     above already shows
   * @param passagesPerTheme the n/2 of the rule of thumb
   * @param minPassages clusters smaller than this are dropped when more than two clusters remain (a
   *     single passage is a session's detail, not a theme)
   * @param iterations upper bound on k-means iterations; it stops as soon as no assignment changes
   */
  record Weights(int maxThemes, double passagesPerTheme, int minPassages, int iterations) {
    static final Weights DEFAULT = new Weights(5, 2.0, 2, 30);

    Weights {
      if (maxThemes < 1 || passagesPerTheme <= 0 || minPassages < 1 || iterations < 1) {
        throw new IllegalArgumentException(
            "bad clustering weights: "
                + maxThemes
                + ", "
                + passagesPerTheme
                + ", "
                + minPassages
                + ", "
                + iterations);
      }
    }
  }

  /** A theme's passages and their centroid (of the original, uncentred vectors). */
  record Cluster(List<Sources.Item> members, float[] centroid) {
    /** Members, most central first. */
    List<Sources.Item> central() {
      List<Sources.Item> top = new ArrayList<>(members);
      top.sort(
          Comparator.comparingDouble((Sources.Item it) -> -Vectors.dot(it.vector(), centroid)));
      return top;
    }
  }

  private final Weights weights;

  ThemeClusterer(Weights weights) {
    this.weights = weights;
  }

  /** Clusters {@code items} (all with vectors of one dimension), biggest first. */
  List<Cluster> cluster(List<Sources.Item> items) {
    int n = items.size();
    if (n == 0) {
      return List.of();
    }
    int k =
        (int)
            Math.max(
                1,
                Math.min(
                    weights.maxThemes(), Math.round(Math.sqrt(n / weights.passagesPerTheme()))));
    int dim = items.get(0).vector().length;
    float[] mean = new float[dim];
    for (Sources.Item it : items) {
      for (int d = 0; d < dim; d++) {
        mean[d] += it.vector()[d] / n;
      }
    }
    List<float[]> centred = new ArrayList<>();
    for (Sources.Item it : items) {
      float[] v = new float[dim];
      for (int d = 0; d < dim; d++) {
        v[d] = it.vector()[d] - mean[d];
      }
      centred.add(Vectors.normalize(v));
    }
    KMeans.Result r = KMeans.cluster(centred, k, weights.iterations());
    List<List<Sources.Item>> groups = new ArrayList<>();
    for (int c = 0; c < r.centroids().size(); c++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      groups.get(r.assignment()[i]).add(items.get(i));
    }
    List<Cluster> out = new ArrayList<>();
    for (List<Sources.Item> g : groups) {
      out.add(new Cluster(g, Mmr.centroid(g.stream().map(Sources.Item::vector).toList(), dim)));
    }
    out.sort(
        Comparator.comparingInt((Cluster c) -> -c.members().size())
            .thenComparingInt(c -> c.members().get(0).passage().ordinal()));
    if (out.size() > 2) {
      out.removeIf(c -> c.members().size() < weights.minPassages());
    }
    return out;
  }
}
