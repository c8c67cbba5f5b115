package dev.debrief.llm;

import dev.debrief.config.DebriefConfig.AnswerSettings;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Clock;
import java.time.Duration;

/**
 * What differs between LLM providers when {@link LlmProviders} sets one up: where the key comes
 * from, the default server, and the LangChain4j builders of the blocking and the streaming model.
 * The shared part (key check, reachability, the {@link LlmClient}) stays in {@link LlmProviders}.
 * One implementation per provider: {@link OpenAiModels}, {@link AnthropicModels}, {@link
 * GeminiModels}.
 */
interface ProviderModels {
  /**
   * What every model builder is given.
   *
   * @param url the server's base URL
   * @param key the API key (never logged or put in messages)
   * @param model the model name
   * @param settings temperature, output tokens and time budget ({@code answer.*})
   * @param clock time source of the HTTP client's Retry-After handling
   */
  record Spec(String url, String key, String model, AnswerSettings settings, Clock clock) {
    /** A fresh HTTP client builder for one model ({@link StatusAwareHttpClient}). */
    StatusAwareHttpClient.Builder http() {
      return StatusAwareHttpClient.builder().clock(clock);
    }

    /** {@code answer.timeoutSeconds} as a duration. */
    Duration timeout() {
      return Duration.ofSeconds(settings.timeoutSeconds);
    }
  }

  /** The environment variable holding the API key, e.g. {@code OPENAI_API_KEY}. */
  String keyVariable();

  /**
   * The server to use.
   *
   * @param baseUrl {@code answer.baseUrl} stripped, or null when not set
   */
  String url(String baseUrl);

  /**
   * The key to use when the environment has none, or null when the provider cannot run without one.
   *
   * @param baseUrl {@code answer.baseUrl} stripped, or null when not set
   */
  default String keyWithout(String baseUrl) {
    return null;
  }

  /**
   * Why the provider cannot be used without a key (one line, names the variable).
   *
   * @param provider the provider's id
   */
  default String missingKey(String provider) {
    return provider + " needs " + keyVariable() + " in the environment";
  }

  /** The blocking model, LangChain4j's retries off. */
  ChatModel chat(Spec spec);

  /** The streaming model. */
  StreamingChatModel streaming(Spec spec);
}
