package dev.debrief.slack;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
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
  private final SlackServer.Factory servers;
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
      SlackServer.Factory servers) {
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
    Stub stub = new Stub();
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
                Stub.TOKEN,
                "SLACK_SIGNING_SECRET",
                secret,
                "SLACK_API_URL",
                stub.url()),
            Clock.systemUTC(),
            new SlackServer.Options("127.0.0.1", 0, workers));
    server.start();
    SignatureVerifier signer = new SignatureVerifier(secret, Clock.systemUTC());
    java.util.concurrent.ExecutorService clientPool =
        Executors.newFixedThreadPool(16, daemon("bench-client"));
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientPool).build();
    URI endpoint = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
    try {
      // warm-up (JIT, embedding model, index readers, connections): two full bursts, not measured
      for (int round = 0; round < 2; round++) {
        fire(http, endpoint, signer, stub, "W" + round + "x", mentions, questions);
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
      List<Double> acks = fire(http, endpoint, signer, stub, "B", mentions, questions, sentAt);
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

  private List<Double> fire(
      HttpClient http,
      URI endpoint,
      SignatureVerifier signer,
      Stub stub,
      String prefix,
      int n,
      List<String> questions)
      throws Exception {
    return fire(http, endpoint, signer, stub, prefix, n, questions, new ConcurrentHashMap<>());
  }

  private List<Double> fire(
      HttpClient http,
      URI endpoint,
      SignatureVerifier signer,
      Stub stub,
      String prefix,
      int n,
      List<String> questions,
      Map<String, Long> sentAt)
      throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String channel = "C" + prefix + i;
      String ts = "1700000000." + String.format("%06d", i);
      JsonObject event = new JsonObject();
      event.addProperty("type", "app_mention");
      event.addProperty("user", "UBENCH" + i);
      // a distinct text per mention, so no answer is served from the embedder's query cache
      event.addProperty(
          "text",
          "<@"
              + Stub.BOT_USER
              + "> "
              + questions.get(i % questions.size())
              + " (ref "
              + prefix
              + i
              + ")");
      event.addProperty("ts", ts);
      event.addProperty("channel", channel);
      event.addProperty("event_ts", ts);
      JsonObject env = new JsonObject();
      env.addProperty("type", "event_callback");
      env.addProperty("team_id", "TBENCH");
      env.addProperty("api_app_id", "ABENCH");
      env.addProperty("event_id", "Ev" + prefix + i);
      env.addProperty("event_time", System.currentTimeMillis() / 1000);
      env.add("event", event);
      byte[] body = env.toString().getBytes(StandardCharsets.UTF_8);
      String now = Long.toString(System.currentTimeMillis() / 1000);
      requests.add(
          HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/json")
              .header("X-Slack-Request-Timestamp", now)
              .header("X-Slack-Signature", signer.sign(now, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build());
      channels.add(channel);
    }
    List<Double> acks = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    var pool = Executors.newFixedThreadPool(Math.min(n, 64), daemon("bench-sender"));
    for (int i = 0; i < n; i++) {
      HttpRequest r = requests.get(i);
      String channel = channels.get(i);
      all.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                  long t0 = System.nanoTime();
                  sentAt.put(channel, t0);
                  HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
                  if (resp.statusCode() == 200) {
                    acks.add((System.nanoTime() - t0) / 1e6);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              pool));
    }
    start.countDown();
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
    pool.shutdown();
    return acks;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
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

  /** A minimal loopback stand-in for the Web API methods Debrief calls while answering. */
  private static final class Stub implements AutoCloseable {
    static final String TOKEN = "xoxb-bench-token";
    static final String BOT_USER = "UBENCHBOT";
    final HttpServer server;
    final AtomicLong ts = new AtomicLong();
    final Map<String, AtomicLong> posts = new ConcurrentHashMap<>();
    final Map<String, List<Long>> finals = new ConcurrentHashMap<>();
    final Map<String, Long> firstPost = new ConcurrentHashMap<>();

    Stub() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/api/", this::handle);
      pool = Executors.newFixedThreadPool(8, daemon("bench-slack-api"));
      server.setExecutor(pool);
      server.start();
    }

    private final java.util.concurrent.ExecutorService pool;

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    void reset() {
      posts.clear();
      finals.clear();
      firstPost.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
      long now = System.nanoTime();
      String method = ex.getRequestURI().getPath().substring(5);
      Map<String, String> p = new HashMap<>();
      for (String pair :
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          p.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String body;
      if (auth == null || !auth.equals("Bearer " + TOKEN)) {
        body = "{\"ok\":false,\"error\":\"invalid_auth\"}";
      } else {
        String channel = p.getOrDefault("channel", "");
        body =
            switch (method) {
              case "auth.test" ->
                  "{\"ok\":true,\"user_id\":\""
                      + BOT_USER
                      + "\",\"user\":\"debrief\",\"team_id\":\"TBENCH\"}";
              case "chat.postMessage" -> {
                posts.computeIfAbsent(channel, k -> new AtomicLong()).incrementAndGet();
                firstPost.putIfAbsent(channel, now);
                yield "{\"ok\":true,\"channel\":\""
                    + channel
                    + "\",\"ts\":\"1700000001."
                    + ts.incrementAndGet()
                    + "\"}";
              }
              case "chat.update" -> {
                finals
                    .computeIfAbsent(channel, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(now);
                yield "{\"ok\":true,\"channel\":\""
                    + channel
                    + "\",\"ts\":\""
                    + p.get("ts")
                    + "\"}";
              }
              default -> "{\"ok\":true}";
            };
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(200, bytes.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(bytes);
      }
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
