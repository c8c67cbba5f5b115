package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /debrief, /digest, buttons, App Home, /healthz and /metrics. */
class SlackCommandsIT {
  @TempDir Path dir;
  Fixtures.ScriptedAnswerer answerer;
  Fixtures.Catalog catalog;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    answerer = new Fixtures.ScriptedAnswerer();
    catalog = new Fixtures.Catalog(Fixtures.report());
    h = new Harness(answerer, catalog, dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private List<JsonObject> responses(String id) {
    return h.slack.responses.stream()
        .filter(r -> r.get("_path").getAsString().endsWith("/" + id))
        .toList();
  }

  @Test
  void digestIsAckedBeforeItIsBuiltAndDeliveredViaResponseUrl() throws Exception {
    CountDownLatch ackSeen = new CountDownLatch(1);
    catalog.gate = ackSeen;
    HttpResponse<String> ack = h.command("/digest", "7d", "C1", "digest-1");
    // The digest cannot be built until the ack arrived: the ack does not wait for the work.
    ackSeen.countDown();
    assertEquals(200, ack.statusCode());
    assertTrue(ack.body().contains("Working on your digest"), ack.body());
    assertTrue(ack.body().contains("\"ephemeral\""), ack.body());
    h.idle();
    List<JsonObject> rs = responses("digest-1");
    assertEquals(1, rs.size());
    String blocks = rs.get(0).get("blocks").toString();
    assertTrue(blocks.contains("reports added in the last 7d* (1)"), blocks);
    assertTrue(blocks.contains("<http://viewer.test/reports/r0123456789ab|KubeCon Notes>"), blocks);
    assertTrue(blocks.contains("by Ada · KubeCon EU 2017 · 2017-03-30"), blocks);
    assertTrue(
        blocks.contains("<http://viewer.test/reports/r0123456789ab#storage|Storage>"), blocks);
  }

  @Test
  void digestWindowAndEventFilters() throws Exception {
    catalog.ingestedAt = System.currentTimeMillis() - 3L * 24 * 3600 * 1000;
    h.command("/digest", "24h", "C1", "d-24h");
    h.command("/digest", "kubecon eu", "C1", "d-event");
    h.command("/digest", "", "C1", "d-default");
    h.idle();
    assertTrue(responses("d-24h").get(0).toString().contains("(0)"));
    assertTrue(responses("d-event").get(0).toString().contains("reports about kubecon eu* (1)"));
    assertTrue(responses("d-default").get(0).toString().contains("last 24h* (0)"));
  }

  @Test
  void debriefAskIsEphemeralWithShareButtonAndShareposts() throws Exception {
    HttpResponse<String> ack = h.command("/debrief", "ask what about storage?", "C2", "ask-1");
    assertEquals(200, ack.statusCode());
    assertTrue(ack.body().contains("Looking through the reports"), ack.body());
    h.idle();
    List<JsonObject> rs = responses("ask-1");
    assertEquals(1, rs.size());
    JsonObject r = rs.get(0);
    assertEquals("ephemeral", r.get("response_type").getAsString());
    String blocks = r.get("blocks").toString();
    assertTrue(blocks.contains("debrief_share") && blocks.contains("Share in channel"), blocks);
    assertTrue(h.slack.calls("chat.postMessage").isEmpty(), "nothing public yet");
    String key =
        JsonParser.parseString(blocks).getAsJsonArray().asList().stream()
            .filter(b -> b.getAsJsonObject().get("type").getAsString().equals("actions"))
            .findFirst()
            .orElseThrow()
            .getAsJsonObject()
            .getAsJsonArray("elements")
            .get(0)
            .getAsJsonObject()
            .get("value")
            .getAsString();
    assertEquals(200, h.click(AnswerRenderer.SHARE, key, "C2", "share-1"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("C2");
    assertEquals(1, ms.size());
    assertTrue(ms.get(0).blocks.contains("shared by <@UCLICKER>"), ms.get(0).blocks);
    assertFalse(ms.get(0).blocks.contains("debrief_share"));
    assertTrue(responses("share-1").get(0).get("delete_original").getAsBoolean());
  }

  @Test
  void debriefReportsHelpAndUnknown() throws Exception {
    String reports = h.command("/debrief", "reports", "C3", "x").body();
    assertTrue(reports.contains("1 report indexed") && reports.contains("KubeCon Notes"), reports);
    String help = h.command("/debrief", "help", "C3", "x").body();
    assertTrue(help.contains("/debrief ask QUESTION"), help);
    String unknown = h.command("/debrief", "frobnicate <!here>", "C3", "x").body();
    assertTrue(
        unknown.contains("I don't know `frobnicate`") && unknown.contains("/debrief ask QUESTION"),
        unknown);
    String empty = h.command("/debrief", "", "C3", "x").body();
    assertTrue(empty.contains("/debrief ask QUESTION"), empty);
  }

  @Test
  void feedbackIsStoredCountedAndQuotesShown() throws Exception {
    h.event(h.nextEventId(), Harness.mention("C4", "1.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    String blocks = h.slack.messagesIn("C4").get(0).blocks;
    String key =
        JsonParser.parseString(blocks).getAsJsonArray().asList().stream()
            .filter(b -> b.getAsJsonObject().get("type").getAsString().equals("actions"))
            .findFirst()
            .orElseThrow()
            .getAsJsonObject()
            .getAsJsonArray("elements")
            .get(0)
            .getAsJsonObject()
            .get("value")
            .getAsString();
    assertEquals(200, h.click(AnswerRenderer.FEEDBACK_UP, key, "C4", "fb-1"));
    assertEquals(200, h.click(AnswerRenderer.FEEDBACK_DOWN, key, "C4", "fb-2"));
    assertEquals(200, h.click(AnswerRenderer.SHOW_QUOTES, key, "C4", "q-1"));
    h.idle();
    List<String> lines = Files.readAllLines(Path.of(h.config.slack.feedbackLog));
    assertEquals(2, lines.size());
    JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
    assertEquals("up", first.get("vote").getAsString());
    assertEquals("storage?", first.get("question").getAsString());
    assertEquals("UCLICKER", first.get("user").getAsString());
    String metrics = h.get("/metrics").body();
    assertTrue(metrics.contains("debrief_feedback_total{vote=\"up\"} 1"), metrics);
    assertTrue(metrics.contains("debrief_feedback_total{vote=\"down\"} 1"), metrics);
    String quotes = responses("q-1").get(0).toString();
    assertTrue(
        quotes.contains("&gt; Storage talks covered CSI drivers &amp; snapshots. Ops &lt;!here&gt;")
            || quotes.contains(
                "> Storage talks covered CSI drivers &amp; snapshots. Ops &lt;!here&gt;"),
        quotes);
  }

  @Test
  void appHomeIsPublished() throws Exception {
    JsonObject e = new JsonObject();
    e.addProperty("type", "app_home_opened");
    e.addProperty("user", "UASKER");
    e.addProperty("channel", "D1");
    e.addProperty("tab", "home");
    e.addProperty("event_ts", "1.1");
    assertEquals(200, h.event(h.nextEventId(), e));
    h.idle();
    List<FakeSlack.Call> calls = h.slack.calls("views.publish");
    assertEquals(1, calls.size());
    assertEquals("UASKER", calls.get(0).params().get("user_id"));
    String view = calls.get(0).params().get("view");
    assertTrue(view.contains("1 report from 1 event: KubeCon EU 2017"), view);
    assertTrue(view.contains("How to ask") && view.contains("Digest subscriptions"), view);
  }

  @Test
  void healthzAndMetrics() throws Exception {
    HttpResponse<String> health = h.get("/healthz");
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"ok\":true"));
    h.event(h.nextEventId(), Harness.mention("C5", "2.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    String metrics = h.get("/metrics").body();
    assertTrue(metrics.contains("debrief_slack_ack_seconds_count"), metrics);
    assertTrue(metrics.contains("debrief_answer_seconds_count 1"), metrics);
    assertTrue(metrics.contains("debrief_slack_requests_total{kind=\"event\"}"), metrics);
    assertTrue(metrics.contains("debrief_errors_total") || !metrics.contains("ERROR"));
  }
}
