package dev.debrief.slack;

import dev.debrief.access.SignedLinks;
import dev.debrief.http.HttpServer;
import dev.debrief.http.RawEndpoint;
import dev.debrief.metrics.Health;

/**
 * Makes the web server, given what only the Slack server ({@link SlackServer}) knows (its /healthz
 * answer and its Slack endpoint).
 */
@FunctionalInterface
public interface WebServerFactory {
  /**
   * @param signedLinks verifies viewer links to restricted reports
   * @param health computes the /healthz answer
   * @param slackEvents handler of {@code POST /slack/events}, or null in Socket Mode
   */
  HttpServer create(
      SignedLinks signedLinks, java.util.function.Supplier<Health> health, RawEndpoint slackEvents);
}
