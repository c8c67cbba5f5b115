package dev.debrief.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors (cosine similarity = dot product). Implementations are
 * thread-safe.
 */
public interface Embedder extends AutoCloseable {
  /** A stable model id stored with the index, e.g. {@code "all-minilm-l6-v2-q"}. */
  String modelId();

  /** Vector length, e.g. 384. */
  int dimension();

  /**
   * Embeds one query (a question, a search, a claim to check against passages); returns a vector of
   * {@link #dimension()} floats with L2 norm 1. Asymmetric models (e5, bge) embed queries
   * differently from passages, so compare the result with vectors from {@link #embedAll(List)}.
   */
  float[] embed(String text);

  /**
   * Embeds passages (or sentences of reports), in order; each a unit vector of {@link #dimension()}
   * floats.
   */
  List<float[]> embedAll(List<String> texts);

  /**
   * Embeds texts to be compared with each other rather than a query with passages (a claim against
   * the sentences of a passage): both sides get the model's symmetric prefix ({@link
   * EmbeddingModel#symmetricPrefix()}), so the similarity of two texts does not depend on which
   * side each is on. In order; each a unit vector of {@link #dimension()} floats. The default suits
   * models without prefixes: {@link #embedAll(List)}.
   */
  default List<float[]> embedSymmetric(List<String> texts) {
    return embedAll(texts);
  }

  @Override
  void close();
}
