package dev.debrief.llm;

import java.time.Duration;
import java.util.Optional;

/** A failed LLM request, classified so the caller can decide between retrying and falling back. */
public final class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request failed. */
  public enum Kind {
    /** The time budget ran out (client-side deadline, HTTP 408, read timeout). */
    TIMEOUT,
    /** HTTP 429; may carry a Retry-After delay. */
    RATE_LIMITED,
    /** HTTP 5xx. */
    SERVER_ERROR,
    /** The prompt did not fit the model's context window. */
    CONTEXT_LENGTH,
    /** HTTP 401/403. */
    AUTHENTICATION,
    /** Other HTTP 4xx (bad model name, malformed request). */
    INVALID_REQUEST,
    /** The model answered with nothing usable. */
    EMPTY_REPLY,
    /** The server could not be reached (connection refused, unknown host). */
    UNREACHABLE,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;
  private final transient Duration retryAfter;

  public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public LlmException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The server's Retry-After delay, when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** A short reason for the context line, e.g. "timed out" or "rate limited (HTTP 429)". */
  public String reason() {
    return switch (kind) {
      case TIMEOUT -> "timed out";
      case RATE_LIMITED -> "rate limited (HTTP 429)";
      case SERVER_ERROR -> "server error";
      case CONTEXT_LENGTH -> "prompt too long for the model";
      case AUTHENTICATION -> "authentication failed";
      case INVALID_REQUEST -> "request rejected";
      case EMPTY_REPLY -> "empty or unusable reply";
      case UNREACHABLE -> "unreachable";
      case OTHER -> "failed";
    };
  }
}
