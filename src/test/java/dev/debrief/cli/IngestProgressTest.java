package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestProgressTest {
  @Test
  void aLargeBatchShowsRateAndTimeLeftFromAnInjectedClock() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(0);
    IngestProgress p =
        new IngestProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
    p.embedding(256, 10_240); // starts the clock
    now.set(2_000_000_000L);
    p.embedding(768, 10_240); // 512 passages in 2 s
    assertEquals(
        "\rembedding 768/10240 passages · 256 passages/s · about 37 s left",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void sentenceTextsEmbeddedAheadAreShownAsSentences() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(0);
    IngestProgress p =
        new IngestProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
    p.embeddingSentences(256, 1_280); // starts the clock
    now.set(1_000_000_000L);
    p.embeddingSentences(768, 1_280); // 512 sentences in 1 s
    assertEquals(
        "\rembedding 768/1280 sentences · 512 sentences/s · about 1 s left",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void filesAreCountedAndDurationsRead() {
    IngestProgress p =
        new IngestProgress(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> 0L);
    p.update(2, 5, "b.md");
    assertEquals(
        "2/5 files · embedding 1280/2560 passages · 100 passages/s · about 13 s left",
        p.line(1280, 2560, 10.24));
    assertEquals("45 s", IngestProgress.duration(45));
    assertEquals("3 min 5 s", IngestProgress.duration(185));
    assertEquals("1 h 2 min", IngestProgress.duration(3720));
  }
}
