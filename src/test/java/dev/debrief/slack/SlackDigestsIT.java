package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.debrief.cite.CitationLinks;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.DigestSubscriptions;
import dev.debrief.digest.EventSummarizer;
import dev.debrief.digest.HashEmbedder;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import dev.debrief.model.Section;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /digest with summaries, subscriptions, scheduled posts, event briefs in Slack, App Home; real
 * Bolt, fake Slack.
 */
class SlackDigestsIT {
  @TempDir Path dir;
  Fixtures.ScriptedAnswerer answerer;
  Fixtures.Catalog catalog;
  FakeSlack slack;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    answerer = new Fixtures.ScriptedAnswerer();
    catalog = new Fixtures.Catalog(Fixtures.report());
    slack = new FakeSlack();
    slack.userZones.put("UASKER", "Europe/Berlin");
    h = harness();
  }

  /**
   * A bot whose digest scheduler runs only its catch-up at start-up by itself: the tick (a day)
   * never comes during a test, which runs what is due with {@code runDigestsNow()} instead of
   * waiting for ticks.
   */
  Harness harness() {
    SlackDigests digests = digests(catalog, dir.resolve("subscriptions.json"));
    return new Harness(
        answerer,
        catalog,
        dir,
        slack,
        server -> server.withDigests(digests).session().digestTick(Duration.ofDays(1)));
  }

  static SlackDigests digests(Fixtures.Catalog catalog, Path subscriptions) {
    HashEmbedder e = new HashEmbedder();
    CitationLinks links = new CitationLinks("http://viewer.test");
    Clock clock = Clock.systemUTC();
    return new SlackDigests(
        new DigestService(catalog, e, links, null, clock),
        new EventSummarizer(catalog, e, links, null),
        new DigestSubscriptions(subscriptions, clock),
        clock,
        "24h");
  }

  @AfterEach
  void stop() {
    h.close();
    slack.close();
  }

  private List<JsonObject> responses(String id) {
    return h.slack.responses.stream()
        .filter(r -> r.get("_path").getAsString().endsWith("/" + id))
        .toList();
  }

  private static String blocks(JsonObject response) {
    return response.has("blocks")
        ? response.get("blocks").toString()
        : response.get("text").getAsString();
  }

  @Test
  void digestHasCitedSummariesAndEscapesReportTextOnce() throws Exception {
    HttpResponse<String> ack = h.command("/digest", "7d", "C1", "d1");
    assertEquals(200, ack.statusCode());
    assertTrue(ack.body().contains("Working on your digest"), ack.body());
    h.idle();
    List<JsonObject> rs = responses("d1");
    assertEquals(1, rs.size());
    String b = blocks(rs.get(0));
    assertTrue(b.contains("*KubeCon EU 2017*"), b);
    assertTrue(b.contains("<http://viewer.test/reports/r0123456789ab|KubeCon Notes>"), b);
    assertTrue(b.contains(" [1]"), b);
    assertTrue(b.contains("1 report, 2 sections"), b);
    // injection strings from the report are inert, escaped exactly once
    assertFalse(b.contains("<!here>") || b.contains("<@U999>") || b.contains("<!subteam"), b);
    assertFalse(b.contains("&amp;amp;") || b.contains("&amp;lt;"), b);
    // dates in the asker's time zone (users.info tz)
    assertTrue(b.contains("CET") || b.contains("CEST"), b);
  }

  @Test
  void emptyWindowAndUnknownEvent() throws Exception {
    catalog.ingestedAt = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    h.command("/digest", "24h", "C1", "d-empty");
    h.command("/digest", "devoxx", "C1", "d-unknown");
    h.command("/digest", "kubecon", "C1", "d-event");
    h.idle();
    assertTrue(
        blocks(responses("d-empty").get(0)).contains("Nothing new since "),
        responses("d-empty").toString());
    String unknown = blocks(responses("d-unknown").get(0));
    assertTrue(
        unknown.contains(
            "I don't know an event called \\\"devoxx\\\". Known events: KubeCon EU 2017."),
        unknown);
    String event = blocks(responses("d-event").get(0));
    assertTrue(event.contains("KubeCon Notes") && event.contains("[1]"), event);
  }

  @Test
  void subscribeListUnsubscribeWithTheUsersTimeZone() throws Exception {
    h.command("/digest", "subscribe 08:30 kubecon eu", "C1", "s1");
    h.idle();
    String confirm = blocks(responses("s1").get(0));
    assertTrue(
        confirm.contains(
            "<#C1> gets a digest every day at 08:30 (Europe/Berlin) of new reports about KubeCon EU"
                + " 2017"),
        confirm);
    assertEquals(1, slack.calls("users.info").size());
    DigestSubscriptions stored =
        new DigestSubscriptions(dir.resolve("subscriptions.json"), Clock.systemUTC());
    assertEquals(1, stored.list().size());
    assertEquals("Europe/Berlin", stored.list().get(0).zone());
    assertEquals("KubeCon EU 2017", stored.list().get(0).event());

    // a user without a tz gets UTC; a bad time subscribes nothing
    slack.userZones.remove("UASKER");
    h.command("/digest", "subscribe", "C2", "s2");
    h.command("/digest", "subscribe 25:00", "C3", "s3");
    h.command("/digest", "subscribe 9 no such event", "C3", "s4");
    h.idle();
    assertTrue(
        blocks(responses("s2").get(0)).contains("at 09:00 (UTC) of every new report"),
        responses("s2").toString());
    assertTrue(
        blocks(responses("s3").get(0)).contains("couldn't read `25:00` as a time of day"),
        responses("s3").toString());
    assertTrue(
        blocks(responses("s4").get(0)).contains("Nothing was subscribed."),
        responses("s4").toString());

    h.command("/digest", "subscriptions", "C1", "l1");
    h.idle();
    assertTrue(
        blocks(responses("l1").get(0)).contains("daily at 08:30 (Europe/Berlin), KubeCon EU 2017"),
        responses("l1").toString());

    // App Home lists the subscriptions
    JsonObject e = new JsonObject();
    e.addProperty("type", "app_home_opened");
    e.addProperty("user", "UASKER");
    e.addProperty("channel", "D1");
    e.addProperty("tab", "home");
    e.addProperty("event_ts", "1.1");
    h.event(h.nextEventId(), e);
    h.idle();
    String view = slack.calls("views.publish").get(0).params().get("view");
    assertTrue(view.contains("<#C1>: daily at 08:30 (Europe/Berlin), KubeCon EU 2017"), view);
    assertTrue(view.contains("<#C2>: daily at 09:00 (UTC), all events"), view);

    h.command("/digest", "unsubscribe", "C1", "u1");
    h.idle();
    assertTrue(
        blocks(responses("u1").get(0)).contains("Removed 1 digest subscription from <#C1>"),
        responses("u1").toString());
    assertEquals(
        List.of("C2"),
        new DigestSubscriptions(dir.resolve("subscriptions.json"), Clock.systemUTC())
            .list().stream().map(DigestSubscriptions.Subscription::channel).toList());
  }

  @Test
  void missedScheduledDigestIsPostedOnceAtStartUpAndNotAgainAfterRestart() throws Exception {
    h.server.stop(); // the same fake Slack stays up across restarts
    // a subscription whose last digest was two days ago: the bot was down
    long twoDaysAgo = System.currentTimeMillis() - Duration.ofDays(2).toMillis();
    Files.writeString(
        dir.resolve("subscriptions.json"),
        "{\"version\":1,\"subscriptions\":[{\"channel\":\"C9\","
            + "\"time\":\"00:00\",\"zone\":\"UTC\",\"event\":\"\",\"createdBy\":\"U1\",\"createdAt\":"
            + twoDaysAgo
            + ",\"lastCoveredUntil\":"
            + twoDaysAgo
            + ",\"lastRunAt\":"
            + twoDaysAgo
            + "}]}");
    catalog.ingestedAt = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
    h = harness();
    assertTrue(
        slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(60)),
        "the catch-up at start-up posted");
    for (int i = 0; i < 3; i++) {
      assertEquals(
          List.of(), h.server.runDigestsNow(), "several scheduler ticks: nothing more is due");
    }
    h.idle();
    List<FakeSlack.Message> posted = slack.messagesIn("C9");
    assertEquals(1, posted.size(), "one catch-up digest");
    assertTrue(posted.get(0).blocks.contains("KubeCon Notes"), posted.get(0).blocks);
    assertTrue(posted.get(0).text.startsWith("Digest: 1 report, 2 sections"), posted.get(0).text);
    assertEquals(null, posted.get(0).threadTs);
    // restart: nothing is due until tomorrow's 00:00 UTC
    h.server.stop();
    h = harness();
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(), h.server.runDigestsNow(), "nothing is due after restart");
    }
    assertEquals(1, slack.messagesIn("C9").size(), "no repeat after restart");
    // the bot's own digest, echoed back as a message event, is never taken as a question
    JsonObject echo =
        Harness.message(
            "C9",
            "channel",
            posted.get(0).ts,
            null,
            FakeSlack.BOT_USER,
            "<@UDEBRIEF> summarize kubecon");
    echo.addProperty("bot_id", "BDEBRIEF");
    h.event(h.nextEventId(), echo);
    JsonObject dmEcho =
        Harness.message("D9", "im", "9.9", null, FakeSlack.BOT_USER, "summarize kubecon");
    dmEcho.addProperty("bot_id", "BDEBRIEF");
    h.event(h.nextEventId(), dmEcho);
    h.idle();
    assertEquals(1, slack.messagesIn("C9").size());
    assertEquals(0, slack.messagesIn("D9").size());
    assertTrue(answerer.questions.isEmpty());
  }

  @Test
  void summarizeByMentionAndByCommand() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.mention("C1", "5.1", null, "UASKER", "<@UDEBRIEF> summarize KubeCon EU 2017"));
    // "summarize" followed by something that is no event is an ordinary question
    h.event(
        h.nextEventId(),
        Harness.mention("C7", "6.1", null, "UASKER", "<@UDEBRIEF> summarize the storage talk"));
    h.command("/debrief", "summary kubecon", "C1", "b1");
    h.command("/debrief", "summary devoxx", "C1", "b2");
    h.command("/debrief", "summarize kubecon", "C1", "b3"); // the CLI's word works too
    h.idle();
    assertEquals(
        List.of("summarize the storage talk"),
        answerer.questions.stream().map(q -> q.text()).toList(),
        "a summarize request for an event is not a question; one for something else is");
    List<FakeSlack.Message> inThread = slack.messagesIn("C1");
    assertEquals(1, inThread.size());
    assertEquals("5.1", inThread.get(0).threadTs);
    String brief = inThread.get(0).blocks;
    assertTrue(brief.contains("KubeCon EU 2017 — event summary"), brief);
    assertTrue(brief.contains("Notable sessions") && brief.contains("[1]"), brief);
    assertFalse(brief.contains("<!here>"), brief);
    assertTrue(
        blocks(responses("b1").get(0)).contains("KubeCon EU 2017 — event summary"),
        responses("b1").toString());
    assertTrue(
        blocks(responses("b2").get(0)).contains("I don't know an event called"),
        responses("b2").toString());
    assertTrue(
        blocks(responses("b3").get(0)).contains("KubeCon EU 2017 — event summary"),
        responses("b3").toString());
  }

  @Test
  void longDigestsAreSplitWithinSlackLimits() throws Exception {
    List<Report> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add(bigReport(i));
    }
    catalog.reports.addAll(many);
    h.command("/digest", "7d", "C1", "long");
    h.idle();
    List<JsonObject> rs = responses("long");
    assertTrue(rs.size() >= 2 && rs.size() <= ResponseUrl.RESPONSE_URL_MAX, "parts: " + rs.size());
    for (JsonObject r : rs) {
      if (r.has("blocks")) {
        JsonArray blocks = r.getAsJsonArray("blocks");
        assertTrue(blocks.size() <= 50);
        for (JsonElement el : blocks) {
          JsonObject t = el.getAsJsonObject().getAsJsonObject("text");
          assertTrue(t == null || t.get("text").getAsString().length() <= 3000);
        }
        assertTrue(r.toString().length() < 13_000, "message size " + r.toString().length());
      }
    }
    String last = rs.get(rs.size() - 1).toString();
    assertTrue(last.contains("Try a shorter window") || last.contains("report"), last);
  }

  static Report bigReport(int i) {
    String id = String.format("r%012d", i + 1);
    String heading = "Session " + i;
    // six different statements (a digest shows no statement twice, so repeated ones would make it
    // short)
    String[] subjects = {
      "Consistent hashing",
      "Write-ahead logging",
      "Leader election",
      "Backpressure in queues",
      "Cache invalidation",
      "Vector clocks"
    };
    String[] claims = {
      "keeps rebalancing cheap when nodes join",
      "lets the storage engine recover after a crash",
      "decides which replica accepts writes",
      "stops fast producers from flooding slow consumers",
      "remains the hardest part of running a CDN",
      "order events without a global timestamp"
    };
    StringBuilder body = new StringBuilder();
    for (int s = 0; s < 6; s++) {
      body.append(subjects[s])
          .append(' ')
          .append(claims[s])
          .append(", according to speaker ")
          .append(i)
          .append(" of the systems track. ");
    }
    String text = heading + "\n\n" + body;
    int start = heading.length() + 2;
    Section sec = new Section(0, 1, heading, List.of(heading), "session-" + i, 0, text.length());
    Passage p =
        new Passage(
            Passage.idOf(id, 0),
            id,
            0,
            0,
            List.of(heading),
            "session-" + i,
            body.toString().strip(),
            start,
            start + body.toString().strip().length());
    ReportMeta meta =
        new ReportMeta(
            "Report number " + i + " with a fairly long title about systems",
            "Summit " + (i % 7),
            "2024-01-01",
            "Author " + i,
            "",
            List.of(),
            List.of());
    return new Report(
        id, "/r/" + id + ".md", "markdown", meta, text, List.of(sec), List.of(p), "h" + i);
  }
}
