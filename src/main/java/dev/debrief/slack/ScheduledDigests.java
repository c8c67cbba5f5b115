package dev.debrief.slack;

import dev.debrief.digest.DigestScheduler;
import dev.debrief.state.Lease;
import dev.debrief.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@link SlackServer}'s scheduler of subscribed digests: it posts through the Slack API, and
 * only the replica holding the scheduled-digest lease in the shared {@link StateStore} runs a pass.
 * The server starts it on its digest timer and closes it at stop.
 */
final class ScheduledDigests {
  /** The server's logger: the scheduler's warnings belong to the running server. */
  private static final Logger LOG = LoggerFactory.getLogger(SlackServer.class);

  /**
   * How long the scheduled-digest lease lasts after each renewal: four ticks of 30 s, so a live
   * replica keeps it through a slow pass, and a dead one hands it over within two minutes.
   */
  static final Duration DIGEST_LEASE_TTL = Duration.ofMinutes(2);

  /** How long a digest that could not be posted waits before it is tried again. */
  private static final Duration RETRY_AFTER = Duration.ofMinutes(10);

  private ScheduledDigests() {}

  /**
   * A scheduler, not started.
   *
   * @param state where the lease is kept
   * @param replicaId this process among the replicas (the lease's holder id)
   * @param settle how long after a due time a pass waits (zero in tests)
   */
  static DigestScheduler scheduler(
      SlackDigests digests,
      SlackApi api,
      StateStore state,
      String replicaId,
      Clock clock,
      Duration settle) {
    Lease lease = new Lease(state, DigestScheduler.LEASE_NAME, replicaId, DIGEST_LEASE_TTL, clock);
    return new DigestScheduler(
        digests.subscriptions(),
        digests.digestService(),
        digests.poster(api),
        clock,
        RETRY_AFTER,
        settle,
        msg -> LOG.warn("{}", msg),
        lease);
  }
}
