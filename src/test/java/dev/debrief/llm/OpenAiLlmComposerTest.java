package dev.debrief.llm;

import static dev.debrief.llm.FakeLlmServer.json;
import static dev.debrief.llm.FakeLlmServer.openAiChunk;
import static dev.debrief.llm.FakeLlmServer.openAiCompletion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.answer.AnswerComposer;
import dev.debrief.config.DebriefConfig.AnswerSettings;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible path end to end against a loopback fake of /v1/chat/completions. */
class OpenAiLlmComposerTest {
  private final java.util.concurrent.ExecutorService attempts = LlmClient.newAttemptPool();
  private static final String MODEL = "fake-gpt";
  private static final String KEY = "sk-test-123";

  private final TestClock clock = new TestClock("2031-05-10T09:00:00Z");
  private final ClockedWaits waits = new ClockedWaits(clock);
  private FakeLlmServer server;
  private Fixtures.StubExtractive extractive;

  @BeforeEach
  void start() throws Exception {
    server = new FakeLlmServer(clock);
    extractive = new Fixtures.StubExtractive();
  }

  @AfterEach
  void stop() {
    attempts.shutdownNow();
    server.close();
  }

  private LlmComposer composer(int timeoutSeconds, boolean markUnverified) {
    return composer(timeoutSeconds, markUnverified, extractive);
  }

  private LlmComposer composer(
      int timeoutSeconds, boolean markUnverified, AnswerComposer fallback) {
    AnswerSettings s = Fixtures.settings("openai", MODEL, server.baseUrl() + "/v1", timeoutSeconds);
    s.markUnverified = markUnverified;
    LlmProviders.ComposerSetup setup =
        LlmProviders.composer(
            s,
            Map.of("OPENAI_API_KEY", KEY),
            MiniLmTestEmbedder.shared(),
            fallback,
            clock,
            true,
            attempts);
    assertTrue(setup.warning().isEmpty(), () -> setup.warning().get());
    // the same composer, waiting on the test clock (Retry-After, the budget) instead of the wall
    // clock
    LlmClient client = ((LlmComposer) setup.composer()).client().withWaits(waits);
    return new LlmComposer(client, s, MiniLmTestEmbedder.shared(), fallback, clock);
  }

  private static Question question() {
    return new Question(
        "how many people came, and how do backups work now?",
        List.of("who gave the keynote?"),
        null);
  }

  /** Checks the request the way a real OpenAI server would see it, and returns its prompt text. */
  private static String checkRequest(FakeLlmServer.Received r) {
    assertEquals("POST", r.method());
    assertEquals("/v1/chat/completions", r.path());
    assertEquals("Bearer " + KEY, r.header("Authorization"));
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals(MODEL, body.get("model").getAsString());
    JsonArray messages = body.getAsJsonArray("messages");
    assertEquals("system", messages.get(0).getAsJsonObject().get("role").getAsString());
    assertEquals("user", messages.get(1).getAsJsonObject().get("role").getAsString());
    String user = messages.get(1).getAsJsonObject().get("content").getAsString();
    assertTrue(
        messages.get(0).getAsJsonObject().get("content").getAsString().contains("[n]")
            || messages
                .get(0)
                .getAsJsonObject()
                .get("content")
                .getAsString()
                .contains("square brackets"));
    return user;
  }

