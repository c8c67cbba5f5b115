package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.debrief.cli.Wiring;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streaming OpenAI-compatible server on loopback writes a cited answer in chunks over about three
 * seconds. Slack's placeholder shows the draft (chat.update) and is finally replaced by the
 * verified answer: still exactly one message in the thread.
 */
class SlackLlmStreamingIT {
  @TempDir Path dir;
  HttpServer llm;
  Wiring wiring;
  Harness h;

  static final List<String> CHUNKS =
      List.of(
          "The opening keynote ",
          "showed a live demo ",
          "of the new pod scheduler [1]. ",
          "The scheduler now places pods ",
          "by topology [1].");

  static String chunk(String content) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake-gpt\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + content
        + "\"},\"finish_reason\":null}]}";
  }

  @BeforeEach
  void start() throws Exception {
    llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    llm.createContext(
        "/v1/chat/completions",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/event-stream");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (String c : CHUNKS) {
              out.write(("data: " + chunk(c) + "\n\n").getBytes(StandardCharsets.UTF_8));
              out.flush();
              Thread.sleep(700);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    llm.start();
    wiring = Fixtures.openAiWiring(dir, llm.getAddress().getPort(), 15);
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
  void draftsShowInThePlaceholderThenOneVerifiedAnswer() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.mention(
            "CST",
            "99.1",
            null,
            "UASKER",
            "<@UDEBRIEF> What did the keynote demo about the pod scheduler?"));
    h.idle();
    List<FakeSlack.Message> ms = h.slack.messagesIn("CST");
    assertEquals(1, ms.size(), "exactly one message in the thread");
    FakeSlack.Message m = ms.get(0);
    assertEquals("99.1", m.threadTs);
    assertTrue(
        m.updates >= 2, "at least one draft and the final answer, got " + m.updates + " updates");
    assertTrue(m.blocks.contains("live demo of the new pod scheduler [1]"), m.blocks);
    assertTrue(m.blocks.contains("openai · fake-gpt"), m.blocks);
    assertFalse(m.blocks.contains("drafting"), "the final answer replaced the draft: " + m.blocks);
  }
}
