package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.debrief.testing.TestLogs;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * Real Bolt over real HTTP (Javalin) against the fake Slack Web API: mentions, threads, dedupe,
 * signatures.
 */
class SlackHttpIT {
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

  private FakeSlack.Message onlyAnswer(String channel) {
    List<FakeSlack.Message> ms = h.slack.messagesIn(channel);
    assertEquals(1, ms.size(), "exactly one message in " + channel + ": " + ms.size());
    return ms.get(0);
  }

  @Test
  void mentionIsAnsweredInItsThreadWithCitationLinks() throws Exception {
    assertEquals(
        200,
        h.event(
            h.nextEventId(),
            Harness.mention(
                "C1",
                "100.000001",
                null,
                "UASKER",
                "<@" + FakeSlack.BOT_USER + "> what about storage?")));
    h.idle();
    FakeSlack.Message m = onlyAnswer("C1");
    assertEquals(
        "100.000001", m.threadTs, "answered in the thread of the question, never in the channel");
    assertEquals(1, m.updates, "placeholder replaced once by the answer");
    assertTrue(m.text.contains("Storage talks covered CSI drivers &amp; snapshots [1]"), m.text);
    assertTrue(
        m.blocks.contains(
            "<http://viewer.test/reports/r0123456789ab?p=r0123456789ab-p0001|KubeCon Notes — Storage>"),
        m.blocks);
    assertTrue(
        m.blocks.contains(
            "<https://example.com/kubecon?a=1&amp;b=2#keynote|KubeCon Notes — Keynote>"),
        m.blocks);
    assertTrue(
        m.blocks.contains("debrief_feedback_up") && m.blocks.contains("debrief_show_quotes"),
        m.blocks);
    assertTrue(m.blocks.contains("1 report, 2 passages · answered by extractive"), m.blocks);
    FakeSlack.Call placeholder = h.slack.calls("chat.postMessage").get(0);
    assertTrue(
        List.of("0", "false").contains(placeholder.params().get("unfurl_links")),
        placeholder.params().toString());
    assertTrue(
        List.of("0", "false").contains(placeholder.params().get("unfurl_media")),
        placeholder.params().toString());
    assertEquals("what about storage?", answerer.questions.get(0).text());
    assertEquals(List.of("C1"), answerer.questions.get(0).filters().allowedChannels());
  }

  @Test
  void mentionInsideAThreadAnswersInThatThread() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.mention("C1", "101.000002", "101.000001", "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    assertEquals("101.000001", onlyAnswer("C1").threadTs);
  }

