package dev.debrief.llm;

import dev.debrief.answer.AnswerComposer;
import dev.debrief.config.DebriefConfig.AnswerSettings;
import dev.debrief.embed.Embedder;
import dev.debrief.model.AnswerProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Builds the LLM client for {@code answer.provider}: {@code openai} (OpenAI or any
 * OpenAI-compatible server: vLLM, llama.cpp's server, LM Studio, Ollama's {@code /v1}), {@code
 * anthropic} or {@code gemini}, through LangChain4j.
 *
 * <p>API keys come only from the environment map ({@code OPENAI_API_KEY}, {@code
 * ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}); they are never read from config files and never
 * logged or put in messages. A provider that is configured but unusable (no key, unreachable) gives
 * {@link Setup#client()} empty and a one-line {@link Setup#warning()} for the CLI to print; the
 * caller then answers extractively.
 *
 * <p>The models are built with LangChain4j's retries off and our {@link StatusAwareHttpClient}, so
 * that {@link LlmClient} alone handles the time budget and Retry-After. What differs per provider
 * (key variable, default server, builders) is in one {@link ProviderModels} each.
 */
public final class LlmProviders {
  /** Used for local OpenAI-compatible servers that need no key (llama.cpp, Ollama, LM Studio). */
  static final String NO_KEY = "no-key";

  static final String OPENAI_URL = "https://api.openai.com/v1";
  static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";
  static final String GEMINI_URL = "https://generativelanguage.googleapis.com/v1beta";
  static final String ANTHROPIC_VERSION = "2023-06-01";

  /**
   * What the CLI gets.
   *
   * @param client the client, empty for {@code extractive} or when the provider is unusable
   * @param warning one line to print when a configured provider cannot be used (never contains a
   *     key)
   */
  public record Setup(Optional<LlmClient> client, Optional<String> warning) {}

  /**
   * A composer plus the warning to print.
   *
   * @param composer the LLM composer, or the fallback itself when no LLM is usable
   * @param warning one line to print when a configured provider cannot be used
   */
  public record ComposerSetup(AnswerComposer composer, Optional<String> warning) {}

  private LlmProviders() {}

  /** The model used when {@code answer.model} is empty. */
  public static String defaultModel(String provider) {
    return AnswerProvider.find(provider).map(LlmProviders::defaultModel).orElse("");
  }

  /** The model used when {@code answer.model} is empty ("" for the extractive composer). */
  public static String defaultModel(AnswerProvider provider) {
    return switch (provider) {
      case OPENAI -> "gpt-4o-mini";
      case ANTHROPIC -> "claude-3-5-haiku-latest";
      case GEMINI -> "gemini-2.0-flash";
      case EXTRACTIVE -> "";
    };
  }

  /**
   * The answer composer for the settings: an {@link LlmComposer} over the configured provider, or
   * {@code extractive} itself (with a warning when a provider was configured but cannot be used).
   *
   * @param checkReachable try a TCP connection to the server first (2 s at most)
   * @param attempts the pool the client's attempts run on ({@link LlmClient#newAttemptPool()}),
   *     owned by the caller
   */
  public static ComposerSetup composer(
      AnswerSettings settings,
      Map<String, String> env,
      Embedder embedder,
      AnswerComposer extractive,
      Clock clock,
      boolean checkReachable,
      ExecutorService attempts) {
    Setup setup = create(settings, env, clock, checkReachable, attempts);
    if (setup.client().isEmpty()) {
      return new ComposerSetup(extractive, setup.warning());
    }
    return new ComposerSetup(
        new LlmComposer(setup.client().get(), settings, embedder, extractive, clock),
        setup.warning());
  }

  /**
   * Builds the client.
   *
   * @param env environment variables (pass {@code System.getenv()})
   * @param checkReachable try a TCP connection to the server first (2 s at most)
   * @param attempts the pool the client's attempts run on ({@link LlmClient#newAttemptPool()}),
   *     owned by the caller
   */
  public static Setup create(
      AnswerSettings settings,
      Map<String, String> env,
      Clock clock,
      boolean checkReachable,
      ExecutorService attempts) {
    String id = settings.provider == null ? "" : settings.provider.strip().toLowerCase(Locale.ROOT);
    AnswerProvider provider =
        id.isEmpty() ? AnswerProvider.EXTRACTIVE : AnswerProvider.find(id).orElse(null);
    if (provider == null) {
      return unusable("unknown answer provider \"" + id + "\"");
    }
    if (provider == AnswerProvider.EXTRACTIVE) {
      return new Setup(Optional.empty(), Optional.empty());
    }
    String model = blank(settings.model) ? defaultModel(provider) : settings.model.strip();
    String baseUrl = blank(settings.baseUrl) ? null : settings.baseUrl.strip();
    try {
      ProviderModels models =
          switch (provider) {
            case OPENAI -> new OpenAiModels();
            case ANTHROPIC -> new AnthropicModels();
            case GEMINI -> new GeminiModels();
            case EXTRACTIVE -> throw new IllegalStateException("handled above");
          };
      return setUp(
          provider, models, settings, env, clock, model, baseUrl, checkReachable, attempts);
    } catch (RuntimeException e) {
      // a builder rejecting a setting: report it without any key (keys never reach exception
      // messages here)
      return unusable(provider + " cannot be set up (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The shared setup of every provider: the key from the environment (or the provider's keyless
   * fallback), the reachability check, then the blocking and streaming models in one {@link
   * LlmClient}.
   */
  private static Setup setUp(
      AnswerProvider provider,
      ProviderModels models,
      AnswerSettings s,
      Map<String, String> env,
      Clock clock,
      String model,
      String baseUrl,
      boolean check,
      ExecutorService attempts) {
    String key = env.get(models.keyVariable());
    String url = models.url(baseUrl);
    if (blank(key)) {
      key = models.keyWithout(baseUrl);
      if (key == null) {
        return unusable(models.missingKey(provider.id()));
      }
    }
    Optional<String> down = check ? unreachable(url) : Optional.empty();
    if (down.isPresent()) {
      return unusable(provider.id() + " server " + displayUrl(url) + " " + down.get());
    }
    ProviderModels.Spec spec = new ProviderModels.Spec(url, key, model, s, clock);
    ChatModel chat = models.chat(spec);
    StreamingChatModel streaming = models.streaming(spec);
    return new Setup(
        Optional.of(new LlmClient(provider.id(), model, chat, streaming, clock, attempts)),
        Optional.empty());
  }

  private static Setup unusable(String why) {
    return new Setup(
        Optional.empty(),
        Optional.of("warning: " + why + "; answering with the extractive summarizer"));
  }

  /** Empty when a TCP connection to the URL's host and port succeeds within 2 s, else why not. */
  static Optional<String> unreachable(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid URL");
    }
    if (uri.getHost() == null) {
      return Optional.of("is not a valid URL");
    }
    int port =
        uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("is unreachable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The URL without user info or query (which could carry a key). */
  private static String displayUrl(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() >= 0 ? ":" + u.getPort() : "")
          + (u.getPath() == null ? "" : u.getPath());
    } catch (IllegalArgumentException e) {
      return "(invalid URL)";
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
