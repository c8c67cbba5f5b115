package dev.debrief.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig.AnswerSettings;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmProvidersTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private final java.util.concurrent.ExecutorService attempts = LlmClient.newAttemptPool();

  @org.junit.jupiter.api.AfterEach
  void shutDown() {
    attempts.shutdownNow();
  }

  @Test
  void extractiveNeedsNoClientAndNoWarning() {
    LlmProviders.Setup s =
        LlmProviders.create(new AnswerSettings(), Map.of(), CLOCK, true, attempts);
    assertTrue(s.client().isEmpty());
    assertTrue(s.warning().isEmpty());
  }

  @Test
  void missingKeysGiveOneLineWarnings() {
    for (String p : new String[] {"openai", "anthropic", "gemini"}) {
      LlmProviders.Setup s =
          LlmProviders.create(Fixtures.settings(p, "", "", 20), Map.of(), CLOCK, false, attempts);
      assertTrue(s.client().isEmpty(), p);
      String w = s.warning().orElseThrow();
      assertFalse(w.contains("\n"));
      assertTrue(w.contains("_API_KEY") && w.contains("extractive"), w);
    }
  }

  @Test
  void fallbackComposerIsTheExtractiveOneWhenUnusable() {
    Fixtures.StubExtractive extractive = new Fixtures.StubExtractive();
    LlmProviders.ComposerSetup s =
        LlmProviders.composer(
            Fixtures.settings("anthropic", "", "", 20),
            Map.of(),
            null,
            extractive,
            CLOCK,
            false,
            attempts);
    assertSame(extractive, s.composer());
    assertTrue(s.warning().isPresent());
  }

  @Test
  void localOpenAiCompatibleServerNeedsNoKey() throws Exception {
    try (FakeLlmServer server = new FakeLlmServer()) {
      server.then(FakeLlmServer.json(200, FakeLlmServer.openAiCompletion("llama", "Hello there.")));
      LlmProviders.Setup s =
          LlmProviders.create(
              Fixtures.settings("openai", "llama", server.baseUrl() + "/v1", 5),
              Map.of(),
              CLOCK,
              true,
              attempts);
      assertTrue(s.warning().isEmpty());
      LlmClient c = s.client().orElseThrow();
      assertEquals("llama", c.model());
      assertEquals("Hello there.", c.complete("sys", "user", Duration.ofSeconds(5)));
      assertEquals(
          "Bearer " + LlmProviders.NO_KEY, server.received().get(0).header("Authorization"));
    }
  }

  @Test
  void unreachableServerIsAWarningAndNeverShowsTheKey() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    LlmProviders.Setup s =
        LlmProviders.create(
            Fixtures.settings("openai", "m", "http://127.0.0.1:" + port + "/v1", 5),
            Map.of("OPENAI_API_KEY", "sk-secret-value"),
            CLOCK,
            true,
            attempts);
    assertTrue(s.client().isEmpty());
    String w = s.warning().orElseThrow();
    assertTrue(w.contains("unreachable"), w);
    assertFalse(w.contains("sk-secret-value"));
  }

  @Test
  void defaultModelsPerProvider() {
    LlmProviders.Setup s =
        LlmProviders.create(
            Fixtures.settings("openai", "", "", 20),
            Map.of("OPENAI_API_KEY", "k"),
            CLOCK,
            false,
            attempts);
    assertEquals(LlmProviders.defaultModel("openai"), s.client().orElseThrow().model());
  }

  @Test
  void retryAfterParsesSecondsAndDates() {
    Clock fixed =
        Clock.fixed(java.time.Instant.parse("2031-05-04T10:00:00Z"), java.time.ZoneOffset.UTC);
    assertEquals(
        Duration.ofSeconds(3), StatusAwareHttpClient.parseRetryAfter("3", fixed).orElseThrow());
    assertEquals(
        Duration.ofSeconds(30),
        StatusAwareHttpClient.parseRetryAfter("Sun, 04 May 2031 10:00:30 GMT", fixed)
            .orElseThrow());
    assertTrue(StatusAwareHttpClient.parseRetryAfter("soon", fixed).isEmpty());
  }
}
