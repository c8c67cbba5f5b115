package dev.debrief.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j's {@link HttpClient} SPI over {@code java.net.http}, written for Debrief because the
 * stock client drops response headers on errors: this one keeps {@code Retry-After} of an HTTP
 * 429/503 in a {@link StatusException}, which LangChain4j's exception mapper keeps as the cause of
 * its {@code RateLimitException} (see {@code dev.langchain4j.internal.ExceptionMapper} in
 * LangChain4j 1.19).
 *
 * <p>Server-sent events are read on the calling thread, so a streaming chat call blocks until the
 * stream ends; {@link LlmClient} runs it on a worker thread under the time budget and interrupts it
 * when the budget ends.
 */
final class StatusAwareHttpClient implements HttpClient {
  private final java.net.http.HttpClient delegate;
  private final Duration readTimeout;
  private final Clock clock;

  private StatusAwareHttpClient(Builder builder) {
    java.net.http.HttpClient.Builder b =
        java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1);
    if (builder.connectTimeout != null) {
      b.connectTimeout(builder.connectTimeout);
    }
    this.delegate = b.build();
    this.readTimeout = builder.readTimeout;
    this.clock = builder.clock;
  }

  static Builder builder() {
    return new Builder();
  }

  /** An HTTP error status with the server's Retry-After delay, when given. */
  static final class StatusException extends HttpException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    StatusException(int status, String body, Duration retryAfter) {
      super(status, body);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    try {
      HttpResponse<byte[]> response =
          delegate.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() < 200 || response.statusCode() > 299) {
        throw error(response, new String(response.body(), StandardCharsets.UTF_8));
      }
      return SuccessfulHttpResponse.builder()
          .statusCode(response.statusCode())
          .headers(response.headers().map())
          .body(response.body())
          .build();
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    HttpResponse<InputStream> response;
    try {
      response = delegate.send(toJdk(request), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      quietly(() -> listener.onError(new TimeoutException(e)));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      quietly(() -> listener.onError(new TimeoutException(e)));
      return;
    } catch (IOException | RuntimeException e) {
      quietly(() -> listener.onError(e));
      return;
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() < 200 || response.statusCode() > 299) {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        quietly(() -> listener.onError(error(response, body)));
        return;
      }
      SuccessfulHttpResponse opened =
          SuccessfulHttpResponse.builder()
              .statusCode(response.statusCode())
              .headers(response.headers().map())
              .build();
      quietly(() -> listener.onOpen(opened));
      parser.parse(in, listener);
      quietly(listener::onClose);
    } catch (IOException | RuntimeException e) {
      quietly(() -> listener.onError(e));
    }
  }

  private StatusException error(HttpResponse<?> response, String body) {
    Duration retryAfter =
        response
            .headers()
            .firstValue("Retry-After")
            .flatMap(v -> parseRetryAfter(v, clock))
            .orElse(null);
    return new StatusException(response.statusCode(), body, retryAfter);
  }

  /** Parses Retry-After: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
  static Optional<Duration> parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      double seconds = Double.parseDouble(v);
      return seconds < 0
          ? Optional.empty()
          : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    } catch (NumberFormatException ignored) {
      // not a number: try a date
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), when.toInstant());
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (values != null) {
                for (String value : values) {
                  b.header(name, value);
                }
              }
            });
    if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
      throw new UnsupportedOperationException("multipart requests are not used by Debrief");
    }
    b.method(
        request.method().name(),
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(
                request.body(), StandardCharsets.UTF_8));
    if (readTimeout != null) {
      b.timeout(readTimeout);
    }
    return b.build();
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // a listener's failure must not mask the request's outcome
    }
  }

  /** Builder handed to LangChain4j model builders through {@code httpClientBuilder(...)}. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;
    private Clock clock = Clock.systemUTC();

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    @Override
    public HttpClient build() {
      return new StatusAwareHttpClient(this);
    }
  }
}
