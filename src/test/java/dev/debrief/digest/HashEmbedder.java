package dev.debrief.digest;

import dev.debrief.embed.Embedder;
import dev.debrief.embed.EmbeddingModel;
import dev.debrief.text.Vectors;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for MiniLM in fast tests: a bag of lower-cased words hashed into {@link
 * EmbeddingModel#DIMENSION} dimensions, normalised. Texts sharing words are similar; no model is
 * loaded.
 */
public final class HashEmbedder implements Embedder {
  static final int DIM = EmbeddingModel.DIMENSION;

  @Override
  public String modelId() {
    return "test-hash";
  }

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[DIM];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 2) {
        v[Math.floorMod(w.hashCode(), DIM)] += 1;
      }
    }
    v[0] += 0.01f;
    return Vectors.normalize(v);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return texts.stream().map(this::embed).toList();
  }

  @Override
  public void close() {}
}
