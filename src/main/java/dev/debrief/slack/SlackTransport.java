package dev.debrief.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.debrief.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Slack traffic reaches {@link SlackServer}'s Bolt {@code App}, by {@link SlackEnv.Mode}: HTTP
 * mode starts the app and opens the {@link StartupGate} of {@code POST /slack/events} to a {@link
 * BoltHttpEndpoint} (signatures checked); Socket Mode connects a {@code SocketModeApp}
 * (Java-WebSocket backend) watched by a {@link SocketModeSupervisor}. {@link #close()} disconnects
 * Socket Mode; the app and the web server are stopped by the server. Not thread-safe: used under
 * the server's lock.
 */
final class SlackTransport {
  /** The server's logger: these lines belong to its start and stop. */
  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);

  private SocketModeApp socketApp;
  private SocketModeSupervisor supervisor;

  /**
   * Connects {@code app} to Slack.
   *
   * @param gate the gate of {@code POST /slack/events} (HTTP mode only; null in Socket Mode)
   * @param socketCheckInterval how often the Socket Mode connection is checked
   * @throws Exception whatever Bolt throws while starting; what was started is closed by {@link
   *     #close()}
   */
  void connect(
      SlackEnv slackEnv,
      App app,
      StartupGate gate,
      Clock clock,
      Metrics metrics,
      Duration socketCheckInterval)
      throws Exception {
    if (slackEnv.mode() == SlackEnv.Mode.HTTP) {
      app.start();
      gate.open(
          new BoltHttpEndpoint(
              app, new SignatureVerifier(slackEnv.signingSecret(), clock), metrics));
    } else {
      socketApp =
          new SocketModeApp(slackEnv.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
      socketApp.startAsync();
      supervisor = new SocketModeSupervisor(socketApp.getClient(), socketCheckInterval, metrics);
    }
  }

  /** The Socket Mode app, or null in HTTP mode or before {@link #connect}. */
  SocketModeApp socketModeApp() {
    return socketApp;
  }

  /** Stops the supervisor, then closes the Socket Mode app; safe to call twice. */
  void close() {
    if (supervisor != null) {
      supervisor.close();
      supervisor = null;
    }
    if (socketApp != null) {
      try {
        socketApp.close();
      } catch (Exception e) {
        LOG.debug("Socket Mode close: {}", e.toString());
      }
      socketApp = null;
    }
  }
}
