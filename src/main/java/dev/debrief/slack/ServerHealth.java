package dev.debrief.slack;

import dev.debrief.index.IndexUnavailableException;
import dev.debrief.index.ReportCatalog;
import dev.debrief.metrics.Health;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /healthz} answer of {@code debrief serve}: ok once every start-up check passed ({@link
 * Readiness}), auth.test succeeded and Slack traffic is accepted, and while the index stays
 * readable and the report library answers. An unreachable library (SolrCloud down) is not a broken
 * index: questions get the unreachable notice and are retried. Thread-safe.
 */
final class ServerHealth {
  // the log category stays the server's, as before this was split out of it (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);
  private final ReportCatalog catalog;
  private final Readiness readiness;
  private volatile boolean authOk;
  private volatile boolean accepting;
  private volatile String indexProblem = "not started";

  ServerHealth(ReportCatalog catalog, Readiness readiness) {
    this.catalog = catalog;
    this.readiness = readiness;
  }

  /** auth.test passed. */
  void authenticated() {
    authOk = true;
  }

  /** Whether Slack traffic is accepted (true once connected, false once stopped). */
  void accepting(boolean on) {
    accepting = on;
  }

  /** Reads the index once; a start-up failure when it cannot be read. */
  void checkIndexOrFail() {
    checkIndex();
    if (!indexProblem.isEmpty()) {
      throw new SlackStartupException("The index cannot be read (" + indexProblem + ")");
    }
  }

  /** Reads the index once and remembers what is wrong with it ("" when nothing). */
  void checkIndex() {
    try {
      catalog.list();
      indexProblem = "";
    } catch (IndexUnavailableException e) {
      indexProblem =
          ""; // the library is unreachable, not broken: questions get the unreachable notice and
      // retries
      LOG.info(
          "The report library is unreachable for now; questions will be retried: {}",
          e.getMessage());
    } catch (RuntimeException e) {
      indexProblem = "index not readable: " + e.getClass().getSimpleName();
    }
  }

  /** The /healthz answer; {@code checks} names each part ({@link Readiness}). */
  Health health() {
    if (!indexProblem.isEmpty() && accepting) {
      checkIndex();
    }
    Map<String, String> checks = readiness.snapshot();
    if (!authOk || !readiness.allOk() || !accepting) {
      String pending = readiness.pending();
      return new Health(
          false,
          pending.isEmpty() ? "starting: connecting to Slack" : "starting: " + pending,
          checks);
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
}
