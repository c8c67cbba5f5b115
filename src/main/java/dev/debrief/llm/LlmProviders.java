package dev.debrief.llm;

import dev.debrief.answer.AnswerComposer;
import dev.debrief.config.DebriefConfig.AnswerSettings;
import dev.debrief.embed.Embedder;
import dev.debrief.model.AnswerProvider;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
 * that {@link LlmClient} alone handles the time budget and Retry-After.
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
      return switch (provider) {
        case OPENAI -> openAi(settings, env, clock, model, baseUrl, checkReachable, attempts);
        case ANTHROPIC -> anthropic(settings, env, clock, model, baseUrl, checkReachable, attempts);
        case GEMINI -> gemini(settings, env, clock, model, baseUrl, checkReachable, attempts);
        case EXTRACTIVE -> throw new IllegalStateException("handled above");
      };
    } catch (RuntimeException e) {
      // a builder rejecting a setting: report it without any key (keys never reach exception
      // messages here)
      return unusable(provider + " cannot be set up (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Setup openAi(
      AnswerSettings s,
      Map<String, String> env,
      Clock clock,
      String model,
      String baseUrl,
      boolean check,
      ExecutorService attempts) {
    String key = env.get("OPENAI_API_KEY");
    String url = baseUrl == null ? OPENAI_URL : baseUrl;
    if (blank(key)) {
      if (baseUrl == null) {
        return unusable(
            "openai needs OPENAI_API_KEY (or answer.baseUrl for a local OpenAI-compatible server)");
      }
      key = NO_KEY; // llama.cpp, Ollama and LM Studio accept any key
    }
    Optional<String> down = check ? unreachable(url) : Optional.empty();
    if (down.isPresent()) {
      return unusable("openai server " + displayUrl(url) + " " + down.get());
    }
    Duration t = Duration.ofSeconds(s.timeoutSeconds);
    ChatModel chat =
        OpenAiChatModel.builder()
            .httpClientBuilder(http(clock))
            .baseUrl(url)
            .apiKey(key)
            .modelName(model)
            .temperature(s.temperature)
            .maxTokens(s.maxOutputTokens)
            .timeout(t)
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
    StreamingChatModel streaming =
        OpenAiStreamingChatModel.builder()
            .httpClientBuilder(http(clock))
            .baseUrl(url)
            .apiKey(key)
            .modelName(model)
            .temperature(s.temperature)
            .maxTokens(s.maxOutputTokens)
            .timeout(t)
            .logRequests(false)
            .logResponses(false)
            .build();
    return new Setup(
        Optional.of(
            new LlmClient(AnswerProvider.OPENAI.id(), model, chat, streaming, clock, attempts)),
        Optional.empty());
  }

  private static Setup anthropic(
      AnswerSettings s,
      Map<String, String> env,
      Clock clock,
      String model,
      String baseUrl,
      boolean check,
      ExecutorService attempts) {
    String key = env.get("ANTHROPIC_API_KEY");
    if (blank(key)) {
      return unusable("anthropic needs ANTHROPIC_API_KEY in the environment");
    }
    String url = baseUrl == null ? ANTHROPIC_URL : baseUrl;
    Optional<String> down = check ? unreachable(url) : Optional.empty();
    if (down.isPresent()) {
      return unusable("anthropic server " + displayUrl(url) + " " + down.get());
    }
    Duration t = Duration.ofSeconds(s.timeoutSeconds);
    ChatModel chat =
        AnthropicChatModel.builder()
            .httpClientBuilder(http(clock))
            .baseUrl(url)
            .apiKey(key)
            .version(ANTHROPIC_VERSION)
            .modelName(model)
            .temperature(s.temperature)
            .maxTokens(s.maxOutputTokens)
            .timeout(t)
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
    StreamingChatModel streaming =
        AnthropicStreamingChatModel.builder()
            .httpClientBuilder(http(clock))
            .baseUrl(url)
            .apiKey(key)
            .version(ANTHROPIC_VERSION)
            .modelName(model)
            .temperature(s.temperature)
            .maxTokens(s.maxOutputTokens)
            .timeout(t)
            .logRequests(false)
            .logResponses(false)
            .build();
    return new Setup(
        Optional.of(
            new LlmClient(AnswerProvider.ANTHROPIC.id(), model, chat, streaming, clock, attempts)),
        Optional.empty());
  }

  private static Setup gemini(
      AnswerSettings s,
      Map<String, String> env,
      Clock clock,
      String model,
      String baseUrl,
      boolean check,
      ExecutorService attempts) {
    String key = env.get("GEMINI_API_KEY");
    if (blank(key)) {
      return unusable("gemini needs GEMINI_API_KEY in the environment");
    }
    String url = baseUrl == null ? GEMINI_URL : baseUrl.replaceAll("/+$", "");
    Optional<String> down = check ? unreachable(url) : Optional.empty();
    if (down.isPresent()) {
      return unusable("gemini server " + displayUrl(url) + " " + down.get());
    }
    Duration t = Duration.ofSeconds(s.timeoutSeconds);
    ChatModel chat =
        GoogleAiGeminiChatModel.builder()
            .httpClientBuilder(http(clock))
            .baseUrl(url)
            .apiKey(key)
            .modelName(model)
            .temperature(s.temperature)
            .maxOutputTokens(s.maxOutputTokens)
            .timeout(t)
            .maxRetries(0)
            .logRequests(false)
            .build();
    StreamingChatModel streaming =
        GoogleAiGeminiStreamingChatModel.builder()
            .httpClientBuilder(http(clock))
            .baseUrl(url)
            .apiKey(key)
            .modelName(model)
            .temperature(s.temperature)
            .maxOutputTokens(s.maxOutputTokens)
            .timeout(t)
            .logRequests(false)
            .build();
    return new Setup(
        Optional.of(
            new LlmClient(AnswerProvider.GEMINI.id(), model, chat, streaming, clock, attempts)),
        Optional.empty());
  }

  private static StatusAwareHttpClient.Builder http(Clock clock) {
    return StatusAwareHttpClient.builder().clock(clock);
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
