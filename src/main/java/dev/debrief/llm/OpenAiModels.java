package dev.debrief.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * OpenAI, or any OpenAI-compatible server at {@code answer.baseUrl} (vLLM, llama.cpp's server, LM
 * Studio, Ollama's {@code /v1}), which may run without a key.
 */
final class OpenAiModels implements ProviderModels {
  @Override
  public String keyVariable() {
    return "OPENAI_API_KEY";
  }

  @Override
  public String url(String baseUrl) {
    return baseUrl == null ? LlmProviders.OPENAI_URL : baseUrl;
  }

  /** llama.cpp, Ollama and LM Studio accept any key; api.openai.com needs a real one. */
  @Override
  public String keyWithout(String baseUrl) {
    return baseUrl == null ? null : LlmProviders.NO_KEY;
  }

  @Override
  public String missingKey(String provider) {
    return "openai needs OPENAI_API_KEY (or answer.baseUrl for a local OpenAI-compatible server)";
  }

  @Override
  public ChatModel chat(Spec s) {
    return OpenAiChatModel.builder()
        .httpClientBuilder(s.http())
        .baseUrl(s.url())
        .apiKey(s.key())
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
    return OpenAiStreamingChatModel.builder()
        .httpClientBuilder(s.http())
        .baseUrl(s.url())
        .apiKey(s.key())
        .modelName(s.model())
        .temperature(s.settings().temperature)
        .maxTokens(s.settings().maxOutputTokens)
        .timeout(s.timeout())
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
