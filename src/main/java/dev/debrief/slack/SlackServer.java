package dev.debrief.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.answer.Answerer;
import dev.debrief.intake.ReportIntake;
import dev.debrief.retrieve.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import dev.debrief.state.StateStore;
import dev.debrief.web.Health;
import dev.debrief.web.Metrics;
import dev.debrief.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code debrief serve}: the Slack app plus the web server. HTTP mode when {@code SLACK_SIGNING_SECRET} is set
 * (Bolt's {@code App} behind {@code POST /slack/events}), Socket Mode when {@code SLACK_APP_TOKEN} is set (Bolt's
 * {@code SocketModeApp} with the Java-WebSocket backend, https://api.slack.com/apis/socket-mode; it reconnects on
 * a server {@code disconnect} message at once and, through its session monitor, after a dropped socket). In
 * both modes the web server serves the viewer, {@code /healthz} and {@code /metrics}. Start-up calls auth.test
 * (https://api.slack.com/methods/auth.test): a missing or invalid token fails with one clear line
 * ({@link SlackStartupException}). {@code SLACK_API_URL} goes to {@code SlackConfig#setMethodsEndpointUrlPrefix}.
 *
 * <p>Start-up order: {@link #startWeb()} opens the web server first, so {@code /healthz} can say what is still
 * loading ({@link Readiness}); Slack traffic is refused with 503 (HTTP mode) or not connected (Socket Mode)
 * until the index, the model (when the caller registers that check) and auth.test are ready. Then the answers a
 * crash left unfinished are finished ({@link AnswerRecovery}), from the {@link StateStore} given with
 * {@link #withStateStore} (in memory when none is).
 */
public final class SlackServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);

  /**
   * Where to listen and how many answers run at once.
   *
   * @param host    interface to bind
   * @param port    port; 0 picks a free one
   * @param workers answer worker threads
   */
  public record Options(String host, int port, int workers) {
    /** Defaults: all interfaces, port from {@code PORT} or {@code web.port}, 8 workers. */
    public static Options defaults(DebriefConfig config, Map<String, String> env) {
      int port = config.web.port;
      String p = env.get("PORT");
      if (p != null && p.strip().matches("\\d{1,5}")) {
        port = Integer.parseInt(p.strip());
      }
      return new Options("0.0.0.0", port, 8);
    }

    /** Same options on another port. */
    public Options withPort(int newPort) {
      return new Options(host, newPort, workers);
    }
  }

  /**
   * How long the scheduled-digest lease lasts after each renewal: four ticks of 30 s, so a live replica keeps it
   * through a slow pass, and a dead one hands it over within two minutes.
   */
  static final java.time.Duration DIGEST_LEASE_TTL = java.time.Duration.ofMinutes(2);

  /** This process among the replicas sharing one state store (the digest lease's holder id). */
  private final String replicaId = java.util.UUID.randomUUID().toString();
  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final Map<String, String> env;
  private final Clock clock;
  private final Options options;
  private final Metrics metrics = new Metrics();
  private final AtomicReference<String> botUserId = new AtomicReference<>();
  private volatile boolean authOk;
  private volatile String indexProblem = "not started";
  private WebServer web;
  private App app;
  private SocketModeApp socketApp;
  private SocketModeSupervisor supervisor;
  private java.time.Duration socketCheckInterval = java.time.Duration.ofSeconds(5);
  private ThreadPoolExecutor workers;
  private ThreadPoolExecutor io;
  private SlackEnv slackEnv;
  private SlackDigests digests;
  private java.time.Duration digestTick = java.time.Duration.ofSeconds(30);
  private java.time.Duration digestSettle = java.time.Duration.ofMinutes(1);
  private dev.debrief.digest.DigestScheduler scheduler;
  private java.util.concurrent.ScheduledExecutorService schedulerThread;
  private ReportIntake intake;
  private SignedLinks signedLinks;
  private StateStore state;
  private final Readiness readiness = new Readiness().expect("index");
  private StartupGate gate;
  private volatile boolean accepting;
  private dev.debrief.web.AskSite askSite;
  /**
   * When the report library is unreachable, a question is asked again after each of these: 5 s, then doubling,
   * about 5 minutes in all, long enough for a Solr node restart or a leader election.
   */
  private List<java.time.Duration> libraryRetryDelays = List.of(java.time.Duration.ofSeconds(5),
      java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(40),
      java.time.Duration.ofSeconds(80), java.time.Duration.ofSeconds(160));
  private java.util.concurrent.ScheduledExecutorService retryTimer;

  /** A server with default {@link Options}. */
  public SlackServer(Answerer answerer, ReportCatalog catalog, DebriefConfig config, Map<String, String> env,
                     Clock clock) {
    this(answerer, catalog, config, env, clock, Options.defaults(config, env));
  }

  /**
   * @param answerer answers questions
   * @param catalog  what is indexed
   * @param config   settings
   * @param env      the environment (secrets come only from here)
   * @param clock    "now"
   * @param options  where to listen
   */
  public SlackServer(Answerer answerer, ReportCatalog catalog, DebriefConfig config, Map<String, String> env,
                     Clock clock, Options options) {
    this.answerer = answerer;
    this.catalog = catalog;
    this.config = config;
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.options = options;
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
   * Enables adding reports from Slack (file shares, {@code /debrief add URL}, {@code /debrief remove}); call
   * before {@link #start()}.
   */
  public SlackServer withIntake(ReportIntake reportIntake) {
    this.intake = reportIntake;
    return this;
  }

  /**
   * The signer of viewer links to restricted reports; it must be the one the answerer's citation links use
   * (the Wiring's). Without it, a signer from {@code DEBRIEF_LINK_SECRET} is made. Call before {@link #start()}.
   */
  public SlackServer withSignedLinks(SignedLinks links) {
    this.signedLinks = links;
    return this;
  }

  /** Serves the ask page and library on the same web server (call before {@link #start()}). */
  public SlackServer withAskSite(dev.debrief.web.AskSite site) {
    this.askSite = site;
    return this;
  }

  /**
   * Keeps event claims, answers in progress, thread memory and the scheduled-digest lease in {@code store} (a
   * {@code FileStateStore} for {@code serve} on the Lucene index, the SolrCloud state collection shared by every
   * replica on Solr), so that they survive a restart; call before {@link #start()}. Closed by {@link #stop()}.
   */
  public synchronized SlackServer withStateStore(StateStore store) {
    this.state = store;
    return this;
  }

  /** What start-up waits for; a caller may {@link Readiness#run} its own checks (the model) before {@link #start()}. */
  public Readiness readiness() {
    return readiness;
  }

  /**
   * Checks the environment, then starts the web server: {@code /healthz}, {@code /metrics} and the viewer answer
   * at once; {@code /slack/events} answers 503 until {@link #start()} is done. Called by {@link #start()} when
   * not called before.
   *
   * @throws SlackStartupException with one clear line when a token is missing or malformed
   */
  public synchronized void startWeb() {
    if (web != null) {
      return;
    }
    slackEnv = SlackEnv.from(env);
    if (signedLinks == null) {
      signedLinks = SignedLinks.fromEnv(env, clock, java.time.Duration.ofHours(config.access.signedLinkHours), LOG::warn);
    }
    gate = slackEnv.mode() == SlackEnv.Mode.HTTP ? new StartupGate(readiness, metrics) : null;
    web = new WebServer(catalog, config.web.publicBaseUrl, signedLinks, metrics, this::health, gate, options.host(),
        options.port()).withAsk(askSite);
    try {
      web.start();
    } catch (RuntimeException e) {
      web = null;
      throw new SlackStartupException("Could not start the web server on port " + options.port() + ": "
          + e.getMessage());
    }
    try {
      readiness.run("index", this::checkIndexOrFail);
    } catch (SlackStartupException e) {
      stop();
      throw e;
    }
    readiness.expect("slack");
    LOG.debug("Web server on port {}; Slack traffic waits for: {}", web.port(), readiness.pending());
  }

  /**
   * Starts the web server (when {@link #startWeb()} did not), checks the index and the token, then connects to
   * Slack and finishes the answers a crash left.
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
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(slackEnv.apiUrl());
    slackConfig.setPrettyResponseLoggingEnabled(false);
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    SlackApi api = new SlackApi(slack, slackEnv.botToken(), metrics, Thread::sleep);
    AtomicReference<AuthTestResponse> authed = new AtomicReference<>();
    try {
      readiness.run("slack", () -> {
        authed.set(authTest(api));
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
    authOk = true;
    checkIndex();
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(options.workers(), options.workers(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(2000), r -> {
          Thread t = new Thread(r, "debrief-slack-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    workers = pool;
    AtomicInteger m = new AtomicInteger();
    io = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "debrief-slack-io-" + m.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    io.allowCoreThreadTimeOut(true);
    AppConfig.AppConfigBuilder appConfig = AppConfig.builder().slack(slack).singleTeamBotToken(slackEnv.botToken())
        .unmatchedRequestHandler(req -> req.getRequestType() == RequestType.Event ? Response.ok()
            : Response.json(404, "{\"error\":\"no handler\"}"));
    if (!slackEnv.signingSecret().isEmpty()) {
      appConfig.signingSecret(slackEnv.signingSecret());
    }
    app = new App(appConfig.build());
    AccessPolicy access = new AccessPolicy(
        () -> catalog.list().stream().flatMap(r -> r.meta().channels().stream()).toList(), api::channelMembers, clock,
        java.time.Duration.ofSeconds(config.access.membershipCacheSeconds), LOG::warn);
    retryTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "debrief-library-retry");
      t.setDaemon(true);
      return t;
    });
    DebriefBot bot = new DebriefBot(answerer, catalog, config, api, workers, io, metrics, clock, botUserId::get, state)
        .withAccess(access, new CitationLinks(config.web.publicBaseUrl, signedLinks))
        .withLibraryRetries(retryTimer, libraryRetryDelays);
    if (intake != null) {
      bot.withIntake(intake, new SlackFiles(slackEnv.apiUrl(), slackEnv.botToken()));
    }
    bot.withDigests(digests).register(app);
    if (digests != null) {
      // Scheduled digests: catch up missed runs once now, then wake every tick; time comes from the clock.
      schedulerThread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "debrief-digest-scheduler");
        t.setDaemon(true);
        return t;
      });
      dev.debrief.state.Lease lease = new dev.debrief.state.Lease(state, dev.debrief.digest.DigestScheduler.LEASE_NAME,
          replicaId, DIGEST_LEASE_TTL, clock);
      scheduler = new dev.debrief.digest.DigestScheduler(digests.subscriptions(), digests.digestService(),
          digests.poster(api), clock, java.time.Duration.ofMinutes(10), digestSettle, msg -> LOG.warn("{}", msg),
          lease);
      scheduler.start(schedulerThread, digestTick);
    }
    try {
      if (slackEnv.mode() == SlackEnv.Mode.HTTP) {
        app.start();
        gate.open(new BoltHttpEndpoint(app, new SignatureVerifier(slackEnv.signingSecret(), clock), metrics));
        accepting = true;
        LOG.info("Debrief is serving Slack in HTTP mode as {} on port {} (POST /slack/events)", auth.getUser(),
            web.port());
      } else {
        socketApp = new SocketModeApp(slackEnv.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
        socketApp.startAsync();
        supervisor = new SocketModeSupervisor(socketApp.getClient(), socketCheckInterval, metrics);
        accepting = true;
        LOG.info("Debrief is serving Slack in Socket Mode as {}; web server on port {}", auth.getUser(), web.port());
      }
      new AnswerRecovery(new dev.debrief.state.PendingAnswers(state, clock), api, bot.answers(), botUserId::get).start(workers);
    } catch (SlackStartupException e) {
      stop();
      throw e;
    } catch (Exception e) {
      stop();
      throw new SlackStartupException("Could not start the Slack connection: " + e.getMessage());
    }
  }

  /** auth.test, with the failure in one clear line. */
  private AuthTestResponse authTest(SlackApi api) {
    try {
      return api.authTest();
    } catch (SlackCallException e) {
      if (e.error().startsWith("network error") || e.error().startsWith("HTTP ")) {
        throw new SlackStartupException("Cannot reach Slack at " + slackEnv.apiUrl() + " (auth.test: " + e.error()
            + "); check the network or SLACK_API_URL");
      }
      throw new SlackStartupException("Slack rejected SLACK_BOT_TOKEN (auth.test: " + e.error() + "); check the token"
          + " and that the app is installed to the workspace");
    }
  }

  private void checkIndexOrFail() {
    checkIndex();
    if (!indexProblem.isEmpty()) {
      throw new SlackStartupException("The index cannot be read (" + indexProblem + ")");
    }
  }

  private void checkIndex() {
    try {
      catalog.list();
      indexProblem = "";
    } catch (dev.debrief.index.IndexUnavailableException e) {
      indexProblem = ""; // the library is unreachable, not broken: questions get the unreachable notice and retries
      LOG.info("The report library is unreachable for now; questions will be retried: {}", e.getMessage());
    } catch (RuntimeException e) {
      indexProblem = "index not readable: " + e.getClass().getSimpleName();
    }
  }

  /**
   * The /healthz answer: ok once every start-up check passed and Slack traffic is accepted, and while the index
   * stays readable and the report library answers; {@code checks} names each part ({@link Readiness}).
   */
  public Health health() {
    if (!indexProblem.isEmpty() && accepting) {
      checkIndex();
    }
    java.util.Map<String, String> checks = readiness.snapshot();
    if (!authOk || !readiness.allOk() || !accepting) {
      String pending = readiness.pending();
      return new Health(false, pending.isEmpty() ? "starting: connecting to Slack" : "starting: " + pending, checks);
    }
    if (!indexProblem.isEmpty()) {
      checks.put("index", indexProblem);
      return new Health(false, indexProblem, checks);
    }
    String unreachable = catalog.unavailable();
    if (!unreachable.isEmpty()) {
      checks.put("library", unreachable);
      return new Health(false, unreachable, checks);
    }
    return new Health(true, "ok", checks);
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

  /** How often the Socket Mode connection is checked (set before {@link #start()}; tests use less). */
  void socketCheckInterval(java.time.Duration interval) {
    this.socketCheckInterval = interval;
  }

  /** The Socket Mode app, or null in HTTP mode. */
  SocketModeApp socketModeApp() {
    return socketApp;
  }

  /**
   * Waits until every accepted piece of work (answers, digests, button clicks) has finished. Acks are sent
   * only after work is queued, so after the acks of a batch this waits for the whole batch. For tests and the
   * benchmark.
   *
   * @return true when idle within the timeout
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      ThreadPoolExecutor w = workers;
      ThreadPoolExecutor i = io;
      if ((w == null || w.getCompletedTaskCount() == w.getTaskCount())
          && (i == null || i.getCompletedTaskCount() == i.getTaskCount())) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /**
   * Runs the scheduled digests that are due now, on the caller's thread, as a tick would (for tests that move the
   * clock; null before {@link #start()} or without digests).
   */
  List<dev.debrief.digest.DigestScheduler.Run> runDigestsNow() {
    dev.debrief.digest.DigestScheduler s;
    synchronized (this) {
      s = scheduler;
    }
    return s == null ? null : s.runDue();
  }

  /** The delays between retries of a question while the report library is unreachable (before {@link #start()}). */
  void libraryRetryDelays(List<java.time.Duration> delays) {
    this.libraryRetryDelays = List.copyOf(delays);
  }

  /** Stops everything; safe to call twice. */
  public synchronized void stop() {
    if (retryTimer != null) {
      retryTimer.shutdownNow();
      retryTimer = null;
    }
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
    if (schedulerThread != null) {
      schedulerThread.shutdownNow();
      schedulerThread = null;
    }
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
    if (workers != null) {
      workers.shutdown();
      try {
        workers.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers = null;
    }
    if (io != null) {
      io.shutdown();
      io = null;
    }
    accepting = false;
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
