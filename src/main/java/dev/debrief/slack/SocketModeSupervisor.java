package dev.debrief.slack;

import com.slack.api.socket_mode.SocketModeClient;
import dev.debrief.metrics.Metrics;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one live Socket Mode connection (https://api.slack.com/apis/socket-mode). Slack's {@code
 * disconnect} message is handled by the SDK client itself (it opens a new connection through {@code
 * apps.connections.open}, then closes the old one). This supervisor replaces the SDK's session
 * monitor, whose task stops for good when {@code apps.connections.open} answers {@code ok:false}
 * and which always waits a fixed 10 s: it checks the connection with a ping every interval (and at
 * once when a socket closes), and reconnects with exponential backoff and jitter (1 s, 2 s, 4 s …
 * capped at 60 s), resetting after a success.
 */
final class SocketModeSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeSupervisor.class);
  private static final long MAX_BACKOFF_MILLIS = 60_000;
  private static final long GRACE_MILLIS = 1500;

  private final SocketModeClient client;
  private final Duration interval;
  private final Metrics metrics;
  private final Object wake = new Object();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  SocketModeSupervisor(SocketModeClient client, Duration interval, Metrics metrics) {
    this.client = client;
    this.interval = interval;
    this.metrics = metrics;
    client.getSessionMonitorExecutor().ifPresent(e -> e.shutdownNow());
    client.addWebSocketCloseListener(
        (code, reason) -> {
          synchronized (wake) {
            wake.notifyAll();
          }
        });
    thread = new Thread(this::loop, "debrief-socket-mode-supervisor");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    int failures = 0;
    while (running.get()) {
      try {
        synchronized (wake) {
          wake.wait(interval.toMillis());
        }
        if (!running.get()) {
          return;
        }
        if (client.verifyConnection()) {
          failures = 0;
          continue;
        }
        // A new connection may still be in its handshake (e.g. right after a disconnect message):
        // look again.
        Thread.sleep(GRACE_MILLIS);
        if (client.verifyConnection()) {
          continue;
        }
        long delay =
            failures == 0 ? 0 : Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failures - 1, 16));
        if (delay > 0) {
          delay += ThreadLocalRandom.current().nextLong(delay / 4 + 1);
          LOG.info("Socket Mode reconnect attempt {} in {} ms", failures + 1, delay);
          Thread.sleep(delay);
        }
        if (!running.get() || client.verifyConnection()) {
          continue;
        }
        metrics.errors.labelValues("socket_reconnect").inc();
        client.connectToNewEndpoint();
        // give the handshake time before the next check
        Thread.sleep(Math.min(2000, Math.max(200, interval.toMillis())));
        failures = client.verifyConnection() ? 0 : failures + 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failures++;
        LOG.warn("Socket Mode reconnect failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    running.set(false);
    thread.interrupt();
  }
}
