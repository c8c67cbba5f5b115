package dev.debrief.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One streamed attempt of an {@link LlmClient}: collects the tokens, reports the text written so
 * far at most once per {@link #PROGRESS_INTERVAL}, and returns the complete reply (the collected
 * tokens when the final response carries no text).
 */
final class StreamedReply {
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private StreamedReply() {}

  /**
   * Streams {@code request}, on the calling attempt thread, until the model completes.
   *
   * @param progress receives the text written so far; its failures are ignored
   * @throws Exception what the model reported through {@code onError}
   */
  static String collect(
      StreamingChatModel streaming, ChatRequest request, Consumer<String> progress, Clock clock)
      throws Exception {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StringBuilder partial = new StringBuilder();
    Instant[] lastReport = {clock.instant()};
    streaming.chat(
        request,
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(String token) {
            if (token == null) {
              return;
            }
            partial.append(token);
            Instant now = clock.instant();
            if (Duration.between(lastReport[0], now).compareTo(PROGRESS_INTERVAL) >= 0) {
              lastReport[0] = now;
              try {
                progress.accept(partial.toString());
              } catch (RuntimeException ignored) {
                // a failing progress display must not fail the answer
              }
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
    try {
      ChatResponse response = done.get();
      String text =
          response == null || response.aiMessage() == null ? null : response.aiMessage().text();
      return text == null || text.isBlank() ? partial.toString() : text;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
    }
  }
}
