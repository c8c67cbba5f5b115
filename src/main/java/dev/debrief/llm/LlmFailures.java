package dev.debrief.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/**
 * What went wrong in an {@link LlmClient} attempt, as an {@link LlmException} of one {@link
 * LlmException.Kind}: the HTTP status (and {@code Retry-After}) from {@link StatusAwareHttpClient}
 * or LangChain4j's {@code HttpException}, else the exception types of LangChain4j and the JDK HTTP
 * stack, and the providers' texts for a prompt that is too long.
 */
final class LlmFailures {
  private LlmFailures() {}

  /** Maps whatever LangChain4j or the HTTP stack threw to a {@link LlmException}. */
  static LlmException classify(Throwable t) {
    if (t instanceof LlmException e) {
      return e;
    }
    Integer status = null;
    Duration retryAfter = null;
    StringBuilder text = new StringBuilder();
    boolean timeout = false;
    boolean unreachable = false;
    boolean rateLimit = false;
    boolean server = false;
    boolean auth = false;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null) {
        text.append(c.getMessage()).append('\n');
      }
      if (c instanceof StatusAwareHttpClient.StatusException se) {
        status = se.statusCode();
        retryAfter = se.retryAfter().orElse(null);
      } else if (c instanceof HttpException he && status == null) {
        status = he.statusCode();
      }
      timeout |=
          c instanceof dev.langchain4j.exception.TimeoutException
              || c instanceof HttpTimeoutException
              || c instanceof InterruptedException;
      unreachable |=
          c instanceof ConnectException
              || c instanceof UnresolvedAddressException
              || c instanceof UnresolvedModelServerException
              || c instanceof HttpConnectTimeoutException
              || c instanceof java.net.UnknownHostException;
      rateLimit |= c instanceof RateLimitException;
      server |= c instanceof InternalServerException;
      auth |= c instanceof AuthenticationException;
    }
    String message = text.toString();
    String brief = firstLine(message);
    if (isContextLength(message)) {
      return new LlmException(LlmException.Kind.CONTEXT_LENGTH, brief, null, t);
    }
    if (status != null) {
      if (status == 429) {
        return new LlmException(LlmException.Kind.RATE_LIMITED, "HTTP 429", retryAfter, t);
      }
      if (status >= 500) {
        return new LlmException(LlmException.Kind.SERVER_ERROR, "HTTP " + status, null, t);
      }
      if (status == 408) {
        return new LlmException(LlmException.Kind.TIMEOUT, "HTTP 408", null, t);
      }
      if (status == 401 || status == 403) {
        return new LlmException(LlmException.Kind.AUTHENTICATION, "HTTP " + status, null, t);
      }
      return new LlmException(LlmException.Kind.INVALID_REQUEST, "HTTP " + status, null, t);
    }
    if (rateLimit) {
      return new LlmException(LlmException.Kind.RATE_LIMITED, brief, null, t);
    }
    if (unreachable) {
      return new LlmException(LlmException.Kind.UNREACHABLE, brief, null, t);
    }
    if (timeout) {
      return new LlmException(LlmException.Kind.TIMEOUT, brief, null, t);
    }
    if (server) {
      return new LlmException(LlmException.Kind.SERVER_ERROR, brief, null, t);
    }
    if (auth) {
      return new LlmException(LlmException.Kind.AUTHENTICATION, brief, null, t);
    }
    return new LlmException(
        LlmException.Kind.OTHER, t.getClass().getSimpleName() + ": " + brief, null, t);
  }

  /**
   * Error texts of OpenAI, vLLM, llama.cpp, Ollama, Anthropic and Gemini for a prompt that is too
   * long.
   */
  static boolean isContextLength(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("context_length_exceeded")
        || m.contains("maximum context length")
        || m.contains("context length")
        || m.contains("context window")
        || m.contains("prompt is too long")
        || m.contains("exceed_context_size")
        || m.contains("exceeds the context")
        || m.contains("input token count") && m.contains("exceeds");
  }

  private static String firstLine(String s) {
    String line = s.strip();
    int nl = line.indexOf('\n');
    line = nl < 0 ? line : line.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