  private static int passagesIn(String prompt) {
    Matcher m = Pattern.compile("(?m)^\\[(\\d+)] Report: ").matcher(prompt);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void correctlyCitedAnswerKeepsItsCitations() {
    server.then(
        json(
            200,
            openAiCompletion(
                MODEL,
                "About 2,300 people came to the conference in Lisbon [1]. "
                    + "The new snapshot controller copies volumes lazily, so backups finish in minutes [2].")));
    Answer a = composer(10, false).compose(question(), Fixtures.HITS);

    assertTrue(a.answered());
    assertFalse(a.fallback());
    assertEquals("openai", a.provider());
    assertEquals(MODEL, a.model());
    assertEquals(0, a.unverified());
    assertEquals(2, a.citations().size());
    assertEquals("r1-p0001", a.citations().get(0).passageId());
    assertEquals("r1-p0007", a.citations().get(1).passageId());
    assertTrue(a.text().contains("[1]") && a.text().contains("[2]"), a.text());
    assertEquals(0, extractive.calls.get());

    List<FakeLlmServer.Received> got = server.received();
    assertEquals(1, got.size());
    String prompt = checkRequest(got.get(0));
    for (var h : Fixtures.HITS) {
      assertTrue(prompt.contains(h.text()), "prompt carries passage " + h.passageId());
    }
    assertTrue(
        prompt.contains("Event: CloudConf 2031")
            && prompt.contains("Section: Day 1 › Storage track")
            && prompt.contains("Date: 2031-05-04"));
    assertTrue(prompt.contains("who gave the keynote?"), "earlier question in prompt");
    assertTrue(prompt.contains("Question: how many people came"));
  }

  @Test
  void outOfRangeMarkerIsDropped() {
    server.then(
        json(
            200,
            openAiCompletion(
                MODEL,
                "About 2,300 people came to the conference in Lisbon [1][7]. Backups finish in minutes [7].")));
    Answer a = composer(10, false).compose(question(), Fixtures.HITS);

    assertTrue(a.answered());
    assertFalse(a.text().contains("[7]"), a.text());
    // the second sentence lost its only marker; it is supported by passage 2 and cites it instead
    assertEquals(
        List.of("r1-p0001", "r1-p0007"), a.citations().stream().map(c -> c.passageId()).toList());
    assertTrue(a.text().matches("(?s).*\\[1].*\\[2].*"), a.text());
  }

  @Test
  void unsupportedClaimIsRemovedOrMarked() {
    String reply =
        "About 2,300 people came to the conference in Lisbon [1]. "
            + "Next year the conference moves to Madrid and doubles its ticket price [1].";
    server
        .then(json(200, openAiCompletion(MODEL, reply)))
        .then(json(200, openAiCompletion(MODEL, reply)));
    Answer removed = composer(10, false).compose(question(), Fixtures.HITS);
    assertEquals(1, removed.unverified());
    assertFalse(removed.text().contains("Madrid"), removed.text());
    assertEquals(1, removed.citations().size());

    Answer marked = composer(10, true).compose(question(), Fixtures.HITS);
    assertEquals(1, marked.unverified());
    assertTrue(
        marked.text().contains("Madrid and doubles its ticket price (unverified)."), marked.text());
    assertFalse(
        marked.text().matches("(?s).*Madrid[^\\[]*\\[\\d].*"),
        "never shown as cited: " + marked.text());
  }

  @Test
  void replyWithNothingVerifiedGivesTheExtractiveAnswerMarkedAsFallback() {
    server.then(json(200, openAiCompletion(MODEL, "The keynote speaker was Ada Lovelace [1].")));
    LlmComposer.Outcome o = composer(10, false).compose(question(), Fixtures.HITS, null);
    Answer a = o.answer();
    assertTrue(a.answered(), a.text());
    assertTrue(a.fallback());
    assertEquals("Extractive: " + Fixtures.HITS.get(0).text() + " [1]", a.text());
    assertEquals(
        "openai reply had no sentence its passages support", o.fallbackReason().orElseThrow());
    assertEquals(1, extractive.calls.get());
  }

  @Test
  void replyWithNothingVerifiedOnEvidenceTheExtractiveComposerRefusesBecomesHonestRefusal() {
    server.then(json(200, openAiCompletion(MODEL, "The keynote speaker was Ada Lovelace [1].")));
    AnswerComposer refusing =
        (q, hits) ->
            new Answer(q.text(), "no", false, List.of(), List.of(), "extractive", "", false, 0, 0);
    Answer a = composer(10, false, refusing).compose(question(), Fixtures.HITS);
    assertFalse(a.answered());
    assertFalse(a.fallback());
    assertTrue(
        a.text().startsWith("The reports I have don't cover that")
            && a.text().contains("Closest I found: “Opening keynote”"),
        a.text());
    assertEquals(3, a.closest().size());
    assertTrue(a.citations().isEmpty());
    assertEquals(1, a.unverified());
  }

  @Test
  void rateLimitWithRetryAfterIsHonouredWithinBudget() {
    server
        .then(
            json(
                429,
                "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}",
                Map.of("Retry-After", "1")))
        .then(json(200, openAiCompletion(MODEL, "About 2,300 people came to the conference [1].")));
    Instant t0 = clock.instant();
    Answer a = composer(10, false).compose(question(), Fixtures.HITS);
    assertTrue(a.answered());
    assertFalse(a.fallback());
    List<FakeLlmServer.Received> got = server.received();
    assertEquals(2, got.size());
    long gapMillis = Duration.between(got.get(0).at(), got.get(1).at()).toMillis();
    assertTrue(gapMillis >= 950, "waited for Retry-After: " + gapMillis + " ms");
    assertTrue(Duration.between(t0, clock.instant()).toMillis() < 8000);
    assertEquals(List.of(Duration.ofSeconds(1)), waits.sleeps());
  }

  @Test
  void rateLimitBeyondBudgetFallsBackAtOnce() {
    server.then(json(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "30")));
    Instant t0 = clock.instant();
    LlmComposer.Outcome o = composer(3, false).compose(question(), Fixtures.HITS, null);
    assertTrue(o.answer().fallback());
    assertEquals("extractive", o.answer().provider());
    assertTrue(
        o.fallbackReason().orElseThrow().contains("rate limited"), o.fallbackReason().toString());
    assertTrue(Duration.between(t0, clock.instant()).toMillis() < 2500, "did not wait 30 s");
    assertEquals(List.of(), waits.sleeps(), "did not wait 30 s");
    assertEquals(1, server.received().size());
  }

