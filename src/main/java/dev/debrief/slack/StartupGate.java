package dev.debrief.slack;

import dev.debrief.http.RawEndpoint;
import dev.debrief.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events} while {@code debrief serve} starts: answers 503 (Slack retries an
 * event later, with the same {@code event_id}, https://api.slack.com/apis/events-api#retries) until
 * {@link #open} hands it the Bolt endpoint, once the index, the model and {@code auth.test} are
 * ready ({@link Readiness}). Every refusal is logged at INFO with what is still missing.
 */
final class StartupGate implements RawEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);
  private final Readiness readiness;
  private final Metrics metrics;
  private volatile RawEndpoint open;

  StartupGate(Readiness readiness, Metrics metrics) {
    this.readiness = readiness;
    this.metrics = metrics;
  }

  /** From now on, requests go to {@code endpoint}. */
  void open(RawEndpoint endpoint) {
    this.open = endpoint;
  }

  @Override
  public RawResponse handle(RawRequest request) {
    RawEndpoint e = open;
    if (e != null) {
      return e.handle(request);
    }
    metrics.slackRequests.labelValues("not_ready").inc();
    String pending = readiness.pending();
    LOG.info("Not ready ({}): answered 503 to a Slack request; Slack retries events", pending);
    return RawResponse.text(503, "Debrief is starting (" + pending + "); try again in a minute");
  }
}
