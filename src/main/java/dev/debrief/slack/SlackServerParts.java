package dev.debrief.slack;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.metrics.Metrics;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Function;

/**
 * What {@link SlackServer} runs on, made by its caller (cli's {@code SlackWiring}; tests make their
 * own), which owns the executors and shuts them down after {@link SlackServer#stop()}.
 *
 * @param metrics counters and histograms, served on {@code /metrics}
 * @param workers runs answers, commands and button clicks off the request thread (its queue bounds
 *     the backlog; {@link SlackServer#awaitIdle} reads its task counts)
 * @param io posts placeholders at once, even while every worker is busy
 * @param retryTimer schedules the retries of questions while the report library is unreachable
 * @param digestTimer wakes the scheduled-digest pass
 * @param signedLinks signs viewer links to restricted reports; the one the answerer's citation
 *     links use
 * @param accessPolicy the access policy over a channel-member lookup (the Slack API's, known at
 *     start)
 * @param web makes the web server
 */
public record SlackServerParts(
    Metrics metrics,
    ThreadPoolExecutor workers,
    ThreadPoolExecutor io,
    ScheduledExecutorService retryTimer,
    ScheduledExecutorService digestTimer,
    SignedLinks signedLinks,
    Function<AccessPolicy.Membership, AccessPolicy> accessPolicy,
    WebServerFactory web) {
  public SlackServerParts {
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
