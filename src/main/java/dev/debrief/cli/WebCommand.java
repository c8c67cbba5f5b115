package dev.debrief.cli;

import dev.debrief.config.DebriefConfig;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import dev.debrief.slack.SlackServerOptions;
import dev.debrief.slack.SlackSignIn;
import dev.debrief.slack.SlackStartupException;
import dev.debrief.web.AskSite;
import dev.debrief.web.WebServer;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief web}: the ask page, the library and the citation viewer without Slack ({@code
 * serve} does the same when no Slack token is set). With {@code web.auth: slack} people sign in
 * with Slack (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_BOT_TOKEN). See docs/web.md.
 */
@Command(
    name = "web",
    mixinStandardHelpOptions = true,
    description =
        "Serve the ask page, the library and the citation viewer (no Slack needed). See docs/web.md.")
final class WebCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--port", description = "HTTP port (default: PORT, then web.port, 3000).")
  Integer port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 to let others in).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    try (Wiring w = main.wiring()) {
      int p = port != null ? port : SlackServerOptions.defaults(w.config(), System.getenv()).port();
      WebServer server;
      try {
        server = start(w, System.getenv(), host, p);
      } catch (SlackStartupException e) {
        System.err.println("debrief: " + e.getMessage());
        return Main.EXIT_UNUSABLE;
      }
      System.out.println(
          "Debrief's ask page is on http://"
              + (host.equals("0.0.0.0") ? "localhost" : host)
              + ":"
              + server.port()
              + "/ (library: /reports; links in answers use web.publicBaseUrl "
              + w.config().web.publicBaseUrl
              + ")");
      awaitShutdown(server);
      return 0;
    }
  }

  /**
   * Starts the web side alone: ask page, library, viewer, /healthz, /metrics.
   *
   * @throws SlackStartupException when {@code web.auth: slack} lacks its environment variables
   *     (named)
   */
  static WebServer start(Wiring w, Map<String, String> env, String host, int port) {
    DebriefConfig config = w.config();
    Metrics metrics = new Metrics();
    AskSite site;
    if ("slack".equals(config.web.auth)) {
      SlackSignIn signIn = SlackSignIn.fromEnv(env, metrics);
      site = w.askSite(signIn, signIn.membership());
    } else {
      site = w.askSite(null, null);
    }
    w.catalog().list(); // a broken index fails start-up, not the first question
    WebServer server =
        new WebServer(
                w.catalog(),
                config.web.publicBaseUrl,
                w.signedLinks(),
                metrics,
                () -> health(w),
                null,
                host,
                port)
            .withAsk(site);
    server.start();
    return server;
  }

  private static Health health(Wiring w) {
    try {
      w.catalog().list();
      return new Health(true, "ok");
    } catch (RuntimeException e) {
      return new Health(false, "index not readable: " + e.getClass().getSimpleName());
    }
  }

  static void awaitShutdown(WebServer server) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  done.countDown();
                },
                "debrief-shutdown"));
    done.await();
  }
}
