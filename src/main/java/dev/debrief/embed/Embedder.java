package dev.debrief.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors (cosine similarity = dot product).
 * Implementations are thread-safe.
 */
public interface Embedder extends AutoCloseable {
  /** A stable model id stored with the index, e.g. {@code "all-minilm-l6-v2-q"}. */
  String modelId();

  /** Vector length, e.g. 384. */
  int dimension();

  /** Embeds one text; returns a vector of {@link #dimension()} floats with L2 norm 1. */
  float[] embed(String text);

  /** Embeds many texts, in order; same contract as {@link #embed(String)} for each. */
  List<float[]> embedAll(List<String> texts);

  @Override
  void close();
}
