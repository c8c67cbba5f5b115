package dev.debrief.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;

/** Google's Gemini API; a configured base URL is used without trailing slashes. */
final class GeminiModels implements ProviderModels {
  @Override
  public String keyVariable() {
    return "GEMINI_API_KEY";
  }

  @Override
  public String url(String baseUrl) {
    return baseUrl == null ? LlmProviders.GEMINI_URL : baseUrl.replaceAll("/+$", "");
  }

  @Override
  public ChatModel chat(Spec s) {
    return GoogleAiGeminiChatModel.builder()
        .httpClientBuilder(s.http())
        .baseUrl(s.url())
        .apiKey(s.key())
        .modelName(s.model())
        .temperature(s.settings().temperature)
        .maxOutputTokens(s.settings().maxOutputTokens)
        .timeout(s.timeout())
        .maxRetries(0)
        .logRequests(false)
        .build();
  }

  @Override
  public StreamingChatModel streaming(Spec s) {
    return GoogleAiGeminiStreamingChatModel.builder()
        .httpClientBuilder(s.http())
        .baseUrl(s.url())
        .apiKey(s.key())
        .modelName(s.model())
        .temperature(s.settings().temperature)
        .maxOutputTokens(s.settings().maxOutputTokens)
        .timeout(s.timeout())
        .logRequests(false)
        .build();
  }
}
