package dev.debrief.http;

/**
 * An HTTP server that a caller starts and stops without knowing what it serves or which library
 * runs it: the Slack server holds the web server (ask page, viewer, {@code /healthz}, {@code
 * /metrics}, {@code POST /slack/events}) as one of these, so Slack code never depends on the web
 * package.
 */
public interface HttpServer {
  /**
   * Starts listening.
   *
   * @return the bound port (the one asked for, or the one the system chose for port 0)
   * @throws RuntimeException when the port cannot be bound
   */
  int start();

  /** The bound port, after {@link #start()}. */
  int port();

  /** Stops listening; safe to call twice and before {@link #start()}. */
  void stop();
}
