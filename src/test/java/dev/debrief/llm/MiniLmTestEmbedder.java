package dev.debrief.llm;

import dev.debrief.embed.Embedder;
import dev.debrief.embed.OnnxEmbedder;

/**
 * The project's real ONNX embedder (the default model), loaded once for all tests of this package.
 */
public final class MiniLmTestEmbedder {
  private static Embedder shared;

  /** The shared embedder, loaded on first use. */
  public static synchronized Embedder shared() {
    if (shared == null) {
      shared = new OnnxEmbedder(dev.debrief.config.DebriefConfig.defaults().embedding.model, 1);
    }
    return shared;
  }

  private MiniLmTestEmbedder() {}
}
