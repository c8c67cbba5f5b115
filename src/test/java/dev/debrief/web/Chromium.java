package dev.debrief.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
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
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Test fixture: a headless Chromium driven over the DevTools protocol (Java-WebSocket client): open
 * a page, run script, type, press keys, click at an element's position, wait for a page to load,
 * capture the screen.
 */
final class Chromium implements AutoCloseable {
  /**
   * Polling interval while waiting for the browser (a wait for a state, never a timing assumption).
   */
  private static final long POLL_MILLIS = 50;

  /** Longest wait for one page or one state, on a loaded 2-core machine. */
  private static final long WAIT_MILLIS = 60_000;

  private final Process browser;
  private final Cdp cdp;
  private final Path profile;

  private Chromium(Process browser, Cdp cdp, Path profile) {
    this.browser = browser;
    this.cdp = cdp;
    this.profile = profile;
  }

  /** The Chromium executable, or null when none is installed. */
  static String find() {
    for (String p :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether Chromium is installed (a skipped test says why through
   * dev.debrief.testing.SkipReporter).
   */
  static boolean available() {
    return find() != null;
  }

  /**
   * Starts Chromium on {@code url} (window 900×700 unless given) and waits for the page to load.
   */
  static Chromium open(Path tmp, String url, int width, int height) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    Process browser =
        new ProcessBuilder(
                find(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1",
                url)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int port = -1;
    BufferedReader err =
        new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
    Pattern pattern = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    for (String line; (line = err.readLine()) != null; ) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        break;
      }
    }
    Thread drain =
        new Thread(
            () -> {
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
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (wsUrl == null && System.currentTimeMillis() < deadline) {
      JsonArray targets =
          JsonParser.parseString(
                  http.send(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + port + "/json/list"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .getAsJsonArray();
      for (var t : targets) {
        JsonObject o = t.getAsJsonObject();
        if ("page".equals(o.get("type").getAsString())
            && o.get("url").getAsString().startsWith(url)) {
          wsUrl = o.get("webSocketDebuggerUrl").getAsString();
        }
      }
      if (wsUrl == null) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    assertTrue(wsUrl != null, "page target found");
    Cdp cdp = new Cdp(URI.create(wsUrl));
    assertTrue(cdp.connectBlocking(30, TimeUnit.SECONDS));
    Chromium c = new Chromium(browser, cdp, profile);
    c.waitForPage(url);
    return c;
  }

  /** Waits until the page at a URL starting with {@code urlPrefix} has loaded and painted twice. */
  void waitForPage(String urlPrefix) throws Exception {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      try {
        if ("complete".equals(eval("document.readyState"))
            && eval("location.href").startsWith(urlPrefix)) {
          break;
        }
      } catch (AssertionError navigating) {
        // "Execution context was destroyed": the page is still navigating
      }
      Thread.sleep(POLL_MILLIS);
    }
    JsonObject p = new JsonObject();
    p.addProperty(
        "expression",
        "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r('ok'))))");
    p.addProperty("awaitPromise", true);
    p.addProperty("returnByValue", true);
    cdp.call("Runtime.evaluate", p);
  }

  /** Evaluates {@code expression} in the page; the result as a string. */
  String eval(String expression) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("expression", expression);
    p.addProperty("returnByValue", true);
    JsonObject r = cdp.call("Runtime.evaluate", p).getAsJsonObject("result");
    return r.has("value") ? r.get("value").getAsString() : "";
  }

  /** Types {@code text} into the focused element, as keyboard input. */
  void type(String text) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("text", text);
    cdp.call("Input.insertText", p);
  }

  /** Presses and releases Enter. */
  void pressEnter() throws Exception {
    for (String type : List.of("keyDown", "keyUp")) {
      JsonObject p = new JsonObject();
      p.addProperty("type", type);
      p.addProperty("key", "Enter");
      p.addProperty("code", "Enter");
      p.addProperty("windowsVirtualKeyCode", 13);
      if (type.equals("keyDown")) {
        p.addProperty("text", "\r");
      }
      cdp.call("Input.dispatchKeyEvent", p);
    }
  }

  /** Clicks with the mouse at the centre of the first element matching {@code selector}. */
  void click(String selector) throws Exception {
    String js =
        "(() => { const e = document.querySelector("
            + new com.google.gson.JsonPrimitive(selector)
            + "); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            + " return (r.left + r.width / 2) + ',' + (r.top + r.height / 2); })()";
    String[] xy = eval(js).split(",");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      JsonObject p = new JsonObject();
      p.addProperty("type", type);
      p.addProperty("x", Double.parseDouble(xy[0]));
      p.addProperty("y", Double.parseDouble(xy[1]));
      p.addProperty("button", "left");
      p.addProperty("clickCount", 1);
      cdp.call("Input.dispatchMouseEvent", p);
    }
  }

  /** The screen as PNG bytes. */
  byte[] screenshot() throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("format", "png");
    return Base64.getDecoder()
        .decode(cdp.call("Page.captureScreenshot", p).get("data").getAsString());
  }

  @Override
  public void close() {
    cdp.close();
    browser.destroyForcibly();
    try {
      browser.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Chromium's Singleton* links point outside the profile; removed here so the temp folder's
    // cleanup is quiet
    for (String link : List.of("SingletonSocket", "SingletonLock", "SingletonCookie")) {
      try {
        Files.deleteIfExists(profile.resolve(link));
      } catch (java.io.IOException ignored) {
        // the temp folder's cleanup retries
      }
    }
  }

  /** A minimal DevTools protocol client over Java-WebSocket. */
  static final class Cdp extends WebSocketClient {
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
    public void onOpen(ServerHandshake h) {}

    @Override
    public void onClose(int code, String reason, boolean remote) {}

    @Override
    public void onError(Exception ex) {}
  }
}
