package dev.debrief.llm;

import static dev.debrief.llm.FakeLlmServer.json;
import static dev.debrief.llm.FakeLlmServer.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.config.DebriefConfig.AnswerSettings;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic and Gemini requests against loopback fakes of their HTTP APIs: path, headers, body
 * shape.
 */
class OtherProvidersTest {
  private final java.util.concurrent.ExecutorService attempts = LlmClient.newAttemptPool();
  private static final String REPLY =
      "The snapshot controller copies volumes lazily, so backups finish in "
          + "minutes rather than hours [2].";
  private FakeLlmServer server;
  private Fixtures.StubExtractive extractive;

  @BeforeEach
  void start() throws Exception {
    server = new FakeLlmServer();
    extractive = new Fixtures.StubExtractive();
  }

  @AfterEach
  void stop() {
    attempts.shutdownNow();
    server.close();
  }

  private LlmComposer composer(AnswerSettings s, Map<String, String> env) {
    LlmProviders.ComposerSetup setup =
        LlmProviders.composer(
            s, env, MiniLmTestEmbedder.shared(), extractive, Clock.systemUTC(), true, attempts);
    assertTrue(setup.warning().isEmpty(), () -> setup.warning().get());
    return (LlmComposer) setup.composer();
  }

  @Test
  void anthropicMessagesApi() {
    server.then(
        json(
            200,
            "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
                + "\"content\":[{\"type\":\"text\",\"text\":"
                + quote(REPLY)
                + "}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":100,\"output_tokens\":20}}"));
    AnswerSettings s = Fixtures.settings("anthropic", "claude-test", server.baseUrl() + "/v1/", 10);
    Answer a =
        composer(s, Map.of("ANTHROPIC_API_KEY", "ak-test"))
            .compose(Question.of("how do backups work?"), Fixtures.HITS);

    assertTrue(a.answered(), a.text());
    assertEquals("anthropic", a.provider());
    assertEquals("claude-test", a.model());
    assertEquals("r1-p0007", a.citations().get(0).passageId());
    FakeLlmServer.Received r = server.received().get(0);
    assertEquals("/v1/messages", r.path());
    assertEquals("ak-test", r.header("x-api-key"));
    assertEquals("2023-06-01", r.header("anthropic-version"));
    assertEquals(null, r.header("Authorization"));
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertEquals("claude-test", body.get("model").getAsString());
    assertEquals(600, body.get("max_tokens").getAsInt());
    assertTrue(body.has("system"), "system prompt sent as top-level system");
    assertEquals(
        "user", body.getAsJsonArray("messages").get(0).getAsJsonObject().get("role").getAsString());
    assertTrue(r.body().contains("copies volumes lazily"), "passages in prompt");
  }

  @Test
  void geminiGenerateContent() {
    server.then(
        json(
            200,
            "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                + quote(REPLY)
                + "}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":100,"
                + "\"candidatesTokenCount\":20,\"totalTokenCount\":120},\"modelVersion\":\"gemini-test\"}"));
    AnswerSettings s = Fixtures.settings("gemini", "gemini-test", server.baseUrl() + "/v1beta", 10);
    Answer a =
        composer(s, Map.of("GEMINI_API_KEY", "gk-test"))
            .compose(Question.of("how do backups work?"), Fixtures.HITS);

    assertTrue(a.answered(), a.text());
    assertEquals("gemini", a.provider());
    FakeLlmServer.Received r = server.received().get(0);
    assertEquals("POST", r.method());
    assertEquals("/v1beta/models/gemini-test:generateContent", r.path());
    boolean keyInHeader = "gk-test".equals(r.header("x-goog-api-key"));
    boolean keyInQuery = r.query() != null && r.query().contains("key=gk-test");
    assertTrue(keyInHeader || keyInQuery, "API key sent");
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertTrue(body.has("contents"));
    assertEquals(
        "user", body.getAsJsonArray("contents").get(0).getAsJsonObject().get("role").getAsString());
    assertTrue(body.has("systemInstruction"), r.body());
    assertEquals(600, body.getAsJsonObject("generationConfig").get("maxOutputTokens").getAsInt());
    assertTrue(r.body().contains("copies volumes lazily"), "passages in prompt");
  }

  @Test
  void anthropicOverloadedFallsBack() {
    server.then(
        json(
            529,
            "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
    AnswerSettings s = Fixtures.settings("anthropic", "claude-test", server.baseUrl() + "/v1/", 10);
    LlmComposer.Outcome o =
        composer(s, Map.of("ANTHROPIC_API_KEY", "ak-test"))
            .compose(Question.of("how do backups work?"), Fixtures.HITS, null);
    assertTrue(o.answer().fallback());
    assertFalse(o.answer().provider().equals("anthropic"));
    assertEquals(1, server.received().size());
  }
}
