package dev.debrief.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link Embedder} whose {@link #embedAll} takes the vectors {@link KnownVectors} holds and
 * embeds only the other texts: the sentence vectors ingest stored, so an answer embeds its question
 * and nothing else. Queries ({@link #embed}) and symmetric texts are always embedded. Does not
 * close the embedder it wraps (its owner does).
 */
public final class KnownVectorsEmbedder implements Embedder {
  private final Embedder embedder;
  private final KnownVectors known;

  /**
   * @param embedder embeds what is not known; its model made the known vectors
   * @param known the stored vectors
   */
  public KnownVectorsEmbedder(Embedder embedder, KnownVectors known) {
    this.embedder = embedder;
    this.known = known;
  }

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

  /** In order: the known vector of each text, or a fresh one (all unknown texts in one call). */
  @Override
  public List<float[]> embedAll(List<String> texts) {
    Map<String, float[]> found = texts.isEmpty() ? Map.of() : known.find(texts);
    List<float[]> out = new ArrayList<>(texts.size());
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (String t : texts) {
      float[] v = found.get(t);
      if (v == null || v.length != embedder.dimension()) {
        missingAt.add(out.size());
        missing.add(t);
      }
      out.add(v);
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = embedder.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        out.set(missingAt.get(i), fresh.get(i));
      }
    }
    return out;
  }

  @Override
  public List<float[]> embedSymmetric(List<String> texts) {
    return embedder.embedSymmetric(texts);
  }

  /** Leaves the wrapped embedder open: it belongs to whoever made it. */
  @Override
  public void close() {}
}
