package dev.debrief.slack;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.debrief.metrics.Metrics;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's rate-limit rules for {@link SlackApi}'s calls ("Rate limits",
 * https://api.slack.com/docs/rate-limits): an HTTP 429 is retried after its {@code Retry-After}
 * seconds (1 to {@value #MAX_RETRY_AFTER_SECONDS}, 1 when absent or unreadable; never in a tight
 * loop), 5xx and network errors are retried with exponential backoff (250 ms doubling, at most 8
 * s), at most {@value #MAX_ATTEMPTS} attempts in all. Errors are counted in {@code
 * debrief_errors_total} by kind ({@code rate_limited}, {@code slack_5xx}, {@code slack_api}, {@code
 * slack_network}). Logs under {@link SlackApi}'s name; tokens are never logged.
 */
final class SlackRetries {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final long MAX_RETRY_AFTER_SECONDS = 60;

  /** The wait after a 429 without a readable {@code Retry-After}, in milliseconds. */
  private static final long DEFAULT_RETRY_AFTER_MILLIS = 1000L;

  /** The first backoff after a 5xx or network error, in milliseconds; it doubles per attempt. */
  private static final long FIRST_BACKOFF_MILLIS = 250L;

  /** The longest backoff, in milliseconds. */
  private static final long MAX_BACKOFF_MILLIS = 8000L;

  /** How many doublings the backoff gets at most. */
  private static final int MAX_BACKOFF_DOUBLINGS = 5;

  /** Characters of a refused {@code response_url} answer kept in the error. */
  private static final int MAX_ERROR_BODY = 200;

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  private final Metrics metrics;
  private final SlackApi.Sleeper sleeper;

  /**
   * @param metrics where errors are counted
   * @param sleeper how to wait between retries
   */
  SlackRetries(Metrics metrics, SlackApi.Sleeper sleeper) {
    this.metrics = metrics;
    this.sleeper = sleeper;
  }

  /**
   * Runs one Web API call, retrying 429, 5xx and network errors.
   *
   * @param method the method's name, for logs and errors
   * @throws SlackCallException when Slack answers {@code ok: false} or the retries run out
   */
  <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws SlackCallException {
    for (int attempt = 1; ; attempt++) {
      try {
        T r = call.run();
        if (!r.isOk()) {
          metrics.errors.labelValues("slack_api").inc();
          throw new SlackCallException(
              method, r.getError() == null ? "unknown_error" : r.getError());
        }
        return r;
      } catch (SlackApiException e) {
        int code = e.getResponse() == null ? 0 : e.getResponse().code();
        if (code == 429 && attempt < MAX_ATTEMPTS) {
          long millis = retryAfterMillis(e.getResponse().headers().toMultimap());
          LOG.info(
              "{} rate limited; retrying after {} ms (attempt {} of {})",
              method,
              millis,
              attempt,
              MAX_ATTEMPTS);
          metrics.errors.labelValues("rate_limited").inc();
          pause(millis);
        } else if (code >= 500 && attempt < MAX_ATTEMPTS) {
          LOG.info("{} answered HTTP {}; retrying", method, code);
          metrics.errors.labelValues("slack_5xx").inc();
          backoff(attempt);
        } else {
          metrics.errors.labelValues("slack_api").inc();
          String error =
              e.getError() != null && e.getError().getError() != null
                  ? e.getError().getError()
                  : "HTTP " + code;
          throw new SlackCallException(method, error);
        }
      } catch (IOException e) {
        if (attempt >= MAX_ATTEMPTS) {
          metrics.errors.labelValues("slack_network").inc();
          throw new SlackCallException(method, "network error: " + e.getClass().getSimpleName());
        }
        backoff(attempt);
      }
    }
  }

  /**
   * Posts {@code body} to a non-blank {@code response_url}, retrying 429, 5xx and network errors.
   *
   * @throws SlackCallException when it is refused or the retries run out
   */
  void respond(Slack slack, String responseUrl, JsonObject body) throws SlackCallException {
    for (int attempt = 1; ; attempt++) {
      WebhookResponse r;
      try {
        r = slack.send(responseUrl, body.toString());
      } catch (IOException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new SlackCallException(
              "response_url", "network error: " + e.getClass().getSimpleName());
        }
        backoff(attempt);
        continue;
      }
      int code = r.getCode() == null ? 0 : r.getCode();
      if (code == 200) {
        return;
      }
      if (code == 429 && attempt < MAX_ATTEMPTS) {
        long millis = retryAfterMillis(r.getHeaders());
        LOG.info(
            "response_url rate limited; retrying after {} ms (attempt {} of {})",
            millis,
            attempt,
            MAX_ATTEMPTS);
        metrics.errors.labelValues("rate_limited").inc();
        pause(millis);
      } else if (code >= 500 && attempt < MAX_ATTEMPTS) {
        backoff(attempt);
      } else {
        throw new SlackCallException("response_url", "HTTP " + code + " " + safe(r.getBody()));
      }
    }
  }

  /** The wait a {@code Retry-After} header asks for, in milliseconds (see the class comment). */
  static long retryAfterMillis(Map<String, List<String>> headers) {
    if (headers != null) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey() != null
            && h.getKey().equalsIgnoreCase("Retry-After")
            && !h.getValue().isEmpty()) {
          try {
            long s = Long.parseLong(h.getValue().get(0).strip());
            return Math.max(1, Math.min(s, MAX_RETRY_AFTER_SECONDS)) * 1000L;
          } catch (NumberFormatException ignored) {
            // fall through to the default
          }
        }
      }
    }
    return DEFAULT_RETRY_AFTER_MILLIS;
  }

  private void backoff(int attempt) throws SlackCallException {
    pause(
        Math.min(
            MAX_BACKOFF_MILLIS,
            FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, MAX_BACKOFF_DOUBLINGS)));
  }

  /**
   * Waits {@code millis} (nothing when not positive).
   *
   * @throws SlackCallException when interrupted (the interrupt flag is set again)
   */
  void pause(long millis) throws SlackCallException {
    if (millis <= 0) {
      return;
    }
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallException("retry", "interrupted");
    }
  }

  private static String safe(String body) {
    if (body == null) {
      return "";
    }
    String s = body.replaceAll("xox[a-z]-[A-Za-z0-9-]+", "<redacted>");
    return s.length() > MAX_ERROR_BODY ? s.substring(0, MAX_ERROR_BODY) : s;
  }
}
