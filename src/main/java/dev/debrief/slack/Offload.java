package dev.debrief.slack;

import dev.debrief.metrics.Metrics;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work to the answer workers so a listener can ack at once (Slack expects the ack within 3
 * seconds, https://api.slack.com/apis/events-api#responding); when the pool refuses it, counts and
 * logs instead of failing the ack.
 */
final class Offload {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);
  private final ExecutorService workers;
  private final Metrics metrics;

  Offload(ExecutorService workers, Metrics metrics) {
    this.workers = workers;
    this.metrics = metrics;
  }

  /**
   * Runs {@code work} on a worker, or drops it with a count and a warning when the queue is full.
   */
  void run(Runnable work) {
    try {
      workers.execute(work);
    } catch (RejectedExecutionException ex) {
      metrics.errors.labelValues("overloaded").inc();
      LOG.warn(
          "Work queue full ({} waiting); dropped a background task (a command or button click)",
          workers instanceof ThreadPoolExecutor t ? t.getQueue().size() : -1);
    }
  }
}
