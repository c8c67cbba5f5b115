package dev.debrief.slack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code debrief serve} waits for before it accepts Slack traffic, and where each part stands,
 * for {@code /healthz}: {@code "index"} (the index opens and lists its reports), {@code "model"}
 * (the embedding model is loaded and has embedded a text; registered by the command that wires it)
 * and {@code "slack"} ({@code auth.test} succeeded). Each is {@value #WAITING}, {@value #LOADING},
 * {@value #OK} or {@code "failed: …"}. Thread-safe.
 */
public final class Readiness {
  /** Not started yet. */
  public static final String WAITING = "waiting";

  /** Running now. */
  public static final String LOADING = "loading";

  /** Ready. */
  public static final String OK = "ok";

  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  private final Map<String, String> checks = new LinkedHashMap<>();

  /** Registers checks that will run (each {@value #WAITING} until it does). */
  public synchronized Readiness expect(String... names) {
    for (String n : names) {
      checks.putIfAbsent(n, WAITING);
    }
    return this;
  }

  /**
   * Runs one check now: {@value #LOADING} while it runs, then {@value #OK}, or {@code "failed: …"}
   * and the exception is rethrown.
   */
  public void run(String name, Runnable check) {
    set(name, LOADING);
    long start = System.nanoTime();
    try {
      check.run();
    } catch (RuntimeException | Error e) {
      set(
          name,
          "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      throw e;
    }
    set(name, OK);
    LOG.debug(
        "Ready: {} ({} ms)",
        name,
        String.format(Locale.ROOT, "%.0f", (System.nanoTime() - start) / 1e6));
  }

  private synchronized void set(String name, String state) {
    checks.put(name, state);
  }

  /** Every check and its state, in registration order. */
  public synchronized Map<String, String> snapshot() {
    return new LinkedHashMap<>(checks);
  }

  /** True when every registered check is {@value #OK}. */
  public synchronized boolean allOk() {
    return checks.values().stream().allMatch(OK::equals);
  }

  /** The checks not ready yet, e.g. {@code "model loading, slack waiting"}; "" when all are. */
  public synchronized String pending() {
    StringBuilder b = new StringBuilder();
    checks.forEach(
        (n, s) -> {
          if (!OK.equals(s)) {
            b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(s);
          }
        });
    return b.toString();
  }
}
