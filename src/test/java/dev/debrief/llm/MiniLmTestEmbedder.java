package dev.debrief.llm;

import dev.debrief.embed.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** Test stand-in for the project's ONNX embedder: the same quantized all-MiniLM-L6-v2 through LangChain4j. */
final class MiniLmTestEmbedder implements Embedder {
  private static MiniLmTestEmbedder shared;
  private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

  static synchronized MiniLmTestEmbedder shared() {
    if (shared == null) {
      shared = new MiniLmTestEmbedder();
    }
    return shared;
  }

  @Override
  public String modelId() {
    return "all-minilm-l6-v2-q";
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public float[] embed(String text) {
    return unit(model.embed(text).content().vector());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>();
    for (String t : texts) {
      segments.add(TextSegment.from(t));
    }
    List<float[]> out = new ArrayList<>();
    model.embedAll(segments).content().forEach(e -> out.add(unit(e.vector())));
    return out;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    double norm = Math.sqrt(n);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }

  @Override
  public void close() {
    // shared across tests
  }
}
