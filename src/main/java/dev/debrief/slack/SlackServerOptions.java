package dev.debrief.slack;

import dev.debrief.config.DebriefConfig;
import java.util.Map;

/**
 * Where {@link SlackServer} listens and how many answers run at once.
 *
 * @param host interface to bind
 * @param port port; 0 picks a free one
 * @param workers answer worker threads
 */
public record SlackServerOptions(String host, int port, int workers) {
  /** The answer workers of {@code debrief serve} (its {@code --workers} default). */
  public static final int DEFAULT_WORKERS = 8;

  /** Defaults: all interfaces, port from {@code PORT} or {@code web.port}, 8 workers. */
  public static SlackServerOptions defaults(DebriefConfig config, Map<String, String> env) {
    int port = config.web.port;
    String p = env.get("PORT");
    if (p != null && p.strip().matches("\\d{1,5}")) {
      port = Integer.parseInt(p.strip());
    }
    return new SlackServerOptions("0.0.0.0", port, DEFAULT_WORKERS);
  }

  /** Same options on another port. */
  public SlackServerOptions withPort(int newPort) {
    return new SlackServerOptions(host, newPort, workers);
  }
}
