package dev.debrief.slack;

import dev.debrief.access.SignedLinks;
import dev.debrief.http.HttpServer;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import java.util.function.Supplier;

/**
 * The web server of one {@link SlackServer} (viewer, {@code /healthz}, {@code /metrics}, and in
 * HTTP mode {@code POST /slack/events} behind its {@link StartupGate}), from open to stop.
 */
final class SlackWebServer {
  private HttpServer web;
  private StartupGate gate;

  /** Whether {@link #start} opened it (and {@link #stop()} has not closed it since). */
  boolean started() {
    return web != null;
  }

  /** The gate in front of {@code POST /slack/events}; null in Socket Mode. */
  StartupGate gate() {
    return gate;
  }

  /** The bound port (after {@link #start}). */
  int port() {
    return web.port();
  }

  /**
   * Makes the gate (HTTP mode) and the web server, and starts it.
   *
   * @param port the configured port, named in the failure
   * @throws SlackStartupException naming the port when the server does not start
   */
  void start(
      SlackEnv slackEnv,
      Readiness readiness,
      Metrics metrics,
      WebServerFactory factory,
      SignedLinks signedLinks,
      Supplier<Health> health,
      int port) {
    gate = slackEnv.mode() == SlackEnv.Mode.HTTP ? new StartupGate(readiness, metrics) : null;
    web = factory.create(signedLinks, health, gate);
    try {
      web.start();
    } catch (RuntimeException e) {
      web = null;
      throw new SlackStartupException(
          "Could not start the web server on port " + port + ": " + e.getMessage());
    }
  }

  /** Stops the web server; safe to call twice. */
  void stop() {
    if (web != null) {
      web.stop();
      web = null;
    }
  }
}
