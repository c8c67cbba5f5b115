package dev.debrief.index;

import java.util.List;

/**
 * The sentence texts of a report ({@link dev.debrief.model.SentenceTexts}) with their vectors,
 * written in the report's block so an answer finds them by text.
 *
 * @param texts the embedded texts, each once
 * @param vectors one unit vector per text, in the same order
 */
public record SentenceVectors(List<String> texts, List<float[]> vectors) {
  /** No sentence vectors. */
  public static final SentenceVectors NONE = new SentenceVectors(List.of(), List.of());

  public SentenceVectors {
    texts = List.copyOf(texts);
    vectors = List.copyOf(vectors);
    if (texts.size() != vectors.size()) {
      throw new IllegalArgumentException(
          "need one vector per sentence text: " + vectors.size() + " for " + texts.size());
    }
  }
}
