package dev.debrief.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a citation URL in headless Chromium (driven over the DevTools protocol): the cited passage is
 * highlighted, scrolled into the viewport, and its highlight colour is on the captured screen; without
 * {@code ?p=} the page stays at the top. Skips, saying so, when Chromium is absent.
 */
class ViewerChromiumTest {
  @TempDir Path tmp;
  WebServer web;
  String chromium;
  Process browser;

  @BeforeEach
  void start() {
    chromium = findChromium();
    assumeTrue(chromium != null,
        "SKIPPED: headless Chromium not found (install Debian's chromium package; .ci/run does)");
    web = new WebServer(ViewerTest.catalog(), "http://127.0.0.1", new Metrics(), () -> new Health(true, "ok"), null,
        "127.0.0.1", 0);
    web.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.destroyForcibly();
      try {
        browser.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (web != null) {
      web.stop();
    }
  }

  static String findChromium() {
    for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }

  /** Test fixture: a minimal DevTools protocol client over Java-WebSocket. */
  static final class Cdp extends WebSocketClient implements AutoCloseable {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    Cdp(URI uri) {
      super(uri);
    }

    JsonObject call(String method, JsonObject params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonObject> f = new CompletableFuture<>();
      pending.put(id, f);
      JsonObject msg = new JsonObject();
      msg.addProperty("id", id);
      msg.addProperty("method", method);
      msg.add("params", params);
      send(msg.toString());
      JsonObject r = f.get(60, TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new AssertionError(method + ": " + r.get("error"));
      }
      return r.getAsJsonObject("result");
    }

    String eval(String expression) throws Exception {
      JsonObject p = new JsonObject();
      p.addProperty("expression", expression);
      p.addProperty("returnByValue", true);
      return call("Runtime.evaluate", p).getAsJsonObject("result").get("value").getAsString();
    }

    @Override
    public void onMessage(String message) {
      JsonObject o = JsonParser.parseString(message).getAsJsonObject();
      if (o.has("id")) {
        CompletableFuture<JsonObject> f = pending.remove(o.get("id").getAsInt());
        if (f != null) {
          f.complete(o);
        }
      }
    }

    @Override
    public void onOpen(ServerHandshake h) {
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
    }

    @Override
    public void onError(Exception ex) {
    }
  }

  private Cdp open(String url) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--hide-scrollbars", "--window-size=900,700",
        "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", url)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int port = -1;
    BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
    Pattern pattern = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    for (String line; (line = err.readLine()) != null; ) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        break;
      }
    }
    Thread drain = new Thread(() -> {
      try {
        while (err.readLine() != null) {
          // keep chromium's stderr flowing
        }
      } catch (java.io.IOException ignored) {
        // browser gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    assertTrue(port > 0, "chromium printed its DevTools port");
    HttpClient http = HttpClient.newHttpClient();
    String wsUrl = null;
    for (int i = 0; i < 200 && wsUrl == null; i++) {
      JsonArray targets = JsonParser.parseString(http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString())
          .body()).getAsJsonArray();
      for (var t : targets) {
        JsonObject o = t.getAsJsonObject();
        if ("page".equals(o.get("type").getAsString()) && o.get("url").getAsString().startsWith(url)) {
          wsUrl = o.get("webSocketDebuggerUrl").getAsString();
        }
      }
      if (wsUrl == null) {
        Thread.sleep(50);
      }
    }
    assertTrue(wsUrl != null, "page target found");
    Cdp cdp = new Cdp(URI.create(wsUrl));
    assertTrue(cdp.connectBlocking(30, TimeUnit.SECONDS));
    for (int i = 0; i < 600; i++) {
      try {
        if ("complete".equals(cdp.eval("document.readyState"))
            && cdp.eval("location.href").equals(url)) {
          break;
        }
      } catch (AssertionError navigating) {
        // "Execution context was destroyed": the page is still navigating
      }
      Thread.sleep(50);
    }
    // let viewer.js (deferred, runs before load completes) and layout settle: wait two animation frames
    JsonObject p = new JsonObject();
    p.addProperty("expression", "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r('ok'))))");
    p.addProperty("awaitPromise", true);
    p.addProperty("returnByValue", true);
    cdp.call("Runtime.evaluate", p);
    return cdp;
  }

  private static int highlightPixels(Cdp cdp) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("format", "png");
    String data = cdp.call("Page.captureScreenshot", p).get("data").getAsString();
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data)));
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

  private static final String GEOMETRY = "(() => { const el = document.getElementById('" + ViewerTest.CITED + "');"
      + " const r = el.getBoundingClientRect(); return JSON.stringify({top: r.top, bottom: r.bottom,"
      + " vh: innerHeight, scrollY: scrollY, highlight: el.classList.contains('highlight'),"
      + " bg: getComputedStyle(el).backgroundColor, text: el.innerText}); })()";

  @Test
  void citationUrlShowsTheHighlightedPassageInView() throws Exception {
    String url = "http://127.0.0.1:" + web.port() + "/reports/" + ViewerTest.ID + "?p=" + ViewerTest.CITED;
    try (Cdp cdp = open(url)) {
      JsonObject g = JsonParser.parseString(cdp.eval(GEOMETRY)).getAsJsonObject();
      assertTrue(g.get("highlight").getAsBoolean(), g.toString());
      assertEquals("rgb(255, 229, 102)", g.get("bg").getAsString());
      assertTrue(g.get("scrollY").getAsDouble() > 0, "scrolled: " + g);
      assertTrue(g.get("top").getAsDouble() >= 0 && g.get("bottom").getAsDouble() <= g.get("vh").getAsDouble(),
          "passage inside the viewport: " + g);
      assertTrue(g.get("text").getAsString().contains("The cited passage about CSI snapshots & <b>volumes</b>"));
      int pixels = highlightPixels(cdp);
      assertTrue(pixels > 5_000, "highlight visible on screen (" + pixels + " pixels)");
    }
  }

  @Test
  void withoutPassageThePageStaysAtTheTop() throws Exception {
    String url = "http://127.0.0.1:" + web.port() + "/reports/" + ViewerTest.ID;
    try (Cdp cdp = open(url)) {
      JsonObject g = JsonParser.parseString(cdp.eval(GEOMETRY)).getAsJsonObject();
      assertTrue(!g.get("highlight").getAsBoolean());
      assertEquals(0.0, g.get("scrollY").getAsDouble());
      assertTrue(g.get("top").getAsDouble() > g.get("vh").getAsDouble(), "cited passage is below the fold: " + g);
      assertEquals(0, highlightPixels(cdp));
    }
  }
}
