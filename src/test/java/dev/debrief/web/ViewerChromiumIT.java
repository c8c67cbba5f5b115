package dev.debrief.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a citation URL in headless Chromium (driven over the DevTools protocol): the cited passage
 * is highlighted, scrolled into the viewport, and its highlight colour is on the captured screen;
 * without {@code ?p=} the page stays at the top. Skips, saying so, when Chromium is absent.
 */
class ViewerChromiumIT {
  @TempDir Path tmp;
  WebServer web;

  @BeforeEach
  void start() {
    assumeTrue(
        Chromium.available(),
        "headless Chromium not found (install Debian's chromium package; .ci/run does)");
    web =
        new WebServer(
            ViewerTest.catalog(),
            "http://127.0.0.1",
            new Metrics(),
            () -> new Health(true, "ok"),
            null,
            "127.0.0.1",
            0);
    web.start();
  }

  @AfterEach
  void stop() {
    if (web != null) {
      web.stop();
    }
  }

  /** Pixels of the highlight colour (#ffe566) on the screen. */
  static int highlightPixels(Chromium cdp) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(cdp.screenshot()));
    int count = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 245 && g > 220 && g < 238 && b > 85 && b < 120) { // #ffe566
          count++;
        }
      }
    }
    return count;
  }

  private static final String GEOMETRY =
      "(() => { const el = document.getElementById('"
          + ViewerTest.CITED
          + "');"
          + " const r = el.getBoundingClientRect(); return JSON.stringify({top: r.top, bottom: r.bottom,"
          + " vh: innerHeight, scrollY: scrollY, highlight: el.classList.contains('highlight'),"
          + " bg: getComputedStyle(el).backgroundColor, text: el.innerText}); })()";

  @Test
  void citationUrlShowsTheHighlightedPassageInView() throws Exception {
    String url =
        "http://127.0.0.1:" + web.port() + "/reports/" + ViewerTest.ID + "?p=" + ViewerTest.CITED;
    try (Chromium cdp = Chromium.open(tmp, url, 900, 700)) {
      JsonObject g = JsonParser.parseString(cdp.eval(GEOMETRY)).getAsJsonObject();
      assertTrue(g.get("highlight").getAsBoolean(), g.toString());
      assertEquals("rgb(255, 229, 102)", g.get("bg").getAsString());
      assertTrue(g.get("scrollY").getAsDouble() > 0, "scrolled: " + g);
      assertTrue(
          g.get("top").getAsDouble() >= 0
              && g.get("bottom").getAsDouble() <= g.get("vh").getAsDouble(),
          "passage inside the viewport: " + g);
      assertTrue(
          g.get("text")
              .getAsString()
              .contains("The cited passage about CSI snapshots & <b>volumes</b>"));
      int pixels = highlightPixels(cdp);
      assertTrue(pixels > 5_000, "highlight visible on screen (" + pixels + " pixels)");
    }
  }

  @Test
  void withoutPassageThePageStaysAtTheTop() throws Exception {
    String url = "http://127.0.0.1:" + web.port() + "/reports/" + ViewerTest.ID;
    try (Chromium cdp = Chromium.open(tmp, url, 900, 700)) {
      JsonObject g = JsonParser.parseString(cdp.eval(GEOMETRY)).getAsJsonObject();
      assertTrue(!g.get("highlight").getAsBoolean());
      assertEquals(0.0, g.get("scrollY").getAsDouble());
      assertTrue(
          g.get("top").getAsDouble() > g.get("vh").getAsDouble(),
          "cited passage is below the fold: " + g);
      assertEquals(0, highlightPixels(cdp));
    }
  }
}
