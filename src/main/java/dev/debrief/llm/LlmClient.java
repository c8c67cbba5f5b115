package dev.debrief.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A chat model with one time budget per request. The budget covers every attempt and every wait: an
 * HTTP 429 is retried after the server's {@code Retry-After} (1 s when absent) only while the
 * budget allows it; anything else fails at once with a classified {@link LlmException}. Models are
 * built with LangChain4j's own retries off ({@code maxRetries(0)}) so that this class alone
 * decides.
 *
 * <p>Each attempt runs on a daemon worker thread and is interrupted when the budget ends, so a
 * hanging server never holds the caller longer than the budget. The same client serves answers,
 * digests and event summaries ({@link #complete(String, String, Duration)}). Thread-safe.
 *
 * <p>A failed attempt is classified by {@link LlmFailures}; a streamed attempt is collected by
 * {@link StreamedReply}.
 */
public final class LlmClient {
  private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);
  private static final int MAX_ATTEMPTS = 6;

  private final String provider;
  private final String model;
  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final Clock clock;
  private final ExecutorService attempts;

  /**
   * A new pool for the attempts of {@link LlmClient}s: cached daemon threads named {@code
   * debrief-llm-N}, one per attempt in flight. Its creator owns it and shuts it down (cli's {@code
   * Wiring} on close; tests their own).
   */
  public static ExecutorService newAttemptPool() {
    AtomicInteger threads = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "debrief-llm-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private final LlmWaits waits;

  /**
   * @param provider "openai", "anthropic" or "gemini" (for the answer's context line)
   * @param model the model name
   * @param chat the blocking model
   * @param streaming the streaming model, or null when the provider should not stream
   * @param clock time source for deadlines and progress throttling
   * @param attempts runs each attempt so that it can be interrupted when the budget ends ({@link
   *     #newAttemptPool()}); owned by the caller, which shuts it down
   */
  public LlmClient(
      String provider,
      String model,
      ChatModel chat,
      StreamingChatModel streaming,
      Clock clock,
      ExecutorService attempts) {
    this(provider, model, chat, streaming, clock, attempts, LlmWaits.system());
  }

  private LlmClient(
      String provider,
      String model,
      ChatModel chat,
      StreamingChatModel streaming,
      Clock clock,
      ExecutorService attempts,
      LlmWaits waits) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.model = Objects.requireNonNullElse(model, "");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.streaming = streaming;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.attempts = Objects.requireNonNull(attempts, "attempts");
    this.waits = Objects.requireNonNull(waits, "waits");
  }

  /**
   * The same client waiting through {@code waits} (for Retry-After and for each reply) instead of
   * the wall clock; tests pair it with the clock they move.
   */
  public LlmClient withWaits(LlmWaits waits) {
    return new LlmClient(provider, model, chat, streaming, clock, attempts, waits);
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  public Clock clock() {
    return clock;
  }

  /** True when partial text can be reported while the model writes. */
  public boolean canStream() {
    return streaming != null;
  }

  /**
   * One completion for digests, event summaries and answers.
   *
   * @return the model's text, never blank
   * @throws LlmException when the model fails or the budget runs out
   */
  public String complete(String system, String user, Duration budget) {
    return chat(system, user, clock.instant().plus(budget), null, null);
  }

  /**
   * One completion under a deadline.
   *
   * @param maxOutputTokens per-request limit, or null for the model's configured default
   * @param progress receives the text written so far, at most once per second; null for none.
   *     Called on a worker thread; only used when the client can stream
   * @return the model's text, never blank
   * @throws LlmException when the model fails or the deadline passes
   */
  public String chat(
      String system,
      String user,
      Instant deadline,
      Integer maxOutputTokens,
      Consumer<String> progress) {
    ChatRequest.Builder rb =
        ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user));
    if (maxOutputTokens != null) {
      rb.maxOutputTokens(maxOutputTokens);
    }
    ChatRequest request = rb.build();
    LlmException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw last != null && last.kind() == LlmException.Kind.RATE_LIMITED
            ? last
            : new LlmException(LlmException.Kind.TIMEOUT, "time budget used up");
      }
      try {
        String text = attempt(request, remaining, progress);
        if (text == null || text.isBlank()) {
          throw new LlmException(LlmException.Kind.EMPTY_REPLY, "the model returned no text");
        }
        return text;
      } catch (LlmException e) {
        if (e.kind() != LlmException.Kind.RATE_LIMITED) {
          throw e;
        }
        last = e;
        Duration wait = e.retryAfter().orElse(DEFAULT_RATE_LIMIT_WAIT);
        Duration left = Duration.between(clock.instant(), deadline);
        // a retry must have the wait plus a little time for the request itself
        if (wait.plusMillis(100).compareTo(left) >= 0) {
          throw new LlmException(
              LlmException.Kind.RATE_LIMITED,
              "rate limited; Retry-After " + wait.toMillis() + " ms exceeds the remaining budget",
              e.retryAfter().orElse(null),
              e);
        }
        sleep(wait);
      }
    }
    throw last;
  }

  private String attempt(ChatRequest request, Duration remaining, Consumer<String> progress) {
    boolean stream = progress != null && streaming != null;
    Future<String> future =
        attempts.submit(
            () ->
                stream
                    ? StreamedReply.collect(streaming, request, progress, clock)
                    : chatOnce(request));
    try {
      return waits.await(future, remaining);
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      throw new LlmException(LlmException.Kind.TIMEOUT, "no reply within the time budget", null, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted", null, e);
    } catch (ExecutionException e) {
      throw LlmFailures.classify(e.getCause());
    } catch (CancellationException e) {
      throw new LlmException(LlmException.Kind.TIMEOUT, "cancelled", null, e);
    }
  }

  private String chatOnce(ChatRequest request) {
    ChatResponse response = chat.chat(request);
    return response == null || response.aiMessage() == null ? null : response.aiMessage().text();
  }

  private void sleep(Duration wait) {
    try {
      waits.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(
          LlmException.Kind.TIMEOUT, "interrupted while waiting for Retry-After", null, e);
    }
  }
}
