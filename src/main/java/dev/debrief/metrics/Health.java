package dev.debrief.metrics;

import java.util.Map;

/**
 * The answer of {@code GET /healthz}.
 *
 * @param ok true when Debrief serves: the index is open, the model loaded, Slack's auth.test
 *     succeeded
 * @param detail a short human-readable reason, never a secret
 * @param checks each part and its state ({@code "ok"}, {@code "loading"}, {@code "waiting"}, {@code
 *     "failed: …"})
 */
public record Health(boolean ok, String detail, Map<String, String> checks) {
  public Health {
    checks =
        checks == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
  }

  /** A health answer without per-part checks. */
  public Health(boolean ok, String detail) {
    this(ok, detail, Map.of());
  }
}
