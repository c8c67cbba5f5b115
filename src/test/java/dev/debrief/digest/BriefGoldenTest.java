package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Briefs and a digest of a small invented corpus (files in {@code golden/} beside this test): a
 * polished post with a conclusion section and raw bullet notes of one event, a plain-text report
 * with title-like lines, and raw notes whose talks are lines above their bullets. Each brief's
 * exact text is the golden file {@code golden/<event>.brief.txt}; the digest's is {@code
 * golden/digest.txt}. Real ingest and Lucene, the deterministic {@link HashEmbedder}. To rewrite
 * the golden files after a deliberate change, run with {@code -Dgolden.update=true} and read the
 * diff.
 */
class BriefGoldenTest {
  static final List<String> FILES =
      List.of("harbor-polished.md", "harbor-notes.md", "lakeside.txt", "orbit.md");

  @TempDir Path tmp;
  TestClock clock;
  Corpus corpus;

  @BeforeEach
  void setUp() throws IOException {
    clock = new TestClock("2031-06-01T08:00:00Z");
    corpus = new Corpus(tmp, clock);
    for (String f : FILES) {
      corpus.add(f, resource(f));
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @AfterEach
  void tearDown() {
    corpus.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Harbor Summit 2031", "Lakeside DevDays 2030", "Orbit Conf 2029"})
  void briefMatchesItsGoldenFile(String event) throws IOException {
    EventSummarizer summarizer =
        new EventSummarizer(corpus.catalog, corpus.embedder, corpus.links, null);
    EventSummary s = summarizer.summarize(event, null).summary().orElseThrow();
    String file =
        event.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".brief.txt";
    assertGolden(file, DigestText.summary(s, DigestText.Style.PLAIN) + "\n");
  }

  @Test
  void digestMatchesItsGoldenFile() throws IOException {
    DigestService service =
        new DigestService(corpus.catalog, corpus.embedder, corpus.links, null, clock);
    Digest d = service.digest(Instant.parse("2031-06-01T00:00:00Z"), clock.instant(), "", null);
    assertGolden(
        "digest.txt", DigestText.digest(d, ZoneId.of("UTC"), DigestText.Style.PLAIN) + "\n");
  }

  private static void assertGolden(String file, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path p = Path.of("src/test/resources/dev/debrief/digest/golden", file);
      Files.writeString(p, actual, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(resource(file), actual, file);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = BriefGoldenTest.class.getResourceAsStream("golden/" + name)) {
      if (in == null) {
        throw new IOException(
            "no golden file " + name + " (run with -Dgolden.update=true to write it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
