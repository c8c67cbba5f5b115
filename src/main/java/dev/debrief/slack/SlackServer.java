package dev.debrief.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.answer.Answerer;
import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.http.HttpServer;
import dev.debrief.http.RawEndpoint;
import dev.debrief.index.ReportCatalog;
import dev.debrief.intake.ReportIntake;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import dev.debrief.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code debrief serve}: the Slack app plus the web server. HTTP mode when {@code
 * SLACK_SIGNING_SECRET} is set (Bolt's {@code App} behind {@code POST /slack/events}), Socket Mode
 * when {@code SLACK_APP_TOKEN} is set (Bolt's {@code SocketModeApp} with the Java-WebSocket
 * backend, https://api.slack.com/apis/socket-mode; it reconnects on a server {@code disconnect}
 * message at once and, through its session monitor, after a dropped socket). In both modes the web
 * server serves the viewer, {@code /healthz} and {@code /metrics}. Start-up calls auth.test
 * (https://api.slack.com/methods/auth.test): a missing or invalid token fails with one clear line
 * ({@link SlackStartupException}). {@code SLACK_API_URL} goes to {@code
 * SlackConfig#setMethodsEndpointUrlPrefix}.
 *
 * <p>Start-up order: {@link #startWeb()} opens the web server first, so {@code /healthz} can say
 * what is still loading ({@link Readiness}); Slack traffic is refused with 503 (HTTP mode) or not
 * connected (Socket Mode) until the index, the model (when the caller registers that check) and
 * auth.test are ready. Then the answers a crash left unfinished are finished ({@link
 * AnswerRecovery}), from the {@link StateStore} given with {@link #withStateStore} (in memory when
 * none is).
 *
 * <p>What it runs on comes from its caller ({@link Parts}, made by cli's {@code SlackWiring}):
 * metrics, the answer and io pools, the retry and digest timers, the signer of viewer links, the
 * access policy and the web server. The caller owns those executors and shuts them down after
 * {@link #stop()}; {@link #stop()} only waits for the accepted work to finish. The Bolt objects
 * (the Slack client, {@code App}, {@code SocketModeApp}) are made here, at {@link #start()} ({@link
 * BoltApps}), because Bolt stays inside this package and they need the checked environment; the
 * /healthz answer is {@link ServerHealth}'s.
 *
 * <p>How Slack traffic arrives (HTTP or Socket Mode) is {@link SlackTransport}'s; the scheduled
 * digests and their lease are made by {@link ScheduledDigests}.
 *
 * <p>Why one class of about 540 lines (issue 13 aims at 300): it is the lifecycle of one process,
 * and the start-up order (web, index, model, auth.test, Bolt, recovery) and the stop order (Slack
 * traffic, scheduled work, web, Bolt, accepted work, digest lease, state) are easiest to check when
 * both read top to bottom in one place. Most of the length is public surface, not logic: the input
 * types {@link Options}, {@link Parts}, {@link Factory} and {@link WebFactory} (about 100 lines,
 * which cli and the tests name as {@code SlackServer.Options} and so on) and the documented setters
 * and accessors; start and stop are about 150 lines. Splitting further would rename those types or
 * spread the two orders over two classes; the parts with a job of their own are already out ({@link
 * BoltApps}, {@link SlackTransport}, {@link ServerHealth}, {@link StartupGate}, {@link
 * ScheduledDigests}, {@link AnswerRecovery}).
 */
public final class SlackServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);

  /**
   * Where to listen and how many answers run at once.
   *
   * @param host interface to bind
   * @param port port; 0 picks a free one
   * @param workers answer worker threads
   */
  public record Options(String host, int port, int workers) {
    /** The answer workers of {@code debrief serve} (its {@code --workers} default). */
    public static final int DEFAULT_WORKERS = 8;

    /** Defaults: all interfaces, port from {@code PORT} or {@code web.port}, 8 workers. */
    public static Options defaults(DebriefConfig config, Map<String, String> env) {
      int port = config.web.port;
      String p = env.get("PORT");
      if (p != null && p.strip().matches("\\d{1,5}")) {
        port = Integer.parseInt(p.strip());
      }
      return new Options("0.0.0.0", port, DEFAULT_WORKERS);
    }

    /** Same options on another port. */
    public Options withPort(int newPort) {
      return new Options(host, newPort, workers);
    }
  }

  /**
   * Makes a server with its {@link Parts} (cli's {@code SlackWiring#server}); for {@link
   * SlackBench}.
   */
  @FunctionalInterface
  public interface Factory {
    /**
     * A new server, not started; whoever made the factory stops it and shuts its executors down.
     */
    SlackServer create(
        Answerer answerer,
        ReportCatalog catalog,
        DebriefConfig config,
        Map<String, String> env,
        Clock clock,
        Options options);
  }

  /**
   * Makes the web server, given what only the Slack server knows (its /healthz answer and its Slack
   * endpoint).
   */
  @FunctionalInterface
  public interface WebFactory {
    /**
     * @param signedLinks verifies viewer links to restricted reports
     * @param health computes the /healthz answer
     * @param slackEvents handler of {@code POST /slack/events}, or null in Socket Mode
     */
    HttpServer create(
        SignedLinks signedLinks,
        java.util.function.Supplier<Health> health,
        RawEndpoint slackEvents);
  }

  /**
   * What the server runs on, made by its caller (cli's {@code SlackWiring}; tests make their own),
   * which owns the executors and shuts them down after {@link #stop()}.
   *
   * @param metrics counters and histograms, served on {@code /metrics}
   * @param workers runs answers, commands and button clicks off the request thread (its queue
   *     bounds the backlog; {@link #awaitIdle} reads its task counts)
   * @param io posts placeholders at once, even while every worker is busy
   * @param retryTimer schedules the retries of questions while the report library is unreachable
   * @param digestTimer wakes the scheduled-digest pass
   * @param signedLinks signs viewer links to restricted reports; the one the answerer's citation
   *     links use
   * @param accessPolicy the access policy over a channel-member lookup (the Slack API's, known at
   *     start)
   * @param web makes the web server
   */
  public record Parts(
      Metrics metrics,
      ThreadPoolExecutor workers,
      ThreadPoolExecutor io,
      ScheduledExecutorService retryTimer,
      ScheduledExecutorService digestTimer,
      SignedLinks signedLinks,
      Function<AccessPolicy.Membership, AccessPolicy> accessPolicy,
      WebFactory web) {
    public Parts {
      Objects.requireNonNull(metrics, "metrics");
      Objects.requireNonNull(workers, "workers");
      Objects.requireNonNull(io, "io");
      Objects.requireNonNull(retryTimer, "retryTimer");
      Objects.requireNonNull(digestTimer, "digestTimer");
      Objects.requireNonNull(signedLinks, "signedLinks");
      Objects.requireNonNull(accessPolicy, "accessPolicy");
      Objects.requireNonNull(web, "web");
    }
  }

  /** How long {@link #stop()} waits for accepted work to finish before closing the state. */
  private static final java.time.Duration DRAIN_WAIT = java.time.Duration.ofSeconds(5);

  /** This process among the replicas sharing one state store (the digest lease's holder id). */
  private final String replicaId = java.util.UUID.randomUUID().toString();

  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final Map<String, String> env;
  private final Clock clock;
  private final Options options;
  private final Metrics metrics;
  private final Parts parts;
  private final AtomicReference<String> botUserId = new AtomicReference<>();
  private HttpServer web;
  private App app;
  private final SlackTransport transport = new SlackTransport();
  private java.time.Duration socketCheckInterval = java.time.Duration.ofSeconds(5);
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor io;
  private DebriefBot bot;
  private SlackEnv slackEnv;
  private SlackDigests digests;
  private java.time.Duration digestTick = java.time.Duration.ofSeconds(30);
  private java.time.Duration digestSettle = java.time.Duration.ofMinutes(1);
  private dev.debrief.digest.DigestScheduler scheduler;
  private ReportIntake intake;
  private SignedLinks signedLinks;
  private StateStore state;
  private final Readiness readiness = new Readiness().expect("index");
  private final ServerHealth serverHealth;
  private StartupGate gate;

  /**
   * When the report library is unreachable, a question is asked again after each of these: 5 s,
   * then doubling, about 5 minutes in all, long enough for a Solr node restart or a leader
   * election.
   */
  private List<java.time.Duration> libraryRetryDelays =
      List.of(
          java.time.Duration.ofSeconds(5),
          java.time.Duration.ofSeconds(10),
          java.time.Duration.ofSeconds(20),
          java.time.Duration.ofSeconds(40),
          java.time.Duration.ofSeconds(80),
          java.time.Duration.ofSeconds(160));

  /**
   * @param answerer answers questions
   * @param catalog what is indexed
   * @param config settings
   * @param env the environment (secrets come only from here)
   * @param clock "now"
   * @param options where to listen (the port names the web server in a start-up failure)
   * @param parts what it runs on, owned by the caller
   */
  public SlackServer(
      Answerer answerer,
      ReportCatalog catalog,
      DebriefConfig config,
      Map<String, String> env,
      Clock clock,
      Options options,
      Parts parts) {
    this.answerer = answerer;
    this.catalog = catalog;
    this.config = config;
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.options = options;
    this.parts = Objects.requireNonNull(parts, "parts");
    this.metrics = parts.metrics();
    this.workers = parts.workers();
    this.io = parts.io();
    this.signedLinks = parts.signedLinks();
    this.serverHealth = new ServerHealth(catalog, readiness);
  }

  /**
   * Adds digests, event briefs and scheduled digests (call before {@link #start()}); without them
   * {@code /digest} lists recent reports only.
   */
  public synchronized SlackServer withDigests(SlackDigests digests) {
    this.digests = digests;
    return this;
  }

  /** How often the digest scheduler wakes (30 s; tests use less, and no settle margin). */
  synchronized SlackServer digestTick(java.time.Duration tick) {
    this.digestTick = tick;
    this.digestSettle = java.time.Duration.ZERO;
    return this;
  }

  /**
   * Enables adding reports from Slack (file shares, {@code /debrief add URL}, {@code /debrief
   * remove}); call before {@link #start()}.
   */
  public SlackServer withIntake(ReportIntake reportIntake) {
    this.intake = reportIntake;
    return this;
  }

  /**
   * The signer of viewer links to restricted reports, in place of {@link Parts#signedLinks()}; it
   * must be the one the answerer's citation links use (the Wiring's). Call before {@link #start()}.
   */
  public SlackServer withSignedLinks(SignedLinks links) {
    this.signedLinks = links;
    return this;
  }

  /**
   * Keeps event claims, answers in progress, thread memory and the scheduled-digest lease in {@code
   * store} (a {@code FileStateStore} for {@code serve} on the Lucene index, the SolrCloud state
   * collection shared by every replica on Solr), so that they survive a restart; call before {@link
   * #start()}. Closed by {@link #stop()}.
   */
  public synchronized SlackServer withStateStore(StateStore store) {
    this.state = store;
    return this;
  }

  /**
   * What start-up waits for; a caller may {@link Readiness#run} its own checks (the model) before
   * {@link #start()}.
   */
  public Readiness readiness() {
    return readiness;
  }

  /**
   * Checks the environment, then starts the web server: {@code /healthz}, {@code /metrics} and the
   * viewer answer at once; {@code /slack/events} answers 503 until {@link #start()} is done. Called
   * by {@link #start()} when not called before.
   *
   * @throws SlackStartupException with one clear line when a token is missing or malformed
   */
  public synchronized void startWeb() {
    if (web != null) {
      return;
    }
    slackEnv = SlackEnv.from(env);
    gate = slackEnv.mode() == SlackEnv.Mode.HTTP ? new StartupGate(readiness, metrics) : null;
    web = parts.web().create(signedLinks, this::health, gate);
    try {
      web.start();
    } catch (RuntimeException e) {
      web = null;
      throw new SlackStartupException(
          "Could not start the web server on port " + options.port() + ": " + e.getMessage());
    }
    try {
      readiness.run("index", serverHealth::checkIndexOrFail);
    } catch (SlackStartupException e) {
      stop();
      throw e;
    }
    readiness.expect("slack");
    LOG.debug(
        "Web server on port {}; Slack traffic waits for: {}", web.port(), readiness.pending());
  }

  /**
   * Starts the web server (when {@link #startWeb()} did not), checks the index and the token, then
   * connects to Slack and finishes the answers a crash left.
   *
   * @throws SlackStartupException with one clear line when a token is missing or invalid
   */
  public synchronized void start() {
    try {
      startWeb();
    } catch (SlackStartupException e) {
      stop();
      throw e;
    }
    if (state == null) {
      state = new dev.debrief.state.MemoryStateStore(clock);
      LOG.debug("No state folder given: event claims and thread memory are kept in memory only");
    }
    Slack slack = BoltApps.client(slackEnv);
    SlackApi api = new SlackApi(slack, slackEnv.botToken(), metrics, Thread::sleep);
    AtomicReference<AuthTestResponse> authed = new AtomicReference<>();
    try {
      readiness.run(
          "slack",
          () -> {
            authed.set(BoltApps.authTest(api, slackEnv));
            if (slackEnv.mode() == SlackEnv.Mode.SOCKET) {
              SlackTokenCheck.appToken(slack, slackEnv.appToken(), slackEnv.apiUrl());
            }
          });
    } catch (SlackStartupException e) {
      stop();
      throw e;
    }
    AuthTestResponse auth = authed.get();
    botUserId.set(auth.getUserId());
    serverHealth.authenticated();
    serverHealth.checkIndex();
    app = BoltApps.app(slack, slackEnv);
    AccessPolicy access = parts.accessPolicy().apply(api::channelMembers);
    bot =
        new DebriefBot(
                answerer, catalog, config, api, workers, io, metrics, clock, botUserId::get, state)
            .withAccess(access, new CitationLinks(config.web.publicBaseUrl, signedLinks))
            .withLibraryRetries(parts.retryTimer(), libraryRetryDelays);
    if (intake != null) {
      bot.withIntake(intake, new SlackFiles(slackEnv.apiUrl(), slackEnv.botToken()));
    }
    bot.withDigests(digests).register(app);
    if (digests != null) {
      // Scheduled digests: catch up missed runs once now, then wake every tick; time comes from the
      // clock.
      scheduler = ScheduledDigests.scheduler(digests, api, state, replicaId, clock, digestSettle);
      scheduler.start(parts.digestTimer(), digestTick);
    }
    try {
      transport.connect(slackEnv, app, gate, clock, metrics, socketCheckInterval);
      serverHealth.accepting(true);
      if (slackEnv.mode() == SlackEnv.Mode.HTTP) {
        LOG.info(
            "Debrief is serving Slack in HTTP mode as {} on port {} (POST /slack/events)",
            auth.getUser(),
            web.port());
      } else {
        LOG.info(
            "Debrief is serving Slack in Socket Mode as {}; web server on port {}",
            auth.getUser(),
            web.port());
      }
      new AnswerRecovery(
              new dev.debrief.state.PendingAnswers(state, clock),
              api,
              bot.answers(),
              botUserId::get)
          .start(workers);
    } catch (SlackStartupException e) {
      stop();
      throw e;
    } catch (Exception e) {
      stop();
      throw new SlackStartupException("Could not start the Slack connection: " + e.getMessage());
    }
  }

  /**
   * The /healthz answer: ok once every start-up check passed and Slack traffic is accepted, and
   * while the index stays readable and the report library answers; {@code checks} names each part
   * ({@link Readiness}).
   */
  public Health health() {
    return serverHealth.health();
  }

  /** The bound web port (after {@link #start()}). */
  public int port() {
    return web.port();
  }

  /** The mode in use (after {@link #start()}). */
  public SlackEnv.Mode mode() {
    return slackEnv.mode();
  }

  /** Metrics, for tests and the benchmark. */
  public Metrics metrics() {
    return metrics;
  }

  /**
   * How often the Socket Mode connection is checked (set before {@link #start()}; tests use less).
   */
  void socketCheckInterval(java.time.Duration interval) {
    this.socketCheckInterval = interval;
  }

  /** The Socket Mode app, or null in HTTP mode. */
  SocketModeApp socketModeApp() {
    return transport.socketModeApp();
  }

  /**
   * Waits until every accepted piece of work (answers, digests, button clicks) has finished. Acks
   * are sent only after work is queued, so after the acks of a batch this waits for the whole
   * batch. For tests and the benchmark.
   *
   * @return true when idle within the timeout
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (workers.getCompletedTaskCount() == workers.getTaskCount()
          && io.getCompletedTaskCount() == io.getTaskCount()) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /**
   * Runs the scheduled digests that are due now, on the caller's thread, as a tick would (for tests
   * that move the clock; null before {@link #start()} or without digests).
   */
  List<dev.debrief.digest.DigestScheduler.Run> runDigestsNow() {
    dev.debrief.digest.DigestScheduler s;
    synchronized (this) {
      s = scheduler;
    }
    return s == null ? null : s.runDue();
  }

  /**
   * The delays between retries of a question while the report library is unreachable (before {@link
   * #start()}).
   */
  void libraryRetryDelays(List<java.time.Duration> delays) {
    this.libraryRetryDelays = List.copyOf(delays);
  }

  /**
   * Stops taking Slack traffic and scheduled work, waits (up to 5 s) for the accepted work to
   * finish, then closes the state store; safe to call twice. The executors of {@link Parts} stay
   * with their owner, which shuts them down afterwards.
   */
  public synchronized void stop() {
    if (bot != null) {
      bot.stop();
    }
    dev.debrief.digest.DigestScheduler closing = scheduler;
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
    transport.close();
    if (web != null) {
      web.stop();
      web = null;
    }
    if (app != null) {
      try {
        app.stop();
      } catch (Exception e) {
        LOG.debug("Bolt stop: {}", e.toString());
      }
      app = null;
    }
    if (bot != null) {
      try {
        awaitIdle(DRAIN_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      bot = null;
    }
    serverHealth.accepting(false);
    if (closing != null) {
      // The digest timer is its owner's and keeps running: a pass that was waiting while the first
      // close() held
      // the scheduler has run by now (close() waits for it) and may have renewed the lease; release
      // it again.
      closing.close();
    }
    if (state != null) {
      state.close();
      state = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
