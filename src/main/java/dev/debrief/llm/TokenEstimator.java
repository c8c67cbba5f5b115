package dev.debrief.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.debrief.model.AnswerProvider;
import java.util.Locale;

/**
 * Token counts for the prompt budget, from a real BPE tokenizer (jtokkit's {@code cl100k_base}, the
 * tokenizer of GPT-4/GPT-3.5 and the one LangChain4j's {@code OpenAiTokenCountEstimator} uses for
 * them). Other model families (Llama, Mistral, Qwen, Claude, Gemini) cut English text into somewhat
 * more pieces, so their counts get a safety margin. Thread-safe.
 */
public final class TokenEstimator {
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  /** Per-message framing of chat templates (role markers, separators). */
  static final int PER_MESSAGE_OVERHEAD = 8;

  /**
   * Factor on cl100k counts for models with another tokenizer: a safety margin chosen by hand, not
   * measured against those tokenizers.
   */
  static final double OTHER_TOKENIZER_MARGIN = 1.25;

  private final double margin;

  private TokenEstimator(double margin) {
    this.margin = margin;
  }

  /**
   * An estimator for a provider and model: exact for OpenAI GPT models, 25 % margin for the rest.
   */
  public static TokenEstimator forModel(String provider, String model) {
    String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
    boolean openAiFamily =
        AnswerProvider.OPENAI.is(provider)
            && (m.startsWith("gpt-")
                || m.startsWith("o1")
                || m.startsWith("o3")
                || m.startsWith("o4"));
    return new TokenEstimator(openAiFamily ? 1.0 : OTHER_TOKENIZER_MARGIN);
  }

  /** Estimated tokens of a text. */
  public int count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    return (int) Math.ceil(CL100K.countTokensOrdinary(text) * margin);
  }

  /**
   * The longest prefix of {@code text} (cut at a word boundary) estimated at no more than {@code
   * maxTokens}.
   */
  public String truncate(String text, int maxTokens) {
    if (maxTokens <= 0) {
      return "";
    }
    if (count(text) <= maxTokens) {
      return text;
    }
    int lo = 0;
    int hi = text.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (count(text.substring(0, mid)) <= maxTokens - 1) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int cut = lo;
    int space = text.lastIndexOf(' ', cut);
    if (space > cut / 2) {
      cut = space;
    }
    return text.substring(0, cut).strip() + "…";
  }
}
