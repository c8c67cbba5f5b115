package dev.debrief.cli;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.answer.Answerer;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import dev.debrief.metrics.Metrics;
import dev.debrief.slack.SlackServer;
import dev.debrief.slack.SlackServerFactory;
import dev.debrief.slack.SlackServerOptions;
import dev.debrief.slack.SlackServerParts;
import dev.debrief.web.AskSite;
import dev.debrief.web.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the Slack app ({@code debrief serve}, {@code debrief bench-slack}, and
 * the Slack tests): makes each {@link SlackServer} with everything it runs on ({@link
 * SlackServerParts}: metrics, the answer and io pools, the retry and digest timers, the signer of
 * viewer links, the access policy over Slack's member lookup, the web server) and owns those
 * executors: {@link #close()} stops every server it made, then shuts the executors down. The Bolt
 * objects are made by the server itself, because Bolt stays inside {@code dev.debrief.slack}. Not
 * thread-safe; use from the thread that starts and stops the servers.
 */
public final class SlackWiring implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackWiring.class);

  /**
   * Answers waiting for a worker at most: about four minutes of questions at 8 workers and 1 s per
   * answer; beyond it the asker is told Debrief is overloaded.
   */
  private static final int ANSWER_QUEUE = 2000;

  /** Threads posting placeholders: enough for a burst of mentions while every worker is busy. */
  private static final int IO_THREADS = 16;

  private static final Duration WORKER_KEEP_ALIVE = Duration.ofSeconds(60);
  private static final Duration IO_KEEP_ALIVE = Duration.ofSeconds(30);

  /**
   * How long {@link #close()} lets queued answers finish before the workers are abandoned (daemon
   * threads).
   */
  private static final Duration WORKER_SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private SignedLinks signedLinks;
  private AskSite askSite;
  private final List<SlackServer> servers = new ArrayList<>();
  private final List<SlackServerParts> made = new ArrayList<>();

  /**
   * Signs viewer links with {@code links} (the {@link Wiring}'s, which the answerer's citation
   * links use); without it, each server gets a signer from {@code DEBRIEF_LINK_SECRET} in its
   * environment.
   */
  public SlackWiring withSignedLinks(SignedLinks links) {
    this.signedLinks = links;
    return this;
  }

  /** Serves the ask page and library on each server's web server. */
  public SlackWiring withAskSite(AskSite site) {
    this.askSite = site;
    return this;
  }

  /**
   * A new server, not started; {@link #close()} stops it. Matches {@link SlackServerFactory}.
   *
   * @param answerer answers questions
   * @param catalog what is indexed
   * @param config settings ({@code web}, {@code access}, {@code slack}, {@code digest})
   * @param env the environment (Slack tokens, {@code DEBRIEF_LINK_SECRET})
   * @param clock "now"
   * @param options where to listen and how many answer workers
   */
  public SlackServer server(
      Answerer answerer,
      ReportCatalog catalog,
      DebriefConfig config,
      Map<String, String> env,
      Clock clock,
      SlackServerOptions options) {
    SignedLinks links =
        signedLinks != null
            ? signedLinks
            : SignedLinks.fromEnv(
                env, clock, Duration.ofHours(config.access.signedLinkHours), LOG::warn);
    SlackServer server =
        new SlackServer(
            answerer,
            catalog,
            config,
            env,
            clock,
            options,
            parts(catalog, config, clock, options, links));
    servers.add(server);
    return server;
  }

  private SlackServerParts parts(
      ReportCatalog catalog,
      DebriefConfig config,
      Clock clock,
      SlackServerOptions options,
      SignedLinks links) {
    Metrics metrics = new Metrics();
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            options.workers(),
            options.workers(),
            WORKER_KEEP_ALIVE.toSeconds(),
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(ANSWER_QUEUE),
            daemon("debrief-slack-"));
    ThreadPoolExecutor io =
        new ThreadPoolExecutor(
            IO_THREADS,
            IO_THREADS,
            IO_KEEP_ALIVE.toSeconds(),
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("debrief-slack-io-"));
    io.allowCoreThreadTimeOut(true);
    ScheduledExecutorService retryTimer =
        Executors.newSingleThreadScheduledExecutor(daemon("debrief-library-retry"));
    ScheduledExecutorService digestTimer =
        Executors.newSingleThreadScheduledExecutor(daemon("debrief-digest-scheduler"));
    AskSite site = askSite;
    SlackServerParts parts =
        new SlackServerParts(
            metrics,
            workers,
            io,
            retryTimer,
            digestTimer,
            links,
            membership ->
                new AccessPolicy(
                    () ->
                        catalog.list().stream().flatMap(r -> r.meta().channels().stream()).toList(),
                    membership,
                    clock,
                    Duration.ofSeconds(config.access.membershipCacheSeconds),
                    LOG::warn),
            (signer, health, slackEvents) ->
                new WebServer(
                        catalog,
                        config.web.publicBaseUrl,
                        signer,
                        metrics,
                        health,
                        slackEvents,
                        options.host(),
                        options.port())
                    .withAsk(site));
    made.add(parts);
    return parts;
  }

  /**
   * Threads named {@code prefix} (plus a number when the prefix ends in '-'), daemon so they never
   * hold the JVM.
   */
  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops every server made here, then shuts down their executors; safe to call twice. */
  @Override
  public void close() {
    for (SlackServer s : servers) {
      s.stop();
    }
    servers.clear();
    for (SlackServerParts p : made) {
      p.retryTimer().shutdownNow();
      p.digestTimer().shutdownNow();
      shutdown(p.workers(), WORKER_SHUTDOWN_WAIT);
      p.io().shutdown();
    }
    made.clear();
  }

  private static void shutdown(ExecutorService pool, Duration wait) {
    pool.shutdown();
    try {
      pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
