package dev.debrief.slack;

import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code debrief bench-slack}: N concurrent, correctly signed {@code app_mention} events sent over
 * loopback to a real {@link SlackServer} in HTTP mode, whose Web API calls go to a minimal loopback
 * stand-in for Slack. Prints the ack latency (client-observed HTTP round trip of {@code POST
 * /slack/events}: p50/p99/max), the answer latency (event sent → final {@code chat.update}
 * received: p50/p95/max) and whether every mention was answered exactly once. Figures, not a test:
 * nothing here asserts a speed.
 */
public final class SlackBench {
  private final SlackServerFactory servers;
  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final PrintStream out;
  private int workers = 8;

  /**
   * @param answerer the answerer to measure (normally the real extractive one)
   * @param catalog the catalog
   * @param config settings
   * @param out where figures go
   * @param servers makes the server under test (cli's {@code SlackWiring}, which stops it and owns
   *     its executors)
   */
  public SlackBench(
      Answerer answerer,
      ReportCatalog catalog,
      DebriefConfig config,
      PrintStream out,
      SlackServerFactory servers) {
    this.servers = servers;
    this.answerer = answerer;
    this.catalog = catalog;
    this.config = config;
    this.out = out;
  }

  /** Sets the number of answer workers (default 8, as {@code debrief serve}). */
  public SlackBench workers(int n) {
    this.workers = n;
    return this;
  }

  /** Built-in sample reports for {@code bench-slack --demo}: file name → plain text. */
  public static final Map<String, String> SAMPLE_REPORTS =
      Map.of(
          "keynote.txt",
              "Keynote day one\n\nThe opening keynote showed a live demo of the new pod scheduler. The "
                  + "scheduler places pods by topology so latency sensitive workloads stay close to their storage. The demo "
                  + "worked on the first try.\n\nThe speakers announced that the scheduler graduates to beta next release.",
          "storage.txt",
              "Storage track notes\n\nThe storage track covered CSI drivers and volume snapshots. Vendors "
                  + "showed snapshot restore times for large volumes, and operators asked about backup policies for "
                  + "stateful sets.\n\nA panel compared object storage gateways and their consistency guarantees.",
          "security.txt",
              "Security day\n\nThe security keynote covered supply chain attacks, signed container images "
                  + "and admission policies. Several talks showed how to rotate secrets without downtime.\n\nA workshop "
                  + "walked through runtime detection rules for suspicious process launches.");

  /** Questions the demo run asks, in turn. */
  public static final List<String> SAMPLE_QUESTIONS =
      List.of(
          "What did the keynote demo about the scheduler?",
          "What about storage snapshots?",
          "How do I rotate secrets without downtime?",
          "Which backup policies did operators ask about?",
          "When does the scheduler graduate to beta?");

  /** Figures of one run. */
  public record Figures(
      int mentions,
      double ackP50,
      double ackP99,
      double ackMax,
      double answerP50,
      double answerP95,
      double answerMax,
      int answeredOnce,
      int duplicates,
      int missing) {}

  /**
   * Runs the benchmark with {@code mentions} concurrent mentions (after a small warm-up) and prints
   * figures.
   */
  public Figures run(int mentions, List<String> questions) throws Exception {
    BenchSlackStub stub = new BenchSlackStub();
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Path tmp = Files.createTempDirectory("debrief-bench");
    DebriefConfig c = DebriefConfig.parse(config.toJson(), "config");
    c.slack.feedbackLog = tmp.resolve("feedback.jsonl").toString();
    SlackServer server =
        servers.create(
            answerer,
            catalog,
            c,
            Map.of(
                "SLACK_BOT_TOKEN",
                BenchSlackStub.TOKEN,
                "SLACK_SIGNING_SECRET",
                secret,
                "SLACK_API_URL",
                stub.url()),
            Clock.systemUTC(),
            new SlackServerOptions("127.0.0.1", 0, workers));
    server.start();
    SignatureVerifier signer = new SignatureVerifier(secret, Clock.systemUTC());
    java.util.concurrent.ExecutorService clientPool =
        Executors.newFixedThreadPool(16, daemon("bench-client"));
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool).build();
    URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
    BenchMentions burst = new BenchMentions(http, endpoint, signer);
    try {
      // warm-up (JIT, embedding model, index readers, connections): two full bursts, not measured
      for (int round = 0; round < 2; round++) {
        burst.fire("W" + round + "x", mentions, questions);
        server.awaitIdle(Duration.ofMinutes(5));
      }
      stub.reset();
      long a0 = System.nanoTime();
      int alone = 10;
      for (int i = 0; i < alone; i++) {
        answerer.answer(
            dev.debrief.model.Question.of(
                questions.get(i % questions.size()) + " (ref A" + i + ")"));
      }
      double answerAlone = (System.nanoTime() - a0) / 1e6 / alone;
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      List<Double> acks = burst.fire("B", mentions, questions, sentAt);
      server.awaitIdle(Duration.ofMinutes(5));
      List<Double> answers = new ArrayList<>();
      List<Double> signs = new ArrayList<>();
      for (Map.Entry<String, Long> e : sentAt.entrySet()) {
        Long first = stub.firstPost.get(e.getKey());
        if (first != null) {
          signs.add((first - e.getValue()) / 1e6);
        }
      }
      int once = 0;
      int dup = 0;
      int missing = 0;
      for (Map.Entry<String, Long> e : sentAt.entrySet()) {
        List<Long> updates = stub.finals.getOrDefault(e.getKey(), List.of());
        int posts = stub.posts.getOrDefault(e.getKey(), new AtomicLong()).intValue();
        if (updates.isEmpty()) {
          missing++;
        } else if (updates.size() == 1 && posts == 1) {
          once++;
          answers.add((updates.get(0) - e.getValue()) / 1e6);
        } else {
          dup++;
        }
      }
      Figures f =
          new Figures(
              mentions,
              pct(acks, 50),
              pct(acks, 99),
              pct(acks, 100),
              pct(answers, 50),
              pct(answers, 95),
              pct(answers, 100),
              once,
              dup,
              missing);
      out.printf(
          Locale.ROOT,
          "bench-slack: %d concurrent mentions over loopback (HTTP mode, %d answer workers, %d cores,"
              + " load average %.1f)%n",
          mentions,
          workers,
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.printf(
          Locale.ROOT,
          "  ack (POST /slack/events round trip): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          f.ackP50(),
          f.ackP99(),
          f.ackMax());
      out.printf(
          Locale.ROOT,
          "  placeholder (sign of work) posted:   p50 %.0f ms, p99 %.0f ms%n",
          pct(signs, 50),
          pct(signs, 99));
      out.printf(
          Locale.ROOT,
          "  answer posted after the event:      p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
          f.answerP50(),
          f.answerP95(),
          f.answerMax());
      out.printf(
          Locale.ROOT,
          "  answerer alone (no Slack, sequential):  mean %.0f ms per question%n",
          answerAlone);
      out.printf(
          Locale.ROOT,
          "  answered exactly once: %d/%d (duplicates %d, missing %d)%n",
          once,
          mentions,
          dup,
          missing);
      return f;
    } finally {
      server.stop();
      stub.close();
      clientPool.shutdownNow();
    }
  }

  /** Threads named {@code name-1}, {@code name-2}, …, that do not keep the JVM alive. */
  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  static double pct(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
  }
}
