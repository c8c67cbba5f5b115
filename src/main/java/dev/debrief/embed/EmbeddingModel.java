package dev.debrief.embed;

import java.util.Arrays;
import java.util.List;

/**
 * The sentence-embedding models Debrief can run in-process, with what each needs to be used as its
 * authors trained it: how token vectors are pooled, the text put before queries and passages, and
 * how many word pieces it reads. All are 384-dimensional BERT encoders whose ONNX files and
 * tokenizers come from LangChain4j's {@code langchain4j-embeddings-*} jars.
 *
 * <ul>
 *   <li>all-MiniLM-L6-v2 (Reimers &amp; Gurevych 2019, Sentence-BERT;
 *       https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2): mean pooling, no prefixes,
 *       128 word pieces (see {@code Tokens.MINILM}).
 *   <li>e5-small-v2 (Wang et al. 2022, "Text Embeddings by Weakly-Supervised Contrastive
 *       Pre-training"; https://huggingface.co/intfloat/e5-small-v2): mean pooling, "query: " before
 *       questions and "passage: " before passages, 512 word pieces; "query: " on both sides of a
 *       symmetric comparison (the model card: "Use 'query: ' prefix for symmetric tasks such as
 *       semantic similarity").
 *   <li>bge-small-en-v1.5 (Xiao et al. 2023, "C-Pack";
 *       https://huggingface.co/BAAI/bge-small-en-v1.5): the [CLS] vector, an instruction before
 *       queries ("Represent this sentence for searching relevant passages: ") and nothing before
 *       passages, 512 word pieces; no instruction on either side of a symmetric comparison (the
 *       model card asks for it only for short queries retrieving passages).
 * </ul>
 */
public enum EmbeddingModel {
  /** all-MiniLM-L6-v2, fp32. */
  MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", Pooling.MEAN, "", "", "", Tokens.MINILM),
  /** all-MiniLM-L6-v2, int8-quantized. */
  MINILM_L6_V2_Q(
      "all-minilm-l6-v2-q", "all-minilm-l6-v2-q", Pooling.MEAN, "", "", "", Tokens.MINILM),
  /** e5-small-v2, int8-quantized. */
  E5_SMALL_V2_Q(
      "e5-small-v2-q", "e5-small-v2-q", Pooling.MEAN, "query: ", "passage: ", "query: ", 512),
  /** bge-small-en-v1.5, int8-quantized. */
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v15-q",
      "bge-small-en-v1.5-q",
      Pooling.CLS,
      "Represent this sentence for searching relevant passages: ",
      "",
      "",
      512);

  /**
   * Word pieces MiniLM reads. The model was trained on 128 (its card allows 256); with 256,
   * vector-only recall@5 on ../shared/qa fell from 0.808 to 0.731 and stayed at 0.775 on round2
   * ({@code debrief eval}, 2026-12-01), so MiniLM keeps LangChain4j's 128. Passages of more than
   * about 100 words lose their end: one reason the default is e5-small-v2 (README, "Embedding
   * models").
   */
  private static final class Tokens {
    static final int MINILM = 128;
  }

  /** How a text's token vectors become one vector. */
  public enum Pooling {
    MEAN,
    CLS
  }

  /** Vector length of every model here. */
  public static final int DIMENSION = 384;

  private final String id;
  private final String resource;
  private final Pooling pooling;
  private final String queryPrefix;
  private final String passagePrefix;
  private final String symmetricPrefix;
  private final int maxTokens;

  EmbeddingModel(
      String id,
      String resource,
      Pooling pooling,
      String queryPrefix,
      String passagePrefix,
      String symmetricPrefix,
      int maxTokens) {
    this.id = id;
    this.resource = resource;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
    this.symmetricPrefix = symmetricPrefix;
    this.maxTokens = maxTokens;
  }

  /**
   * The id written into the index's commit data and used in {@code embedding.model}, e.g.
   * "e5-small-v2-q".
   */
  public String id() {
    return id;
  }

  /**
   * Base name of the model's classpath resources ({@code /NAME.onnx}, {@code
   * /NAME-tokenizer.json}).
   */
  public String resource() {
    return resource;
  }

  /** How token vectors are pooled. */
  public Pooling pooling() {
    return pooling;
  }

  /** Text put before a query ("" for none). */
  public String queryPrefix() {
    return queryPrefix;
  }

  /** Text put before a passage ("" for none). */
  public String passagePrefix() {
    return passagePrefix;
  }

  /**
   * Text put before both texts of a symmetric comparison (sentence against sentence, as citation
   * verification does), "" for none.
   */
  public String symmetricPrefix() {
    return symmetricPrefix;
  }

  /** Word pieces read per text, special tokens included; the rest is truncated. */
  public int maxTokens() {
    return maxTokens;
  }

  /** Every model id, for messages. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(EmbeddingModel::id).toList();
  }

  /**
   * The model with this id.
   *
   * @throws IllegalArgumentException naming the id and the known ones
   */
  public static EmbeddingModel of(String id) {
    for (EmbeddingModel m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown embedding model \"" + id + "\"; use one of " + ids());
  }
}