  @Test
  void hangingServerFallsBackWhenTheBudgetEnds() {
    server.then(FakeLlmServer.hang(60));
    waits.stallWhen(server.held());
    Instant t0 = clock.instant();
    LlmComposer.Outcome o = composer(2, false).compose(question(), Fixtures.HITS, null);
    long ms = Duration.between(t0, clock.instant()).toMillis();
    assertTrue(o.answer().fallback());
    assertEquals("extractive", o.answer().provider());
    assertTrue(o.answer().text().startsWith("Extractive:"));
    assertEquals(1, extractive.calls.get(), "exactly one answer");
    assertTrue(
        o.fallbackReason().orElseThrow().contains("timed out"), o.fallbackReason().toString());
    assertTrue(ms >= 1900 && ms < 4000, "returned after the 2 s budget, took " + ms + " ms");
  }

  @Test
  void contextLengthExceededRetriesOnceWithFewerPassages() {
    server
        .then(
            json(
                400,
                "{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens.\","
                    + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"))
        .then(
            json(
                200,
                openAiCompletion(
                    MODEL, "About 2,300 people came to the conference in Lisbon [1].")));
    Answer a = composer(10, false).compose(question(), Fixtures.HITS);
    assertTrue(a.answered());
    assertFalse(a.fallback());
    List<FakeLlmServer.Received> got = server.received();
    assertEquals(2, got.size());
    int first = passagesIn(checkRequest(got.get(0)));
    int second = passagesIn(checkRequest(got.get(1)));
    assertEquals(4, first);
    assertEquals(2, second);
    assertEquals(2, a.passagesUsed());
  }

  @Test
  void contextLengthExceededTwiceFallsBack() {
    String tooLong = "{\"error\":{\"message\":\"too long\",\"code\":\"context_length_exceeded\"}}";
    server.then(json(400, tooLong)).then(json(400, tooLong));
    LlmComposer.Outcome o = composer(10, false).compose(question(), Fixtures.HITS, null);
    assertTrue(o.answer().fallback());
    assertEquals(2, server.received().size());
  }

  @Test
  void serverErrorEmptyAndGarbledRepliesFallBack() {
    server
        .then(json(503, "{\"error\":{\"message\":\"overloaded\"}}"))
        .then(json(200, openAiCompletion(MODEL, "")))
        .then(json(200, "<html>not json</html>"))
        .then(json(200, openAiCompletion(MODEL, "<|im_end|>")));
    LlmComposer c = composer(10, false);
    for (int i = 0; i < 4; i++) {
      LlmComposer.Outcome o = c.compose(question(), Fixtures.HITS, null);
      assertTrue(o.answer().fallback(), "reply " + i);
      assertEquals("extractive", o.answer().provider());
    }
    assertEquals(4, extractive.calls.get());
  }

  @Test
  void streamedReplyReportsProgressAtMostOncePerSecond() {
    List<String> chunks = new ArrayList<>();
    String[] parts = {
      "About 2,300 ",
      "people came ",
      "to the conference ",
      "in Lisbon [1]. ",
      "The snapshot ",
      "controller copies ",
      "volumes lazily, so ",
      "backups finish ",
      "in minutes [2]."
    };
    for (String p : parts) {
      chunks.add(openAiChunk(MODEL, p, null));
    }
    chunks.add(openAiChunk(MODEL, null, "stop"));
    chunks.add("[DONE]");
    server.then(FakeLlmServer.sse(chunks, Duration.ofMillis(300), clock));
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    List<String> drafts = Collections.synchronizedList(new ArrayList<>());
    LlmComposer.Outcome o =
        composer(10, false)
            .compose(
                question(),
                Fixtures.HITS,
                draft -> {
                  times.add(clock.millis());
                  drafts.add(draft);
                });
    Answer a = o.answer();
    assertTrue(a.answered(), a.text());
    assertFalse(a.fallback());
    assertEquals(2, a.citations().size());
    JsonObject body = JsonParser.parseString(server.received().get(0).body()).getAsJsonObject();
    assertTrue(body.get("stream").getAsBoolean());
    assertFalse(drafts.isEmpty(), "progress reported");
    assertTrue(drafts.size() <= 3, "at most once per second over ~3.3 s: " + drafts.size());
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i) - times.get(i - 1) >= 990);
    }
    for (String d : drafts) {
      assertFalse(d.contains("["), "drafts carry no unverified markers: " + d);
    }
  }

  @Test
  void completeServesDigestsToo() {
    server.then(json(200, openAiCompletion(MODEL, "A short digest.")));
    LlmClient client = composer(10, false).client();
    assertEquals(
        "A short digest.", client.complete("Summarise.", "Some text.", Duration.ofSeconds(5)));
    assertNotNull(server.received().get(0).body());
  }
}
