package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.digest.DigestScheduler;
import dev.debrief.index.IngestResult;
import dev.debrief.state.Lease;
import dev.debrief.testing.SharedSolrCluster;
import dev.debrief.testing.SolrCluster;
import dev.debrief.testing.SolrTesting;
import dev.debrief.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, test (d): two {@code serve} replicas with the digest scheduler on one real SolrCloud
 * (subscriptions and the scheduler's lease in the shared state collection) and one fake Slack, time
 * from one injected clock that the test moves (the scheduler's own ticks are a day apart, so only
 * the test runs it). Each scheduled digest is posted once: by the lease holder, never by the other
 * replica even while a digest the holder failed to post stays due; when the holder stops renewing
 * (a crash) the other takes over once the lease expires and posts the next day's digests once, the
 * old holder then posting nothing; a replica that stops cleanly releases the lease at once.
 */
@ExtendWith(SharedSolrCluster.class)
class SlackReplicaDigestsIT {
  static final String DAY_ONE =
      """
      # Falcon retro

      ## Outcome

      The Falcon migration finished two weeks early and moved forty services to the new cluster.
      """;
  static final String DAY_TWO =
      """
      # Osprey kickoff

      ## Plan

      The Osprey project starts in January with a team of six and a budget review every month.
      """;

  @TempDir static Path dir;
  static TestClock clock;
  static Wiring w1;
  static Wiring w2;

  @BeforeAll
  static void start(SolrCluster cluster) {
    clock = new TestClock(Instant.now());
    w1 =
        new Wiring(SolrTesting.config(cluster, "it_digest_replicas"), dir.resolve("w1"), clock)
            .withEnv(SolrTesting.env());
    w2 =
        new Wiring(SolrTesting.config(cluster, "it_digest_replicas"), dir.resolve("w2"), clock)
            .withEnv(SolrTesting.env());
    w1.solrAdmin(line -> {}).init(1, 2, w1.config().embedding.model, Wiring.DIMENSION);
  }

  @AfterAll
  static void close() {
    for (Wiring w : new Wiring[] {w1, w2}) {
      if (w != null) {
        w.close();
      }
    }
  }

  private static Harness replica(Wiring w, FakeSlack slack, String name) {
    return Harness.replica(
        w.answerer(),
        w.catalog(),
        dir.resolve(name),
        slack,
        clock,
        w.stateStore(),
        s -> s.withDigests(w.slackDigests()).session().digestTick(Duration.ofDays(1)));
  }

  /** Moves the clock to one minute past the next 09:00 UTC. */
  private static void toNextNineAm() {
    Instant next = DigestScheduler.nextRun(LocalTime.of(9, 0), ZoneOffset.UTC, clock.instant());
    clock.advance(Duration.between(clock.instant(), next.plus(Duration.ofMinutes(1))));
  }

  private static void ingest(Wiring w, String name, String text) {
    IngestResult r =
        w.indexer()
            .ingestBytes(dir.resolve(name).toString(), name, text.getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r.failures().toString());
  }

  /** The digests posted in a channel: its top-level messages. */
  private static List<String> digests(FakeSlack slack, String channel) {
    return slack.messagesIn(channel).stream()
        .filter(m -> m.threadTs == null)
        .map(m -> m.blocks)
        .toList();
  }

  @Test
  void eachScheduledDigestIsPostedOnceByTheLeaseHolder() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.userZones.put("UASKER", "UTC");
      Harness r1 = replica(w1, slack, "r1");
      Harness r2 = replica(w2, slack, "r2");
      try {
        // Subscriptions made through either replica are shared.
        r1.command("/digest", "subscribe 09:00", "CONE", "s1");
        r2.command("/digest", "subscribe 09:00", "CTWO", "s2");
        r1.idle();
        r2.idle();
        assertEquals(
            List.of("CONE", "CTWO"),
            w2.digestSubscriptions().list().stream().map(s -> s.channel()).toList());

        clock.advance(Duration.ofMinutes(5));
        ingest(w1, "falcon.md", DAY_ONE);
        toNextNineAm();
        // Replica 1 runs first and takes the lease; Slack refuses its first post, so CONE's digest
        // stays due.
        slack.errorNext("chat.postMessage", "fatal_error");
        List<DigestScheduler.Run> first = r1.server.runDigestsNow();
        assertEquals(List.of("CTWO"), first.stream().map(DigestScheduler.Run::channel).toList());
        // Replica 2 sees CONE's digest due too, but it does not hold the lease: it posts nothing.
        assertEquals(List.of(), r2.server.runDigestsNow(), "only the lease holder posts");
        assertEquals(List.of(), digests(slack, "CONE"));
        // The holder retries after its retry wait (10 minutes) and posts it, once.
        clock.advance(Duration.ofMinutes(11));
        List<DigestScheduler.Run> retried = r1.server.runDigestsNow();
        assertEquals(List.of("CONE"), retried.stream().map(DigestScheduler.Run::channel).toList());
        assertEquals(List.of(), r2.server.runDigestsNow());
        assertEquals(List.of(), r1.server.runDigestsNow(), "nothing is due twice");
        for (String channel : List.of("CONE", "CTWO")) {
          List<String> posted = digests(slack, channel);
          assertEquals(1, posted.size(), channel + ": " + posted);
          assertTrue(posted.get(0).contains("Falcon retro"), posted.get(0));
        }
        Harness holder = r1;
        Harness other = r2;

        // The holder stops renewing (as if it crashed): after the lease expires, the other replica
        // takes over.
        clock.advance(Duration.ofMinutes(1));
        ingest(w2, "osprey.md", DAY_TWO);
        toNextNineAm();
        List<DigestScheduler.Run> takeover = other.server.runDigestsNow();
        List<DigestScheduler.Run> stale = holder.server.runDigestsNow();
        assertEquals(2, takeover.size(), takeover.toString());
        assertEquals(List.of(), stale, "the old holder's lease was taken over; it posts nothing");
        for (String channel : List.of("CONE", "CTWO")) {
          List<String> posted = digests(slack, channel);
          assertEquals(2, posted.size(), channel + ": " + posted);
          assertTrue(
              posted.get(1).contains("Osprey kickoff") && !posted.get(1).contains("Falcon retro"),
              "the second digest covers the second day only: " + posted.get(1));
        }

        // A clean stop releases the lease at once: a contender gets it without waiting for the
        // expiry.
        Lease probe =
            new Lease(
                w1.stateStore(), DigestScheduler.LEASE_NAME, "probe", Duration.ofMinutes(2), clock);
        assertFalse(probe.acquire(), "the replica that took over holds the lease");
        other.close();
        assertTrue(probe.acquire(), "released by the clean stop");
        probe.release();
        clock.advance(Duration.ofMinutes(1));
        ingest(w1, "falcon-again.md", DAY_ONE.replace("Falcon retro", "Falcon follow-up"));
        toNextNineAm();
        List<DigestScheduler.Run> after = holder.server.runDigestsNow();
        assertEquals(2, after.size(), after.toString());
        assertEquals(3, digests(slack, "CONE").size());
        assertTrue(
            digests(slack, "CTWO").get(2).contains("Falcon follow-up"),
            digests(slack, "CTWO").get(2));
      } finally {
        r1.close();
        r2.close();
      }
    }
  }
}
