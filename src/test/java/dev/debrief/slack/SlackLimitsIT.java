package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack size limits, splitting, rate limits and retries, against the strict fake. */
class SlackLimitsIT {
  @TempDir Path dir;
  Fixtures.ScriptedAnswerer answerer;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    answerer = new Fixtures.ScriptedAnswerer();
    h = new Harness(answerer, new Fixtures.Catalog(Fixtures.report()), dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  /** A 21,000-character answer of sentences with emoji, and 60 citations. */
  static Answer longAnswer(String question) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 21_000; i++) {
      text.append("Sentence ")
          .append(i)
          .append(" about storage & scheduling 👩🏽‍💻🇩🇪 is here [")
          .append(i % 60 + 1)
          .append("]. ");
      if (i % 7 == 6) {
        text.append("\n\n");
      }
    }
    List<Citation> cites = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      cites.add(
          new Citation(
              i,
              Fixtures.REPORT_ID,
              "Report number " + i + " with a rather long title to fill space",
              "Section " + i,
              "",
              Fixtures.P_STORAGE,
              "quote " + i));
    }
    return new Answer(
        question, text.toString(), true, cites, List.of(), "extractive", "", false, 0, 60);
  }

  private static String allText(List<FakeSlack.Message> ms) {
    StringBuilder b = new StringBuilder();
    for (FakeSlack.Message m : ms) {
      if (m.blocks == null || m.blocks.equals("[]")) {
        b.append(m.text).append('\n');
        continue;
      }
      for (JsonElement el : JsonParser.parseString(m.blocks).getAsJsonArray()) {
        JsonObject o = el.getAsJsonObject();
        if (o.has("text") && o.get("text").isJsonObject()) {
          b.append(o.getAsJsonObject("text").get("text").getAsString()).append('\n');
        }
      }
    }
    return b.toString();
  }

  @Test
  void longAnswerIsSplitWithinLimitsAndContinuesInTheThread() throws Exception {
    answerer.script = q -> longAnswer(q.text());
    h.event(
        h.nextEventId(), Harness.mention("C1", "10.1", null, "UASKER", "<@UDEBRIEF> everything?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("C1");
    assertTrue(ms.size() >= 2, "continued in follow-up messages: " + ms.size());
    for (FakeSlack.Message m : ms) {
      assertEquals("10.1", m.threadTs);
      JsonArray blocks = JsonParser.parseString(m.blocks).getAsJsonArray();
      assertTrue(blocks.size() <= 50);
      assertTrue(
          m.blocks.length() <= 12_000, "message under ~12,000 characters: " + m.blocks.length());
      assertNull(FakeSlack.checkBlocks(blocks));
      for (JsonElement el : blocks) {
        JsonObject o = el.getAsJsonObject();
        if (o.has("text") && o.get("text").isJsonObject()) {
          String t = o.getAsJsonObject("text").get("text").getAsString();
          assertTrue(
              !Character.isLowSurrogate(t.charAt(0))
                  && !Character.isHighSurrogate(t.charAt(t.length() - 1)),
              "no split inside a surrogate pair");
          assertTrue(
              !t.startsWith("\u200D") && !t.endsWith("\u200D"), "no split inside a ZWJ sequence");
        }
      }
      assertTrue(m.text != null && !m.text.isBlank(), "text fallback always set");
    }
    String all = allText(ms);
    String expected = Mrkdwn.escape(longAnswer("x").text());
    assertEquals(expected.replaceAll("\\s+", " ").strip(), extractAnswer(all), "nothing dropped");
    for (int i = 1; i <= 60; i++) {
      assertTrue(all.contains("Report number " + i + " with"), "source " + i);
    }
  }

  private static String extractAnswer(String all) {
    int cut = all.indexOf("*Sources*");
    return all.substring(0, cut).replaceAll("\\s+", " ").strip();
  }

  @Test
  void rateLimitedUpdateIsRetriedAfterRetryAfterAndAnswerArrivesOnce() throws Exception {
    h.slack.failNext("chat.update", 429, 1, 1);
    h.event(h.nextEventId(), Harness.mention("C2", "20.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    List<FakeSlack.Call> updates = h.slack.allCalls("chat.update");
    assertEquals(2, updates.size());
    assertEquals(429, updates.get(0).status());
    assertEquals(200, updates.get(1).status());
    long gapMillis = (updates.get(1).atNanos() - updates.get(0).atNanos()) / 1_000_000;
    assertTrue(gapMillis >= 1000, "Retry-After honoured, waited " + gapMillis + " ms");
    assertEquals(1, h.slack.messagesIn("C2").size());
    assertEquals(1, h.slack.messagesIn("C2").get(0).updates);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws Exception {
    h.slack.failNext("chat.postMessage", 500, 0, 2);
    h.event(h.nextEventId(), Harness.mention("C3", "30.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    assertEquals(3, h.slack.allCalls("chat.postMessage").size());
    assertEquals(1, h.slack.messagesIn("C3").size());
    assertTrue(h.slack.messagesIn("C3").get(0).blocks.contains("CSI drivers"));
  }

  @Test
  void refusedBlocksAreResentInASmallerFormNeverDropped() throws Exception {
    h.slack.errorNext("chat.update", "invalid_blocks");
    h.event(h.nextEventId(), Harness.mention("C4", "40.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("C4");
    assertEquals(1, ms.size());
    FakeSlack.Message m = ms.get(0);
    assertEquals("[]", m.blocks == null ? "[]" : m.blocks);
    List<FakeSlack.Call> updates = h.slack.allCalls("chat.update");
    assertEquals(2, updates.size());
    long gapMillis = (updates.get(1).atNanos() - updates.get(0).atNanos()) / 1_000_000;
    assertTrue(
        gapMillis >= 1000,
        "edits of one message at most once per second, got " + gapMillis + " ms");
    assertTrue(m.text.contains("Storage talks covered CSI drivers &amp; snapshots [1]"), m.text);
    assertTrue(m.text.contains("KubeCon Notes — Storage"), m.text);
  }

  @Test
  void msgTooLongFallsBackToTextPieces() throws Exception {
    answerer.script = q -> longAnswer(q.text());
    h.slack.errorNext("chat.update", "msg_too_long");
    h.event(
        h.nextEventId(), Harness.mention("C5", "50.1", null, "UASKER", "<@UDEBRIEF> everything?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("C5");
    assertTrue(ms.size() > 3);
    assertTrue(ms.stream().allMatch(m -> m.text.length() <= 3000));
    assertTrue(allText(ms).contains("Sentence 0 about storage"));
    assertTrue(allText(ms).contains("Report number 60 with"));
  }

  @Test
  void splitterKeepsEmojiAndEntitiesWhole() {
    String s = "a".repeat(2990) + "👩🏽‍💻".repeat(10) + "&amp;" + "b".repeat(3000);
    List<String> parts = TextSplitter.split(s, 3000);
    assertEquals(s, String.join("", parts));
    for (String p : parts) {
      assertTrue(p.length() <= 3000);
      assertTrue(!Character.isLowSurrogate(p.charAt(0)));
      assertTrue(
          !p.startsWith("\u200D") && !p.startsWith("\uD83C\uDFFD") && !p.startsWith("amp;"),
          p.substring(0, 5));
    }
    List<String> flags = TextSplitter.split("x".repeat(2999) + "🇩🇪🇫🇷" + "y".repeat(10), 3000);
    assertTrue(flags.get(1).startsWith("🇩🇪") || flags.get(1).startsWith("🇫🇷"), flags.get(1));
    List<String> words = TextSplitter.split("word ".repeat(1000), 3000);
    assertTrue(words.stream().allMatch(w -> w.endsWith("word")), "split at word boundaries");
    List<String> paras = TextSplitter.split(("p".repeat(1000) + "\n\n").repeat(5), 3000);
    assertEquals(
        "p".repeat(1000) + "\n\n" + "p".repeat(1000), paras.get(0), "split at a paragraph break");
  }

  @Test
  void escapingHappensExactlyOnce() {
    assertEquals("&amp; &lt;b&gt; &amp; x", Mrkdwn.escape("&amp; <b> & x"));
    assertEquals(
        "&lt;!here&gt; &lt;@U1&gt; &lt;!subteam^S1|x&gt;",
        Mrkdwn.escape("<!here> <@U1> <!subteam^S1|x>"));
    assertEquals("@\u2060channel", Mrkdwn.escape("@channel"));
    assertEquals(
        "<https://x.test/a?b=1&amp;c=%7C|T &lt;1&gt;>",
        Mrkdwn.link("https://x.test/a?b=1&c=|", "T <1>"));
    assertEquals("plain", Mrkdwn.link("javascript:alert(1)", "plain"));
  }
}
