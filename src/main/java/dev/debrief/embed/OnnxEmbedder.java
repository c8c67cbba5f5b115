package dev.debrief.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.text.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sentence embeddings computed in-process by ONNX Runtime from the model files LangChain4j ships in
 * its {@code langchain4j-embeddings-*} jars; the models, their pooling, prefixes and token limits
 * are listed in {@link EmbeddingModel}. {@link #embed(String)} embeds a query (with the model's
 * query prefix), {@link #embedAll(List)} embeds passages (with its passage prefix), {@link
 * #embedSymmetric(List)} texts compared with each other (with its symmetric prefix).
 *
 * <p>Threading: one ONNX session with one intra-op thread, driven by {@code workers} Java threads
 * (one per core by default), so both cores stay busy without oversubscription. LangChain4j's
 * default builds a session with ONNX's own thread pool and a cached thread pool on top, which
 * oversubscribes small machines.
 *
 * <p>Token limit: the tokenizer file's truncation is replaced by {@link EmbeddingModel#maxTokens()}
 * before it is loaded (LangChain4j's MiniLM tokenizer says 128, which cut every passage of more
 * than about 100 words).
 *
 * <p>Vectors are L2-normalised, so cosine similarity is the dot product. Recent query vectors are
 * cached (LRU, 256 entries by default).
 */
public final class OnnxEmbedder implements Embedder {
  /** Model id of the fp32 MiniLM model. */
  public static final String FP32 = EmbeddingModel.MINILM_L6_V2.id();

  /** Model id of the quantized (int8) MiniLM model. */
  public static final String QUANTIZED = EmbeddingModel.MINILM_L6_V2_Q.id();

  private final EmbeddingModel spec;
  private final ExecutorService pool;
  private final OrtSession session;
  private final Model model;
  private final int cacheSize;
  private final Map<String, float[]> queryCache;

  /**
   * Loads the model from the classpath.
   *
   * @param modelId one of {@link EmbeddingModel#ids()}
   * @param workers worker threads; 0 means {@code Runtime.availableProcessors()}
   * @throws IllegalArgumentException for an unknown model id
   * @throws IllegalStateException when the model cannot be loaded
   */
  public OnnxEmbedder(String modelId, int workers) {
    this(modelId, workers, 256);
  }

  /**
   * Like {@link #OnnxEmbedder(String, int)} with a query-cache size (0 turns the cache off, for
   * benchmarks).
   */
  public OnnxEmbedder(String modelId, int workers, int cacheSize) {
    this.cacheSize = cacheSize;
    this.queryCache =
        Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > OnnxEmbedder.this.cacheSize;
              }
            });
    this.spec = EmbeddingModel.of(modelId);
    String base = spec.resource();
    int n = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    AtomicInteger counter = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            n,
            r -> {
              Thread t = new Thread(r, "embed-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      byte[] onnx = resource("/" + base + ".onnx");
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(onnx, options);
      byte[] tokenizer = withTruncation(resource("/" + base + "-tokenizer.json"), spec.maxTokens());
      PoolingMode pooling =
          spec.pooling() == EmbeddingModel.Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN;
      this.model =
          new Model(
              pool,
              new OnnxBertBiEncoder(env, session, new ByteArrayInputStream(tokenizer), pooling));
    } catch (OrtException | IOException | RuntimeException e) {
      pool.shutdownNow();
      throw new IllegalStateException(
          "cannot load embedding model " + modelId + ": " + e.getMessage(), e);
    }
  }

  /**
   * The tokenizer JSON (Hugging Face tokenizers format) with its {@code truncation} set to {@code
   * maxTokens} word pieces, longest-first, from the right.
   */
  static byte[] withTruncation(byte[] tokenizerJson, int maxTokens) {
    JsonObject json =
        JsonParser.parseString(new String(tokenizerJson, StandardCharsets.UTF_8)).getAsJsonObject();
    JsonObject truncation = new JsonObject();
    truncation.addProperty("direction", "Right");
    truncation.addProperty("max_length", maxTokens);
    truncation.addProperty("strategy", "LongestFirst");
    truncation.addProperty("stride", 0);
    json.add("truncation", truncation);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OnnxEmbedder.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the classpath");
      }
      return in.readAllBytes();
    }
  }

  @Override
  public String modelId() {
    return spec.id();
  }

  @Override
  public int dimension() {
    return EmbeddingModel.DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    String key = text == null ? "" : text;
    float[] cached = queryCache.get(key);
    if (cached != null) {
      return cached.clone();
    }
    float[] v = encode(List.of(spec.queryPrefix() + key)).get(0);
    if (cacheSize > 0) {
      queryCache.put(key, v.clone());
    }
    return v;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<String> prefixed = new ArrayList<>(texts.size());
    for (String t : texts) {
      prefixed.add(spec.passagePrefix() + (t == null || t.isBlank() ? "." : t));
    }
    return encode(prefixed);
  }

  @Override
  public List<float[]> embedSymmetric(List<String> texts) {
    List<String> prefixed = new ArrayList<>(texts.size());
    for (String t : texts) {
      prefixed.add(spec.symmetricPrefix() + (t == null || t.isBlank() ? "." : t));
    }
    return encode(prefixed);
  }

  private List<float[]> encode(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t.isBlank() ? "." : t));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(Vectors.normalize(e.vector()));
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      session.close();
    } catch (OrtException e) {
      // closing at shutdown; nothing left to protect
    }
  }

  /** LangChain4j's in-process model, with our executor and session. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return EmbeddingModel.DIMENSION;
    }
  }
}
