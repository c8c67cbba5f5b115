package dev.debrief.slack;

import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import java.time.Clock;
import java.util.Map;

/**
 * Makes a server with its {@link SlackServerParts} (cli's {@code SlackWiring#server}); for {@link
 * SlackBench}.
 */
@FunctionalInterface
public interface SlackServerFactory {
  /** A new server, not started; whoever made the factory stops it and shuts its executors down. */
  SlackServer create(
      Answerer answerer,
      ReportCatalog catalog,
      DebriefConfig config,
      Map<String, String> env,
      Clock clock,
      SlackServerOptions options);
}
