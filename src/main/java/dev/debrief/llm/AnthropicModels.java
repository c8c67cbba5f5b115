package dev.debrief.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/** Anthropic's Messages API (API version {@link LlmProviders#ANTHROPIC_VERSION}). */
final class AnthropicModels implements ProviderModels {
  @Override
  public String keyVariable() {
    return "ANTHROPIC_API_KEY";
  }

  @Override
  public String url(String baseUrl) {
    return baseUrl == null ? LlmProviders.ANTHROPIC_URL : baseUrl;
  }

  @Override
  public ChatModel chat(Spec s) {
    return AnthropicChatModel.builder()
        .httpClientBuilder(s.http())
        .baseUrl(s.url())
        .apiKey(s.key())
        .version(LlmProviders.ANTHROPIC_VERSION)
        .modelName(s.model())
        .temperature(s.settings().temperature)
        .maxTokens(s.settings().maxOutputTokens)
        .timeout(s.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public StreamingChatModel streaming(Spec s) {
    return AnthropicStreamingChatModel.builder()
        .httpClientBuilder(s.http())
        .baseUrl(s.url())
        .apiKey(s.key())
        .version(LlmProviders.ANTHROPIC_VERSION)
        .modelName(s.model())
        .temperature(s.settings().temperature)
        .maxTokens(s.settings().maxOutputTokens)
        .timeout(s.timeout())
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
