package dev.debrief.text;

/**
 * Small vector helpers for unit-length float vectors (sentence embeddings). The one dot product:
 * every caller (kNN scoring, citation verification, clustering, MMR) uses {@link #dot}, which
 * refuses vectors of different lengths rather than reading only their common prefix.
 */
public final class Vectors {
  private Vectors() {}

  /** Returns a copy of {@code v} scaled to L2 norm 1 (a zero vector is returned unchanged). */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    float[] out = v.clone();
    if (sum == 0) {
      return out;
    }
    float inv = (float) (1.0 / Math.sqrt(sum));
    for (int i = 0; i < out.length; i++) {
      out[i] *= inv;
    }
    return out;
  }

  /**
   * Dot product; equals cosine similarity for unit vectors.
   *
   * @throws IllegalArgumentException when lengths differ
   */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
