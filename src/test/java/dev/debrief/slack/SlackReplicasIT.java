package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.debrief.cli.Wiring;
import dev.debrief.testing.SharedSolrCluster;
import dev.debrief.testing.SolrCluster;
import dev.debrief.testing.SolrTesting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, test (b): two {@code serve} replicas of one Slack app — each a full {@link SlackServer}
 * (its own Bolt app over real HTTP, its own {@link Wiring}, SolrJ client and embedding model) — on
 * one real SolrCloud (report and state collections shared) and one fake Slack. The same event
 * delivered to both, and then retried to both, is answered once; a report shared in Slack through
 * one replica is answered by the other; a follow-up in a thread one replica answered is answered by
 * the other without a mention (thread memory is shared); and the uploader can remove it through the
 * other replica (the uploads registry is shared), while someone else cannot.
 */
@ExtendWith(SharedSolrCluster.class)
class SlackReplicasIT {
  static final String HERON =
      """
      ---
      title: Heron launch notes
      event: Planning Week 2026
      ---
      # Heron launch notes

      ## Timeline

      Project Heron launches in October after a two month beta with twelve design partners. The beta starts
      in August and the design partners get weekly builds.
      """;

  @TempDir static Path dir;
  static Wiring w1;
  static Wiring w2;

  @BeforeAll
  static void start(SolrCluster cluster) {
    w1 = replicaWiring(cluster, "w1");
    w2 = replicaWiring(cluster, "w2");
    w1.solrAdmin(line -> {}).init(2, 2, w1.config().embedding.model, Wiring.DIMENSION);
  }

  private static Wiring replicaWiring(SolrCluster cluster, String name) {
    Wiring w = SolrTesting.wiring(cluster, "it_replicas", dir.resolve(name));
    w.config().access.allowHosts = List.of("127.0.0.1");
    return w;
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
        Clock.systemUTC(),
        w.stateStore(),
        s -> s.withIntake(w.intake()).withSignedLinks(w.signedLinks()));
  }

  @Test
  void twoReplicasAnswerEachEventOnceAndShareReportsThreadsAndUploads() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.files.put(
          "F0HERON",
          new FakeSlack.FakeFile(
              "F0HERON",
              "heron-notes.md",
              "text/markdown",
              HERON.getBytes(StandardCharsets.UTF_8)));
      try (Harness r1 = replica(w1, slack, "r1");
          Harness r2 = replica(w2, slack, "r2")) {
        // A report shared through replica 1 ...
        assertEquals(200, r1.event("EvShare", fileShare("D0ANA", "100.1", "UANA", "F0HERON")));
        r1.idle();
        assertTrue(
            slack
                .messagesIn("D0ANA")
                .get(0)
                .text
                .startsWith(":white_check_mark: Added *Heron launch notes*"),
            slack.messagesIn("D0ANA").get(0).text);

        // ... is answered by replica 2.
        assertEquals(
            200,
            r2.event(
                "EvAsk",
                Harness.mention(
                    "CGENERAL",
                    "200.1",
                    null,
                    "UZOE",
                    "<@UDEBRIEF> When does Project Heron launch?")));
        r2.idle();
        List<FakeSlack.Message> general = slack.messagesIn("CGENERAL");
        assertEquals(1, general.size());
        assertTrue(general.get(0).blocks.contains("October"), general.get(0).blocks);

        // The same event to both replicas at once, then Slack's retry of it to both: one answer.
        JsonObject dup =
            Harness.mention(
                "CDUP", "300.1", null, "UZOE", "<@UDEBRIEF> When does the Heron beta start?");
        List<Integer> acks = deliverToBoth(r1, r2, "EvDup", dup, Map.of());
        acks.addAll(
            deliverToBoth(
                r1,
                r2,
                "EvDup",
                dup,
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")));
        assertEquals(List.of(200, 200, 200, 200), acks, "every delivery is acknowledged");
        r1.idle();
        r2.idle();
        List<FakeSlack.Message> dups = slack.messagesIn("CDUP");
        assertEquals(
            1, dups.size(), "one answer for one event delivered four times to two replicas");
        assertEquals("300.1", dups.get(0).threadTs);
        assertTrue(dups.get(0).blocks.contains("August"), dups.get(0).blocks);

        // A thread replica 1 answered: a follow-up without a mention, delivered to replica 2, is
        // answered there.
        r1.event(
            "EvThread",
            Harness.mention(
                "CTHREAD", "400.1", null, "UZOE", "<@UDEBRIEF> When does Project Heron launch?"));
        r1.idle();
        assertEquals(1, slack.messagesIn("CTHREAD").size());
        r2.event(
            "EvFollow",
            Harness.message(
                "CTHREAD",
                "channel",
                "400.2",
                "400.1",
                "UZOE",
                "How many design partners are in the beta?"));
        r2.idle();
        List<FakeSlack.Message> thread = slack.messagesIn("CTHREAD");
        assertEquals(
            2,
            thread.size(),
            "the follow-up in a thread replica 1 answered is answered by replica 2");
        assertEquals("400.1", thread.get(1).threadTs);
        assertTrue(thread.get(1).blocks.contains("twelve"), thread.get(1).blocks);

        // The uploads registry is shared: replica 2 knows who added the report.
        r2.command("/debrief", "remove Heron launch notes", "D0BEN", "rm-ben", "UBEN");
        r2.idle();
        assertEquals(
            ":warning: Only the person who added \"Heron launch notes\" or an admin can remove it.",
            lastResponse(slack, "rm-ben"));
        r2.command("/debrief", "remove Heron launch notes", "D0ANA", "rm-ana", "UANA");
        r2.idle();
        assertTrue(
            lastResponse(slack, "rm-ana")
                .startsWith(":wastebasket: Removed \"Heron launch notes\" ("),
            lastResponse(slack, "rm-ana"));
        assertEquals(List.of(), w1.catalog().list(), "removed for replica 1 too");
      }
    }
  }

  /** Posts one event to both replicas at the same time; returns their HTTP statuses. */
  private static List<Integer> deliverToBoth(
      Harness r1, Harness r2, String eventId, JsonObject event, Map<String, String> headers)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> both =
          List.of(() -> r1.event(eventId, event, headers), () -> r2.event(eventId, event, headers));
      List<Integer> statuses = new java.util.ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(both)) {
        statuses.add(f.get(60, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String lastResponse(FakeSlack slack, String id) {
    return slack.responses.stream()
        .filter(r -> r.get("_path").getAsString().equals("/response/" + id))
        .reduce((a, b) -> b)
        .orElseThrow()
        .get("text")
        .getAsString();
  }

  private static JsonObject fileShare(String channel, String ts, String user, String fileId) {
    JsonObject e = Harness.message(channel, "im", ts, null, user, "");
    e.addProperty("subtype", "file_share");
    JsonArray files = new JsonArray();
    JsonObject f = new JsonObject();
    f.addProperty("id", fileId);
    files.add(f);
    e.add("files", files);
    return e;
  }
}