  @Test
  void retriesRedeliveriesAndEditsGiveOneAnswer() throws Exception {
    JsonObject e = Harness.mention("C2", "200.000001", null, "UASKER", "<@UDEBRIEF> storage?");
    assertEquals(200, h.event("EvSame", e));
    assertEquals(
        200,
        h.event(
            "EvSame", e, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")));
    assertEquals(
        200,
        h.event(
            "EvSame", e, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout")));
    // the message event of the same message (new event id), and an edit (app_mention again, same
    // ts)
    assertEquals(
        200,
        h.event(
            h.nextEventId(),
            Harness.message(
                "C2", "channel", "200.000001", null, "UASKER", "<@UDEBRIEF> storage?")));
    JsonObject edited =
        Harness.mention("C2", "200.000001", null, "UASKER", "<@UDEBRIEF> storage, edited?");
    JsonObject ed = new JsonObject();
    ed.addProperty("user", "UASKER");
    ed.addProperty("ts", "200.000009");
    edited.add("edited", ed);
    assertEquals(200, h.event(h.nextEventId(), edited));
    // a message edited to add the mention arrives as message_changed
    JsonObject changed = Harness.message("C2", "channel", "200.000010", null, "UASKER", "x");
    changed.addProperty("subtype", "message_changed");
    assertEquals(200, h.event(h.nextEventId(), changed));
    h.idle();
    onlyAnswer("C2");
    assertEquals(1, answerer.questions.size());
    assertEquals(1, h.slack.calls("chat.update").size());
  }

  @Test
  void editOfAnUnansweredMessageIsIgnored() throws Exception {
    JsonObject edited =
        Harness.mention("C2b", "201.000001", null, "UASKER", "<@UDEBRIEF> added a mention");
    JsonObject ed = new JsonObject();
    ed.addProperty("user", "UASKER");
    ed.addProperty("ts", "201.000002");
    edited.add("edited", ed);
    assertEquals(200, h.event(h.nextEventId(), edited));
    h.idle();
    assertTrue(h.slack.messagesIn("C2b").isEmpty());
  }

  @Test
  void selfBotAndSubtypeMessagesAreIgnored() throws Exception {
    assertEquals(
        200,
        h.event(
            h.nextEventId(),
            Harness.mention(
                "C3", "300.1", null, FakeSlack.BOT_USER, "<@UDEBRIEF> talking to myself")));
    JsonObject bot = Harness.mention("C3", "300.2", null, "UOTHER", "<@UDEBRIEF> from a bot");
    bot.addProperty("bot_id", "BOTHER");
    assertEquals(200, h.event(h.nextEventId(), bot));
    JsonObject dmFromBot = Harness.message("D3", "im", "300.3", null, "UOTHER", "hello");
    dmFromBot.addProperty("bot_id", "BOTHER");
    assertEquals(200, h.event(h.nextEventId(), dmFromBot));
    JsonObject dmFromMe =
        Harness.message("D3", "im", "300.4", null, FakeSlack.BOT_USER, "my own answer");
    assertEquals(200, h.event(h.nextEventId(), dmFromMe));
    for (String subtype :
        List.of("message_changed", "message_deleted", "channel_join", "bot_message")) {
      JsonObject m = Harness.message("D3", "im", "300.5", null, "UASKER", "x");
      m.addProperty("subtype", subtype);
      assertEquals(200, h.event(h.nextEventId(), m), subtype);
    }
    h.idle();
    assertTrue(h.slack.calls("chat.postMessage").isEmpty());
    assertTrue(answerer.questions.isEmpty());
  }

  @Test
  void directMessageIsAnsweredDirectly() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.message("D1", "im", "400.1", null, "UASKER", "what about storage?"));
    h.idle();
    FakeSlack.Message m = onlyAnswer("D1");
    assertNull(m.threadTs, "a DM is answered in the DM, not in a thread");
    assertTrue(m.blocks.contains("CSI drivers"));
  }

  @Test
  void followUpInAnsweredThreadNeedsNoMentionAndCarriesHistory() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.mention("C4", "500.1", null, "UASKER", "<@UDEBRIEF> what about the keynote?"));
    h.idle();
    h.event(
        h.nextEventId(),
        Harness.message("C4", "channel", "500.2", "500.1", "UASKER", "and what about storage?"));
    // a message in a thread Debrief never answered is not for Debrief
    h.event(
        h.nextEventId(),
        Harness.message("C4", "channel", "500.4", "500.3", "UASKER", "unrelated chatter"));
    h.idle();
    assertEquals(2, answerer.questions.size());
    assertEquals("and what about storage?", answerer.questions.get(1).text());
    assertEquals(List.of("what about the keynote?"), answerer.questions.get(1).history());
    // the follow-up carries the earlier answer and the passages it cited
    dev.debrief.model.Question.Turn previous = answerer.questions.get(1).previous();
    assertEquals("what about the keynote?", previous.question());
    assertEquals(
        "Storage talks covered CSI drivers & snapshots [1]. The keynote had a demo [2].",
        previous.answer());
    assertEquals(
        Fixtures.storageAnswer(answerer.questions.get(0)).citations().stream()
            .map(dev.debrief.model.Citation::passageId)
            .toList(),
        previous.cited());
    assertEquals(2, h.slack.messagesIn("C4").size());
    assertTrue(h.slack.messagesIn("C4").stream().allMatch(m -> "500.1".equals(m.threadTs)));
  }

  @Test
  void injectionStringsAreInert() throws Exception {
    answerer.script =
        q ->
            new dev.debrief.model.Answer(
                q.text(),
                "Ping <!channel> and <!everyone> and <@U123> and "
                    + "<!subteam^S9|devs>, @here, &amp; <script>, see <https://evil.test|click> [1].",
                true,
                Fixtures.storageAnswer(q).citations(),
                List.of(),
                "openai",
                "<!here>-model",
                false,
                0,
                1);
    h.event(
        h.nextEventId(),
        Harness.mention(
            "C5", "600.1", null, "UASKER", "<@UDEBRIEF> <!channel> tell <@U777> &amp; all"));
    h.idle();
    FakeSlack.Message m = onlyAnswer("C5");
    for (String s : List.of(m.text, m.blocks)) {
      for (String live :
          List.of(
              "<!channel>",
              "<!everyone>",
              "<!here>",
              "<@U123>",
              "<@U999>",
              "<!subteam",
              "<https://evil.test",
              "&amp;amp;",
              "<script>")) {
        assertFalse(s.contains(live), live + " must not be live in " + s);
      }
      assertFalse(
          s.matches("(?s).*(?<!\u2060)@here.*") && s.contains("@here,"), "bare @here neutralized");
    }
    assertTrue(m.blocks.contains("&lt;!channel&gt;"), m.blocks);
    assertTrue(m.blocks.contains("&amp; &lt;script&gt;"), m.blocks);
    assertEquals(
        "<!channel> tell <@U777> &amp; all",
        answerer.questions.get(0).text(),
        "question text passed as typed");
  }

