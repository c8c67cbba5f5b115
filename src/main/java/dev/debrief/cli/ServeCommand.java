package dev.debrief.cli;

import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.slack.SlackBench;
import dev.debrief.slack.SlackServer;
import dev.debrief.slack.SlackServerOptions;
import dev.debrief.slack.SlackStartupException;
import dev.debrief.state.StateException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief serve}: runs Debrief in Slack (HTTP mode with {@code SLACK_SIGNING_SECRET}, Socket
 * Mode with {@code SLACK_APP_TOKEN}; {@code SLACK_BOT_TOKEN} always) plus the citation viewer,
 * {@code /healthz} and {@code /metrics}. Secrets come only from the environment. See docs/slack.md.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the Slack app (HTTP mode or Socket Mode) with the ask page, viewer, /healthz and /metrics."
            + " Tokens come from SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, SLACK_API_URL; with none"
            + " of them set, only the web side runs.")
public final class ServeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--port", description = "HTTP port (default: PORT, then web.port, 3000).")
  Integer port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Interface to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--workers",
      defaultValue = "8",
      description = "Answers computed at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Override
  public Integer call() throws InterruptedException {
    try (Wiring w = main.wiring()) {
      DebriefConfig config = w.config();
      Map<String, String> env = System.getenv();
      SlackServerOptions defaults = SlackServerOptions.defaults(config, env);
      SlackServerOptions options =
          new SlackServerOptions(host, port != null ? port : defaults.port(), workers);
      w.catalog()
          .list(); // open the index now: a broken index fails start-up, not the first question
      if (dev.debrief.slack.SlackEnv.noneSet(env)) {
        dev.debrief.web.WebServer web;
        try {
          web = WebCommand.start(w, env, host, options.port());
        } catch (SlackStartupException e) {
          System.err.println("debrief: " + e.getMessage());
          return Main.EXIT_UNUSABLE;
        }
        System.out.println(
            "No Slack tokens are set (SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN):"
                + " serving the web side only — the ask page, library and viewer on port "
                + web.port()
                + ". See docs/slack.md to connect Slack.");
        WebCommand.awaitShutdown(web);
        return 0;
      }
      dev.debrief.state.StateStore state;
      try {
        state = w.stateStore();
      } catch (StateException e) {
        System.err.println("debrief: " + e.getMessage());
        return Main.EXIT_UNUSABLE;
      }
      // The answerer is built by the "model" check below, after the web server is up, so /healthz
      // can say what
      // is loading; the ask page's first question waits for it.
      CompletableFuture<Answerer> built = new CompletableFuture<>();
      Answerer answerer =
          new Answerer() {
            @Override
            public Answer answer(Question question) {
              return built.join().answer(question);
            }

            @Override
            public Answer answer(Question question, Consumer<String> draft) {
              return built.join().answer(question, draft);
            }
          };
      SlackWiring slack = new SlackWiring().withSignedLinks(w.signedLinks());
      SlackServer server;
      try {
        dev.debrief.web.AskSite site;
        if ("slack".equals(config.web.auth)) {
          dev.debrief.slack.SlackSignIn signIn =
              dev.debrief.slack.SlackSignIn.fromEnv(env, new dev.debrief.metrics.Metrics());
          site = w.askSite(signIn, signIn.membership(), answerer);
        } else {
          site = w.askSite(null, null, answerer);
        }
        server =
            slack
                .withAskSite(site)
                .server(answerer, w.catalog(), config, env, w.clock(), options)
                .withStateStore(state);
      } catch (SlackStartupException e) {
        state.close();
        System.err.println("debrief: " + e.getMessage());
        return Main.EXIT_UNUSABLE;
      }
      server.readiness().expect("model");
      try {
        server.startWeb();
        server
            .readiness()
            .run(
                "model",
                () -> {
                  Answerer real = w.answerer();
                  w.embedder().embed("Debrief is ready.");
                  built.complete(real);
                });
        server.withDigests(w.slackDigests()).withIntake(w.intake());
        server.start();
      } catch (SlackStartupException | IllegalStateException | java.io.UncheckedIOException e) {
        slack.close();
        built.completeExceptionally(e);
        System.err.println("debrief: " + e.getMessage());
        return Main.EXIT_UNUSABLE;
      }
      System.out.println(
          "Debrief is serving Slack in "
              + (server.mode() == dev.debrief.slack.SlackEnv.Mode.HTTP
                  ? "HTTP mode (POST /slack/events)"
                  : "Socket Mode")
              + "; ask page, library, viewer, /healthz and /metrics on port "
              + server.port());
      CountDownLatch done = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    slack.close();
                    done.countDown();
                  },
                  "debrief-shutdown"));
      done.await();
      return 0;
    }
  }

  /**
   * {@code debrief bench-slack}: concurrent mentions over loopback against a real {@code
   * SlackServer}; prints ack and answer latency figures. With {@code --demo} it builds a temporary
   * index from built-in samples.
   */
  @Command(
      name = "bench-slack",
      mixinStandardHelpOptions = true,
      description =
          "Benchmark the Slack path: N concurrent signed mentions over loopback; prints ack p50/p99 and"
              + " answer p50/p95 and checks every mention is answered exactly once.")
  static final class BenchSlack implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(
        names = "--mentions",
        defaultValue = "50",
        description = "Concurrent mentions (default: ${DEFAULT-VALUE}).")
    int mentions;

    @Option(names = "--demo", description = "Use a temporary index of built-in sample reports.")
    boolean demo;

    @Option(
        names = "--workers",
        defaultValue = "8",
        description = "Answer workers (default: ${DEFAULT-VALUE}).")
    int workers;

    @Override
    public Integer call() throws Exception {
      DebriefConfig config = main.loadConfig();
      Path dir = demo ? Files.createTempDirectory("debrief-bench-index") : null;
      try (Wiring w = demo ? new Wiring(config, dir, java.time.Clock.systemUTC()) : main.wiring()) {
        if (demo) {
          for (Map.Entry<String, String> e : SlackBench.SAMPLE_REPORTS.entrySet()) {
            IngestResult r =
                w.indexer()
                    .ingestBytes(
                        dir.resolve(e.getKey()).toString(),
                        e.getKey(),
                        e.getValue().getBytes(StandardCharsets.UTF_8));
            if (!r.failures().isEmpty()) {
              System.err.println("debrief: sample report failed: " + r.failures());
              return Main.EXIT_UNUSABLE;
            }
          }
        }
        try (SlackWiring slack = new SlackWiring()) {
          SlackBench.Figures f =
              new SlackBench(w.answerer(), w.catalog(), config, System.out, slack::server)
                  .workers(workers)
                  .run(mentions, SlackBench.SAMPLE_QUESTIONS);
          return f.answeredOnce() == mentions ? 0 : 1;
        }
      }
    }
  }
}
