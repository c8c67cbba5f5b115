package dev.debrief.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.Indexer;
import dev.debrief.index.IngestResult;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ask page in headless Chromium over a real index (the LibreOffice-made .docx and .pptx, the
 * real ONNX model, the extractive composer): a question typed and submitted with Enter, the cited
 * answer shown, its first citation clicked, and the viewer showing the cited passage highlighted in
 * view. Skips, saying so, when Chromium is absent.
 */
class AskPageChromiumIT {
  static final Path OFFICE = Path.of("src/test/resources/dev/debrief/ingest/office");
  @TempDir static Path tmp;
  static Wiring wiring;
  static WebServer web;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        Chromium.available(),
        "headless Chromium not found (install Debian's chromium package; .ci/run does)");
    wiring = new Wiring(DebriefConfig.defaults(), tmp.resolve("index"), Clock.systemUTC());
    IngestResult r =
        wiring
            .indexer()
            .ingestPaths(
                List.of(OFFICE.resolve("heron-summit.docx"), OFFICE.resolve("heron-keynote.pptx")),
                false,
                Indexer.Progress.NONE);
    assertEquals(2, r.added(), r.failures().toString());
    web =
        new WebServer(
                wiring.catalog(),
                "http://127.0.0.1",
                new Metrics(),
                () -> new Health(true, "ok"),
                null,
                "127.0.0.1",
                0)
            .withAsk(wiring.askSite(null, null));
    web.start();
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.stop();
    }
    if (wiring != null) {
      wiring.close();
    }
  }

  @Test
  void aTypedQuestionGetsACitedAnswerWhoseCitationOpensTheHighlightedPassage() throws Exception {
    String base = "http://127.0.0.1:" + web.port();
    try (Chromium browser = Chromium.open(tmp, base + "/", 1000, 800)) {
      browser.eval("document.getElementById('q').focus(); 'ok'");
      browser.type("who halved p99 write latency with night-time compaction?");
      browser.pressEnter();
      browser.waitForPage(base + "/ask?q=");
      assertEquals(
          "true", browser.eval("String(document.querySelector('#answer.answered') !== null)"));
      String answer = browser.eval("document.querySelector('#answer .answer-text').innerText");
      assertTrue(answer.contains("Night-time compaction halved p99 write latency"), answer);
      assertTrue(answer.matches("(?s).*\\[1].*"), answer);
      String firstSource =
          browser.eval("document.querySelector('#sources li a.source-link').innerText");
      assertEquals("Heron Summit 2026: platform track notes — Sessions we attended", firstSource);

      browser.click("#answer a.cite");
      browser.waitForPage(base + "/reports/");
      JsonObject g =
          JsonParser.parseString(
                  browser.eval(
                      "(() => { const el = document.querySelector('.passage.highlight');"
                          + " if (!el) return '{}'; const r = el.getBoundingClientRect(); return JSON.stringify({top: r.top,"
                          + " bottom: r.bottom, vh: innerHeight, text: el.innerText,"
                          + " section: el.closest('section').querySelector('h2,h3').innerText}); })()"))
              .getAsJsonObject();
      assertTrue(g.has("text"), "a passage is highlighted");
      assertTrue(
          g.get("text").getAsString().contains("Tomás Ferreira | Tiered compaction in practice"),
          g.toString());
      assertEquals("Sessions we attended", g.get("section").getAsString());
      assertTrue(
          g.get("top").getAsDouble() >= 0
              && g.get("bottom").getAsDouble() <= g.get("vh").getAsDouble(),
          "passage inside the viewport: " + g);
      assertTrue(ViewerChromiumIT.highlightPixels(browser) > 5_000, "highlight visible on screen");
      String shot = System.getProperty("debrief.screenshot", "");
      if (!shot.isEmpty()) {
        Files.write(Path.of(shot), browser.screenshot());
      }
    }
  }
}