  @Test
  void badSignaturesAndStaleTimestampsAre401AndNothingRuns() throws Exception {
    JsonObject env = new JsonObject();
    env.addProperty("type", "event_callback");
    env.addProperty("team_id", "T0FAKE");
    env.addProperty("event_id", "EvBad");
    env.add("event", Harness.mention("C6", "700.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    byte[] body = env.toString().getBytes(StandardCharsets.UTF_8);
    String now = Long.toString(System.currentTimeMillis() / 1000);
    assertEquals(
        401,
        h.postRaw(body, "application/json", now, "v0=" + "0".repeat(64), Map.of()).statusCode());
    assertEquals(401, h.postRaw(body, "application/json", null, null, Map.of()).statusCode());
    String old = Long.toString(System.currentTimeMillis() / 1000 - 301);
    assertEquals(
        401,
        h.postRaw(body, "application/json", old, h.signer.sign(old, body), Map.of()).statusCode());
    String future = Long.toString(System.currentTimeMillis() / 1000 + 301);
    assertEquals(
        401,
        h.postRaw(body, "application/json", future, h.signer.sign(future, body), Map.of())
            .statusCode());
    byte[] tampered = env.toString().replace("storage", "st0rage").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        401,
        h.postRaw(tampered, "application/json", now, h.signer.sign(now, body), Map.of())
            .statusCode());
    h.idle();
    assertTrue(h.slack.calls.stream().noneMatch(c -> !c.method().equals("auth.test")));
    assertTrue(answerer.questions.isEmpty());
  }

  @Test
  void malformedBodiesAre400() throws Exception {
    assertEquals(
        400,
        h.postSigned("{\"type\":\"event_callback\",", "application/json", Map.of()).statusCode());
    assertEquals(
        400,
        h.postSigned("payload=%7Bnot-json", "application/x-www-form-urlencoded", Map.of())
            .statusCode());
    assertEquals(
        400,
        h.postSigned("foo=bar&baz", "application/x-www-form-urlencoded", Map.of()).statusCode());
    assertEquals(400, h.postSigned("[1,2,3]", "application/json", Map.of()).statusCode());
  }

  @Test
  void signatureIsOverRawBytesIncludingPunctuationAndEmoji() throws Exception {
    String text = "<@UDEBRIEF> *bold* ~strike~ it's great! 🎉👩🏽‍💻 naïve";
    assertEquals(
        200, h.event(h.nextEventId(), Harness.mention("C7", "800.1", null, "UASKER", text)));
    HttpResponse<String> r =
        h.command("/debrief", "ask what's *new*? ~x~ 'q' ! 🚀", "C7", "r-emoji");
    assertEquals(200, r.statusCode());
    h.idle();
    assertTrue(
        answerer.questions.stream()
            .anyMatch(q -> q.text().equals("*bold* ~strike~ it's great! 🎉👩🏽‍💻 naïve")));
    assertTrue(
        answerer.questions.stream().anyMatch(q -> q.text().equals("what's *new*? ~x~ 'q' ! 🚀")));
  }

  @Test
  void urlVerificationIsAnswered() throws Exception {
    HttpResponse<String> r =
        h.postSigned(
            "{\"token\":\"t\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}",
            "application/json",
            Map.of());
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("abc123"), r.body());
  }

  @Test
  void veryLongQuestionIsTrimmedPolitely() throws Exception {
    String q = "storage ".repeat(5000) + "what did the storage panel discuss?";
    h.event(h.nextEventId(), Harness.mention("C8", "900.1", null, "UASKER", "<@UDEBRIEF> " + q));
    h.idle();
    String asked = answerer.questions.get(0).text();
    // the end is kept, from a word's start: 4,000 chars less the partial first word
    assertEquals(3995, asked.length(), "trimmed to the limit");
    assertTrue(asked.startsWith("storage storage"), asked.substring(0, 40));
    assertTrue(
        asked.endsWith("what did the storage panel discuss?"), "the question at the end is kept");
    FakeSlack.Message m = onlyAnswer("C8");
    assertTrue(
        m.blocks.contains("your question was 40,035 characters; I used the last 3,995"), m.blocks);
  }

  @Test
  void answererFailureGivesAShortReasonNotAStackTrace() throws Exception {
    answerer.script =
        q -> {
          throw new IllegalStateException("boom at dev.debrief.Secret.method(Secret.java:42)");
        };
    TestLogs.clear();
    h.event(
        h.nextEventId(), Harness.mention("C9", "950.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    FakeSlack.Message m = onlyAnswer("C9");
    assertTrue(m.text.startsWith(":warning: Sorry, I couldn't answer that"), m.text);
    assertFalse(
        m.text.contains("boom") || m.text.contains("Exception") || m.text.contains("Secret.java"),
        m.text);
    String ref = m.text.replaceAll("(?s).*\\(ref ([0-9a-f]+)\\).*", "$1");
    assertEquals(
        List.of(
            "ERROR dev.debrief.slack.DebriefBot - Answering failed (ref "
                + ref
                + "): "
                + "java.lang.IllegalStateException: boom at dev.debrief.Secret.method(Secret.java:42)"),
        TestLogs.lines(Level.ERROR),
        "the log has the reason under the reference the thread shows");
  }
}
