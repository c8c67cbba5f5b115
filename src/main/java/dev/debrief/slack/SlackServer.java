package dev.debrief.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.debrief.access.SignedLinks;
import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import dev.debrief.intake.ReportIntake;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import dev.debrief.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>About 300 lines on purpose: the start-up order and the stop order are kept here step for step,
 * in one class, so that each reads top to bottom in one place; what could leave without splitting
 * an order already has ({@link SlackSession}, {@link SlackWebServer} and the input types below).
 *
 * <p>Start-up order: {@link #startWeb()} opens the web server first, so {@code /healthz} can say
 * what is still loading ({@link Readiness}); Slack traffic is refused with 503 (HTTP mode) or not
 * connected (Socket Mode) until the index, the model (when the caller registers that check) and
 * auth.test are ready. Then the answers a crash left unfinished are finished ({@link
 * AnswerRecovery}), from the {@link StateStore} given with {@link #withStateStore} (in memory when
 * none is).
 *
 * <p>What it runs on comes from its caller ({@link SlackServerParts}, made by cli's {@code
 * SlackWiring}): metrics, the answer and io pools, the retry and digest timers, the signer of
 * viewer links, the access policy and the web server. The caller owns those executors and shuts
 * them down after {@link #stop()}; {@link #stop()} only waits for the accepted work to finish. The
 * Bolt objects (the Slack client, {@code App}, {@code SocketModeApp}) are made here, at {@link
 * #start()} ({@link BoltApps}), because Bolt stays inside this package and they need the checked
 * environment; the /healthz answer is {@link ServerHealth}'s.
 *
 * <p>How Slack traffic arrives (HTTP or Socket Mode) is {@link SlackTransport}'s; the scheduled
 * digests and their lease are made by {@link ScheduledDigests}. What the Slack side makes at start
 * (auth.test's bot user, the Bolt app and bot, the scheduler, the transport) is held by {@link
 * SlackSession}; the start-up order (web, index, model, auth.test, Bolt, recovery) and the stop
 * order (Slack traffic, scheduled work, web, Bolt, accepted work, digest lease, state) both read
 * top to bottom here. Its inputs are {@link SlackServerOptions}, {@link SlackServerParts}, {@link
 * SlackServerFactory} and {@link WebServerFactory}; the web server is held by {@link
 * SlackWebServer}.
 */
public final class SlackServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);

  /** How long {@link #stop()} waits for accepted work to finish before closing the state. */
  private static final java.time.Duration DRAIN_WAIT = java.time.Duration.ofSeconds(5);

  private final Map<String, String> env;
  private final Clock clock;
  private final SlackServerOptions options;
  private final Metrics metrics;
  private final SlackServerParts parts;
  private final SlackSession session;
  private final SlackWebServer web = new SlackWebServer();
  private SlackEnv slackEnv;
  private SlackDigests digests;
  private ReportIntake intake;
  private SignedLinks signedLinks;
  private StateStore state;
  private final Readiness readiness = new Readiness().expect("index");
  private final ServerHealth serverHealth;

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
      SlackServerOptions options,
      SlackServerParts parts) {
    this.env = Map.copyOf(env);
    this.clock = clock;
    this.options = options;
    this.parts = Objects.requireNonNull(parts, "parts");
    this.metrics = parts.metrics();
    this.signedLinks = parts.signedLinks();
    this.serverHealth = new ServerHealth(catalog, readiness);
    this.session = new SlackSession(answerer, catalog, config, clock, parts);
  }

  /**
   * Adds digests, event briefs and scheduled digests (call before {@link #start()}); without them
   * {@code /digest} lists recent reports only.
   */
  public synchronized SlackServer withDigests(SlackDigests digests) {
    this.digests = digests;
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
   * The signer of viewer links to restricted reports, in place of {@link
   * SlackServerParts#signedLinks()}; it must be the one the answerer's citation links use (the
   * Wiring's). Call before {@link #start()}.
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
    if (web.started()) {
      return;
    }
    slackEnv = SlackEnv.from(env);
    web.start(slackEnv, readiness, metrics, parts.web(), signedLinks, this::health, options.port());
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
    AuthTestResponse auth;
    try {
      auth = session.authenticate(readiness, slack, api, slackEnv);
    } catch (SlackStartupException e) {
      stop();
      throw e;
    }
    serverHealth.authenticated();
    serverHealth.checkIndex();
    session.register(slack, api, slackEnv, state, signedLinks, intake, digests);
    try {
      session.connect(slackEnv, web.gate());
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
      session.recover(api, state);
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
   * The Slack side: its knobs (socket check interval, digest tick, library retry delays) are set
   * here before {@link #start()}, by tests.
   */
  SlackSession session() {
    return session;
  }

  /**
   * Waits until every accepted piece of work (answers, digests, button clicks) has finished. Acks
   * are sent only after work is queued, so after the acks of a batch this waits for the whole
   * batch. For tests and the benchmark.
   *
   * @return true when idle within the timeout
   */
  public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    return session.awaitIdle(timeout);
  }

  /**
   * Runs the scheduled digests that are due now, on the caller's thread, as a tick would (for tests
   * that move the clock; null before {@link #start()} or without digests).
   */
  List<dev.debrief.digest.DigestScheduler.Run> runDigestsNow() {
    dev.debrief.digest.DigestScheduler s;
    synchronized (this) {
      s = session.scheduler();
    }
    return s == null ? null : s.runDue();
  }

  /**
   * Stops taking Slack traffic and scheduled work, waits (up to 5 s) for the accepted work to
   * finish, then closes the state store; safe to call twice. The executors of {@link
   * SlackServerParts} stay with their owner, which shuts them down afterwards.
   */
  public synchronized void stop() {
    dev.debrief.digest.DigestScheduler closing = session.stopTraffic();
    web.stop();
    session.stopApp();
    session.drain(DRAIN_WAIT);
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
