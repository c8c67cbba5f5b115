package dev.debrief.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known vectors are taken as they are; only the other texts reach the model, in one call. */
class KnownVectorsEmbedderTest {
  /** Embeds text {@code t} as a 2-dimensional vector from its length; records every call. */
  private static final class Recording implements Embedder {
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public String modelId() {
      return "recording";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embed(String text) {
      calls.add(List.of("query:" + text));
      return new float[] {1, 0};
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      calls.add(List.copyOf(texts));
      return texts.stream().map(t -> new float[] {0, t.length()}).toList();
    }

    @Override
    public void close() {}
  }

  @Test
  void knownTakenOthersEmbeddedInOneCallInOrder() {
    Recording model = new Recording();
    float[] known = {0.6f, 0.8f};
    Embedder e = new KnownVectorsEmbedder(model, texts -> Map.of("bb", known));
    List<float[]> out = e.embedAll(List.of("a", "bb", "ccc"));
    assertSame(known, out.get(1));
    assertArrayEquals(new float[] {0, 1}, out.get(0));
    assertArrayEquals(new float[] {0, 3}, out.get(2));
    assertEquals(List.of(List.of("a", "ccc")), model.calls);
  }

  @Test
  void allKnownNoCallQueriesAlwaysEmbedded() {
    Recording model = new Recording();
    Embedder e =
        new KnownVectorsEmbedder(
            model, texts -> Map.of("a", new float[] {1, 0}, "b", new float[] {0, 1}));
    assertEquals(2, e.embedAll(List.of("a", "b")).size());
    e.embed("a");
    assertEquals(List.of(List.of("query:a")), model.calls);
  }

  @Test
  void aStoredVectorOfAnotherLengthIsEmbeddedAgain() {
    Recording model = new Recording();
    Embedder e = new KnownVectorsEmbedder(model, texts -> Map.of("a", new float[] {1, 0, 0}));
    assertArrayEquals(new float[] {0, 1}, e.embedAll(List.of("a")).get(0));
  }
}
