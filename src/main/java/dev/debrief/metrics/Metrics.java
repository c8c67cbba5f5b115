package dev.debrief.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Debrief's Prometheus metrics in one registry owned by this instance (no global default registry),
 * written in the Prometheus text exposition format
 * (https://prometheus.io/docs/instrumenting/exposition_formats/).
 */
public final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  /**
   * Requests to the Slack endpoint (HTTP or Socket Mode) by kind: event, command, action, other.
   */
  public final Counter slackRequests;

  /** Time from receiving a Slack request to acknowledging it, seconds. */
  public final Histogram ackSeconds;

  /** Time from receiving a question to its final answer being posted, seconds. */
  public final Histogram answerSeconds;

  /** Errors by where they happened. */
  public final Counter errors;

  /** 👍/👎 feedback by vote ("up", "down"). */
  public final Counter feedback;

  /** HTTP requests served by the web server by route. */
  public final Counter httpRequests;

  /** Creates and registers all metrics. */
  public Metrics() {
    slackRequests =
        Counter.builder()
            .name("debrief_slack_requests_total")
            .help("Slack requests received, by kind")
            .labelNames("kind")
            .register(registry);
    ackSeconds =
        Histogram.builder()
            .name("debrief_slack_ack_seconds")
            .help("Time to acknowledge a Slack request")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5)
            .register(registry);
    answerSeconds =
        Histogram.builder()
            .name("debrief_answer_seconds")
            .help("Time from question to posted answer")
            .classicOnly()
            .classicUpperBounds(0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60)
            .register(registry);
    errors =
        Counter.builder()
            .name("debrief_errors_total")
            .help("Errors by place")
            .labelNames("where")
            .register(registry);
    feedback =
        Counter.builder()
            .name("debrief_feedback_total")
            .help("Answer feedback votes")
            .labelNames("vote")
            .register(registry);
    httpRequests =
        Counter.builder()
            .name("debrief_http_requests_total")
            .help("HTTP requests by route")
            .labelNames("route")
            .register(registry);
  }

  /** The registry, for tests and extra collectors. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** Content type of {@link #scrape()}. */
  public String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /** All metrics in the Prometheus text format. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
