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
import dev.debrief.index.ReportCatalog;
import dev.debrief.intake.ReportIntake;
import dev.debrief.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of one {@link SlackServer}: the bot user auth.test named
 * (https://api.slack.com/methods/auth.test), the Bolt {@code App} with the {@link DebriefBot}
 * listeners, the scheduled digests ({@link ScheduledDigests}), the {@link SlackTransport} and the
 * recovery of unfinished answers ({@link AnswerRecovery}). {@link SlackServer} calls the steps in
 * its start-up and stop orders; this class holds what they make and the test knobs (socket check
 * interval, digest tick, library retry delays).
 */
final class SlackSession {
  private static final Logger LOG = LoggerFactory.getLogger(SlackSession.class);

  /** This process among the replicas sharing one state store (the digest lease's holder id). */
  private final String replicaId = java.util.UUID.randomUUID().toString();

  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final Clock clock;
  private final SlackServerParts parts;
  private final AtomicReference<String> botUserId = new AtomicReference<>();
  private final SlackTransport transport = new SlackTransport();
  private java.time.Duration socketCheckInterval = java.time.Duration.ofSeconds(5);
  private java.time.Duration digestTick = java.time.Duration.ofSeconds(30);
  private java.time.Duration digestSettle = java.time.Duration.ofMinutes(1);
  private App app;
  private DebriefBot bot;
  private dev.debrief.digest.DigestScheduler scheduler;

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

  SlackSession(
      Answerer answerer,
      ReportCatalog catalog,
      DebriefConfig config,
      Clock clock,
      SlackServerParts parts) {
    this.answerer = answerer;
    this.catalog = catalog;
    this.config = config;
    this.clock = clock;
    this.parts = parts;
  }

  /** How often the digest scheduler wakes (30 s; tests use less, and no settle margin). */
  void digestTick(java.time.Duration tick) {
    this.digestTick = tick;
    this.digestSettle = java.time.Duration.ZERO;
  }

  /** How often the Socket Mode connection is checked (before start; tests use less). */
  void socketCheckInterval(java.time.Duration interval) {
    this.socketCheckInterval = interval;
  }

  /** The delays between retries of a question while the report library is unreachable. */
  void libraryRetryDelays(List<java.time.Duration> delays) {
    this.libraryRetryDelays = List.copyOf(delays);
  }

  /** The Socket Mode app, or null in HTTP mode. */
  SocketModeApp socketModeApp() {
    return transport.socketModeApp();
  }

  /** The digest scheduler, or null before {@link #register} or without digests. */
  dev.debrief.digest.DigestScheduler scheduler() {
    return scheduler;
  }

  /**
   * Runs the "slack" start-up check: auth.test, and in Socket Mode the app token's check.
   *
   * @throws SlackStartupException with one clear line when a token is missing or invalid
   */
  AuthTestResponse authenticate(Readiness readiness, Slack slack, SlackApi api, SlackEnv slackEnv) {
    AtomicReference<AuthTestResponse> authed = new AtomicReference<>();
    readiness.run(
        "slack",
        () -> {
          authed.set(BoltApps.authTest(api, slackEnv));
          if (slackEnv.mode() == SlackEnv.Mode.SOCKET) {
            SlackTokenCheck.appToken(slack, slackEnv.appToken(), slackEnv.apiUrl());
          }
        });
    AuthTestResponse auth = authed.get();
    botUserId.set(auth.getUserId());
    return auth;
  }

  /**
   * Makes the Bolt app and registers the bot's listeners on it; with digests, starts the scheduled
   * digests (missed runs caught up once now, then a pass every tick; time comes from the clock).
   */
  void register(
      Slack slack,
      SlackApi api,
      SlackEnv slackEnv,
      StateStore state,
      SignedLinks signedLinks,
      ReportIntake intake,
      SlackDigests digests) {
    app = BoltApps.app(slack, slackEnv);
    AccessPolicy access = parts.accessPolicy().apply(api::channelMembers);
    bot =
        new DebriefBot(
                answerer,
                catalog,
                config,
                api,
                parts.workers(),
                parts.io(),
                parts.metrics(),
                clock,
                botUserId::get,
                state)
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
  }

  /** Connects the app to Slack (HTTP behind the gate, or Socket Mode). */
  void connect(SlackEnv slackEnv, StartupGate gate) throws Exception {
    transport.connect(slackEnv, app, gate, clock, parts.metrics(), socketCheckInterval);
  }

  /** Finishes, on the workers, the answers a crash left unfinished. */
  void recover(SlackApi api, StateStore state) {
    new AnswerRecovery(
            new dev.debrief.state.PendingAnswers(state, clock), api, bot.answers(), botUserId::get)
        .start(parts.workers());
  }

  /**
   * Stops taking Slack traffic and scheduled work: the bot, the scheduler, the transport.
   *
   * @return the scheduler that was closed, to close once more at the end of the stop (null when
   *     none)
   */
  dev.debrief.digest.DigestScheduler stopTraffic() {
    if (bot != null) {
      bot.stop();
    }
    dev.debrief.digest.DigestScheduler closing = scheduler;
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
    transport.close();
    return closing;
  }

  /** Stops the Bolt app (its failure is logged only). */
  void stopApp() {
    if (app != null) {
      try {
        app.stop();
      } catch (Exception e) {
        LOG.debug("Bolt stop: {}", e.toString());
      }
      app = null;
    }
  }

  /**
   * When the bot was made, waits up to {@code wait} for the accepted work to finish (an interrupt
   * ends the wait and is kept), then forgets the bot.
   */
  void drain(java.time.Duration wait) {
    if (bot != null) {
      try {
        awaitIdle(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      bot = null;
    }
  }

  /**
   * Waits until the workers and the io pool have finished every task they took ({@link
   * SlackServer#awaitIdle}).
   *
   * @return true when idle within the timeout
   */
  boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
    ThreadPoolExecutor workers = parts.workers();
    ThreadPoolExecutor io = parts.io();
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
}
