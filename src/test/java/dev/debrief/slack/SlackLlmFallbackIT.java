package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.debrief.cli.Wiring;
import dev.debrief.llm.LlmComposer;
import dev.debrief.testing.TestLogs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * The LLM fallback end to end through the Slack handler: an OpenAI-compatible server on loopback
 * that answers 503 every time, the real LLM composer configured from settings, a real index, real
 * Bolt over HTTP. The user gets exactly one answer in the thread, the extractive one, and the
 * context line says it is a fallback.
 */
class SlackLlmFallbackIT {
  @TempDir Path dir;
  HttpServer llm;
  final AtomicInteger llmCalls = new AtomicInteger();
  Wiring wiring;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    llm.createContext(
        "/v1/chat/completions",
        ex -> {
          llmCalls.incrementAndGet();
          byte[] body =
              "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(503, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    llm.start();
    wiring = Fixtures.openAiWiring(dir, llm.getAddress().getPort(), 3);
    assertTrue(wiring.composer() instanceof LlmComposer, "the configured LLM is in use");
    h = new Harness(wiring.answerer(), wiring.catalog(), dir);
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    wiring.close();
    llm.stop(0);
  }

  @Test
  void llmFailureGivesExactlyOneExtractiveAnswerInTheThread() throws Exception {
    TestLogs.clear();
    h.event(
        h.nextEventId(),
        Harness.mention(
            "CFB",
            "88.1",
            null,
            "UASKER",
            "<@UDEBRIEF> What did the keynote demo about the pod scheduler?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("CFB");
    assertEquals(1, ms.size(), "exactly one answer");
    FakeSlack.Message m = ms.get(0);
    assertEquals("88.1", m.threadTs);
    assertTrue(llmCalls.get() >= 1, "the LLM was asked first");
    assertTrue(m.blocks.contains("scheduler"), m.blocks);
    assertTrue(m.blocks.contains("[1]"), m.blocks);
    assertTrue(m.blocks.contains("(fallback)"), "the context line says it fell back: " + m.blocks);
    assertEquals(
        List.of(
            "WARN dev.debrief.llm.LlmComposer - LLM answer failed (openai fake-gpt server error: HTTP 503);"
                + " using the extractive answer"),
        TestLogs.lines(Level.WARN));
  }
}
