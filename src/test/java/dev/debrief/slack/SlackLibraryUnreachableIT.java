package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.index.IngestResult;
import dev.debrief.testing.SharedSolrCluster;
import dev.debrief.testing.SolrCluster;
import dev.debrief.testing.SolrTesting;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 7 while serving: the real Bolt app on the Solr backend of a real SolrCloud, both
 * Solr nodes stopped. A mention gets "the report library is unreachable right now" in place of the
 * placeholder (never silence), {@code /healthz} answers 503 and says why, and once the nodes are
 * back the same message is replaced by the answer: one message, never a second answer.
 */
@ExtendWith(SharedSolrCluster.class)
class SlackLibraryUnreachableIT {
  /** Longest wait for a message or a health state (the cluster restarts two nodes in between). */
  private static final Duration WAIT = Duration.ofSeconds(180);

  /** Pause between two looks at the fake Slack. */
  private static final Duration POLL = Duration.ofMillis(100);

  @TempDir static Path dir;
  static SolrCluster cluster;
  static Wiring wiring;

  @BeforeAll
  static void ingest(SolrCluster shared) throws Exception {
    cluster = shared;
    wiring = SolrTesting.wiring(cluster, "it_slack", dir.resolve("w"));
    wiring.config().solr.attempts = 2;
    wiring.config().solr.backoffMillis = 50;
    wiring.solrAdmin(line -> {}).init(1, 2, wiring.config().embedding.model, Wiring.DIMENSION);
    IngestResult r =
        wiring
            .indexer()
            .ingestBytes(
                dir + "/keynote.md",
                "keynote.md",
                SlackEndToEndIT.KEYNOTE.getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r.failures().toString());
  }

  @AfterAll
  static void close() {
    if (wiring != null) {
      wiring.close();
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  @Test
  void aQuestionWhileSolrIsDownIsToldSoAndAnsweredInTheSameMessageOnceItIsBack() throws Exception {
    List<Duration> retries = Collections.nCopies(90, Duration.ofSeconds(2));
    try (Harness h =
        new Harness(
            wiring.answerer(),
            wiring.catalog(),
            dir,
            new FakeSlack(),
            server -> server.session().libraryRetryDelays(retries))) {
      assertEquals(200, h.get("/healthz").statusCode());
      cluster.stopNode(0);
      cluster.stopNode(1);
      try {
        h.event(
            h.nextEventId(),
            Harness.mention(
                "CSOLR",
                "91.1",
                null,
                "UASKER",
                "<@UDEBRIEF> What did the keynote demo about the pod scheduler?"));
        await(
            "the unreachable notice",
            () ->
                h.slack.messagesIn("CSOLR").size() == 1
                    && AnswerFlow.UNREACHABLE.equals(h.slack.messagesIn("CSOLR").get(0).text));
        HttpResponse<String> health = h.get("/healthz");
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"ok\":false"), health.body());
        assertTrue(
            health
                .body()
                .contains(
                    "the report library is unreachable right now: Solr at "
                        + cluster.urls().get(0)),
            health.body());
      } finally {
        cluster.startNode(0);
        cluster.startNode(1);
      }
      await(
          "the answer in the same message",
          () -> {
            FakeSlack.Message m = h.slack.messagesIn("CSOLR").get(0);
            return m.blocks != null && m.blocks.contains("scheduler") && m.blocks.contains("[1]");
          });
      List<FakeSlack.Message> messages = h.slack.messagesIn("CSOLR");
      assertEquals(
          1, messages.size(), "one message: the placeholder, edited; never a second answer");
      assertEquals("91.1", messages.get(0).threadTs);
      await(
          "/healthz ok again",
          () -> {
            try {
              return h.get("/healthz").statusCode() == 200;
            } catch (Exception e) {
              return false;
            }
          });
    }
  }
}
