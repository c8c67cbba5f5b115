package dev.debrief.eval;

import dev.debrief.embed.Embedder;
import java.util.List;
import java.util.Map;

/** An embedder for calibration runs of {@link CitationVerificationEval}. */
public final class MemoisedEmbedder {
  private MemoisedEmbedder() {}

  /**
   * {@code embedder} with its symmetric embeddings kept by text, so a calibration embeds each
   * passage window once however often fake answers cite it (the vectors are the same ones). Not for
   * serving: it never forgets.
   */
  public static Embedder of(Embedder embedder) {
    Map<String, float[]> kept = new java.util.concurrent.ConcurrentHashMap<>();
    return new Embedder() {
      @Override
      public String modelId() {
        return embedder.modelId();
      }

      @Override
      public int dimension() {
        return embedder.dimension();
      }

      @Override
      public float[] embed(String text) {
        return embedder.embed(text);
      }

      @Override
      public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
      }

      @Override
      public List<float[]> embedSymmetric(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !kept.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
          List<float[]> vectors = embedder.embedSymmetric(missing);
          for (int i = 0; i < missing.size(); i++) {
            kept.put(missing.get(i), vectors.get(i));
          }
        }
        return texts.stream().map(kept::get).toList();
      }

      @Override
      public void close() {
        // the wrapped embedder belongs to its owner
      }
    };
  }
}
