package dev.debrief.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Test fixture: a fake Slack Web API on loopback, strict like Slack. It rejects a missing ({@code
 * not_authed}) or wrong ({@code invalid_auth}) token, blocks with a section text over 3,000
 * characters or more than 50 blocks ({@code invalid_blocks}), text over 40,000 characters ({@code
 * msg_too_long}); it can be told to answer the next calls of a method with 429 + Retry-After, 500,
 * or an error code. It records every call, and every response_url post under {@code /response/...}.
 */
final class FakeSlack implements AutoCloseable {
  static final String BOT_TOKEN = "xoxb-test-1234567890-abcdef";
  static final String APP_TOKEN = "xapp-1-test-abcdef";
  static final String BOT_USER = "UDEBRIEF";

  /**
   * The app's OAuth client id and secret for Sign in with Slack (SLACK_CLIENT_ID,
   * SLACK_CLIENT_SECRET).
   */
  static final String CLIENT_ID = "1234.5678";

  static final String CLIENT_SECRET = "fake-client-secret";

  /** One recorded call. */
  record Call(
      String method,
      Map<String, String> params,
      JsonObject json,
      long atNanos,
      int status,
      String error) {
    JsonArray blocks() {
      String b = params.get("blocks");
      return b == null ? null : JsonParser.parseString(b).getAsJsonArray();
    }

    String blocksText() {
      JsonArray a = blocks();
      return a == null ? "" : a.toString();
    }
  }

  /** A message as stored by the fake. */
  static final class Message {
    final String channel;
    final String ts;
    final String threadTs;
    volatile String text;
    volatile String blocks;
    volatile int updates;

    Message(String channel, String ts, String threadTs, String text, String blocks) {
      this.channel = channel;
      this.ts = ts;
      this.threadTs = threadTs;
      this.text = text;
      this.blocks = blocks;
    }
  }

  private record Scripted(int status, long retryAfter, String error) {}

  /**
   * A call held on its way, to stop a server at an exact moment: {@code arrived} is counted down
   * when the call comes in; it goes on when {@code release} is counted down (or after a minute).
   * With {@code applyFirst} the call takes effect before it is held (the caller just never hears
   * back), else after.
   */
  static final class Hold {
    final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    final boolean applyFirst;
    private volatile boolean dropped;

    Hold(boolean applyFirst) {
      this.applyFirst = applyFirst;
    }

    /**
     * Lets a call held before it took effect go without taking effect (its caller died meanwhile).
     */
    void drop() {
      dropped = true;
      release.countDown();
    }

    void await() {
      arrived.countDown();
      try {
        release.await(60, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final Map<String, Deque<Hold>> holds = new LinkedHashMap<>();

  /** Holds the next call of {@code method}. */
  synchronized Hold holdNext(String method, boolean applyFirst) {
    Hold h = new Hold(applyFirst);
    holds.computeIfAbsent(method, k -> new ArrayDeque<>()).add(h);
    return h;
  }

  /**
   * Waits until at least {@code n} successful calls of {@code method} were made; false on timeout.
   */
  boolean awaitCalls(String method, int n, java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (calls) {
      while (calls(method).size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        calls.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void recorded(Call c) {
    synchronized (calls) {
      calls.add(c);
      calls.notifyAll();
    }
  }

  /**
   * A file as files.info describes it; its bytes are served under {@code /files/ID/NAME} with the
   * bot token.
   */
  record FakeFile(String id, String name, String mimetype, byte[] bytes) {}

  /** Files known to files.info, by id. */
  final Map<String, FakeFile> files = new java.util.concurrent.ConcurrentHashMap<>();

  /** Channel members for conversations.members, by channel id. */
  final Map<String, List<String>> members = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Who approves the next Sign in with Slack at {@code /openid/connect/authorize}: user id to
   * display name (the first entry); empty means the person presses "Cancel" (access_denied).
   */
  final Map<String, String> signInAs = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Sign-in codes and the user they were issued for; access tokens from openid.connect.token,
   * likewise.
   */
  private final Map<String, String> codes = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, String> userTokens = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> codeRedirects = new java.util.concurrent.ConcurrentHashMap<>();

  /** Every file download: "ID Authorization-header-value" ("ID -" without one). */
  final List<String> downloads = new CopyOnWriteArrayList<>();

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(8);
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<JsonObject> responses = new CopyOnWriteArrayList<>();

  /** users.info answers: user id to IANA tz (users not listed have no tz). */
  final Map<String, String> userZones = new java.util.concurrent.ConcurrentHashMap<>();

  final Map<String, Message> messages = new LinkedHashMap<>();
  private final Map<String, Deque<Scripted>> scripted = new LinkedHashMap<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);
  volatile Supplier<String> socketUrl = () -> "ws://127.0.0.1:1/";

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::api);
    server.createContext("/response/", this::response);
    server.createContext("/files/", this::download);
    server.createContext("/openid/connect/authorize", this::authorize);
    server.setExecutor(pool);
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String responseUrl(String id) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
  }

  /**
   * The next {@code times} calls of {@code method} answer HTTP {@code status} (429 with
   * Retry-After).
   */
  synchronized void failNext(String method, int status, long retryAfterSeconds, int times) {
    for (int i = 0; i < times; i++) {
      scripted
          .computeIfAbsent(method, k -> new ArrayDeque<>())
          .add(new Scripted(status, retryAfterSeconds, null));
    }
  }

  /** The next call of {@code method} answers ok:false with {@code error}. */
  synchronized void errorNext(String method, String error) {
    scripted.computeIfAbsent(method, k -> new ArrayDeque<>()).add(new Scripted(200, 0, error));
  }

  List<Call> calls(String method) {
    return calls.stream()
        .filter(c -> c.method.equals(method) && c.status == 200 && c.error == null)
        .toList();
  }

  List<Call> allCalls(String method) {
    return calls.stream().filter(c -> c.method.equals(method)).toList();
  }

  synchronized List<Message> messagesIn(String channel) {
    return messages.values().stream().filter(m -> m.channel.equals(channel)).toList();
  }

  private void response(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonObject json = JsonParser.parseString(body).getAsJsonObject();
    json.addProperty("_path", ex.getRequestURI().getPath());
    JsonArray blocks = json.has("blocks") ? json.getAsJsonArray("blocks") : null;
    String err = blocks == null ? null : checkBlocks(blocks);
    if (err != null) {
      send(ex, 400, err);
      return;
    }
    responses.add(json);
    send(ex, 200, "ok");
  }

  private void api(HttpExchange ex) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = new LinkedHashMap<>();
    JsonObject json = null;
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.startsWith("application/json") && !body.isBlank()) {
      json = JsonParser.parseString(body).getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : json.entrySet()) {
        params.put(
            e.getKey(),
            e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString());
      }
    } else {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.put(k, v);
      }
    }
    long at = System.nanoTime();
    Scripted s;
    synchronized (this) {
      Deque<Scripted> q = scripted.get(method);
      s = q == null ? null : q.poll();
    }
    if (s != null && s.status != 200) {
      recorded(new Call(method, params, json, at, s.status, null));
      if (s.status == 429) {
        ex.getResponseHeaders().add("Retry-After", Long.toString(s.retryAfter));
        sendJson(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
      } else {
        send(ex, s.status, "upstream error");
      }
      return;
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String token =
        auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
    String expected =
        method.equals("apps.connections.open")
            ? APP_TOKEN
            : method.equals("openid.connect.userInfo")
                    && token != null
                    && userTokens.containsKey(token)
                ? token
                : BOT_TOKEN;
    String error = null;
    if (method.equals("openid.connect.token")) {
      // client credentials as POST parameters or HTTP Basic auth (the Java SDK sends Basic),
      // checked in handle
      if (auth != null && auth.startsWith("Basic ")) {
        String pair =
            new String(
                java.util.Base64.getDecoder().decode(auth.substring(6).strip()),
                StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        params.putIfAbsent("client_id", colon < 0 ? pair : pair.substring(0, colon));
        params.putIfAbsent("client_secret", colon < 0 ? "" : pair.substring(colon + 1));
      }
      error = s != null ? s.error : null;
    } else if (token == null || token.isEmpty()) {
      error = "not_authed";
    } else if (!token.equals(expected)) {
      error = "invalid_auth";
    } else if (s != null) {
      error = s.error;
    }
    Hold hold;
    synchronized (this) {
      Deque<Hold> q = holds.get(method);
      hold = q == null ? null : q.poll();
    }
    if (hold != null && !hold.applyFirst) {
      hold.await();
      if (hold.dropped) {
        send(ex, 500, "dropped");
        return;
      }
    }
    JsonObject out = new JsonObject();
    if (error == null) {
      if (method.equals("openid.connect.userInfo")) {
        params.put("_token", token);
      }
      error = handle(method, params, out);
    }
    if (hold != null && hold.applyFirst) {
      hold.await();
    }
    recorded(new Call(method, params, json, at, 200, error));
    if (error != null) {
      sendJson(ex, 200, "{\"ok\":false,\"error\":\"" + error + "\"}");
      return;
    }
    out.addProperty("ok", true);
    sendJson(ex, 200, out.toString());
  }

  private synchronized String handle(String method, Map<String, String> p, JsonObject out) {
    switch (method) {
      case "auth.test" -> {
        out.addProperty("url", "https://fake.slack.test/");
        out.addProperty("team", "Fake");
        out.addProperty("user", "debrief");
        out.addProperty("team_id", "T0FAKE");
        out.addProperty("user_id", BOT_USER);
        out.addProperty("bot_id", "BDEBRIEF");
        return null;
      }
      case "chat.postMessage" -> {
        String err = checkMessage(p);
        if (err != null) return err;
        String newTs = nextTs();
        messages.put(
            p.get("channel") + ":" + newTs,
            new Message(
                p.get("channel"), newTs, p.get("thread_ts"), p.get("text"), p.get("blocks")));
        out.addProperty("channel", p.get("channel"));
        out.addProperty("ts", newTs);
        return null;
      }
      case "chat.update" -> {
        String err = checkMessage(p);
        if (err != null) return err;
        Message m = messages.get(p.get("channel") + ":" + p.get("ts"));
        if (m == null) return "message_not_found";
        m.text = p.get("text");
        m.blocks = p.get("blocks");
        m.updates++;
        out.addProperty("channel", m.channel);
        out.addProperty("ts", m.ts);
        return null;
      }
      case "users.info" -> {
        String user = p.get("user");
        if (user == null || user.isEmpty()) return "user_not_found";
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("name", user.toLowerCase(java.util.Locale.ROOT));
        String tz = userZones.get(user);
        if (tz != null) {
          u.addProperty("tz", tz);
        }
        out.add("user", u);
        return null;
      }
      case "views.publish", "reactions.add", "chat.postEphemeral" -> {
        return null;
      }
      case "files.info" -> {
        FakeFile f = files.get(p.getOrDefault("file", ""));
        if (f == null) return "file_not_found";
        JsonObject file = new JsonObject();
        file.addProperty("id", f.id());
        file.addProperty("name", f.name());
        file.addProperty("title", f.name());
        file.addProperty("mimetype", f.mimetype());
        file.addProperty("size", f.bytes().length);
        String url =
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/files/"
                + f.id()
                + "/"
                + f.name();
        file.addProperty("url_private", url);
        file.addProperty("url_private_download", url + "?download=1");
        out.add("file", file);
        return null;
      }
      case "conversations.members" -> {
        List<String> m = members.get(p.getOrDefault("channel", ""));
        if (m == null) return "channel_not_found";
        JsonArray a = new JsonArray();
        m.forEach(a::add);
        out.add("members", a);
        JsonObject meta = new JsonObject();
        meta.addProperty("next_cursor", "");
        out.add("response_metadata", meta);
        return null;
      }
      case "conversations.replies", "conversations.history" -> {
        // Debrief's own messages (chat.postMessage by the bot user) after "oldest"; replies of
        // thread "ts".
        java.math.BigDecimal oldest = new java.math.BigDecimal(p.getOrDefault("oldest", "0"));
        String thread = p.get("ts");
        JsonArray found = new JsonArray();
        for (Message m : messages.values()) {
          boolean inThread =
              method.equals("conversations.replies")
                  ? thread != null && thread.equals(m.threadTs)
                  : m.threadTs == null;
          if (m.channel.equals(p.get("channel"))
              && inThread
              && new java.math.BigDecimal(m.ts).compareTo(oldest) > 0) {
            JsonObject o = new JsonObject();
            o.addProperty("type", "message");
            o.addProperty("user", BOT_USER);
            o.addProperty("ts", m.ts);
            o.addProperty("text", m.text);
            found.add(o);
          }
        }
        out.add("messages", found);
        out.addProperty("has_more", false);
        return null;
      }
      case "openid.connect.token" -> {
        // https://api.slack.com/methods/openid.connect.token
        if (!CLIENT_ID.equals(p.get("client_id"))
            || !CLIENT_SECRET.equals(p.get("client_secret"))) {
          return "invalid_client_id";
        }
        String code = p.getOrDefault("code", "");
        String user = codes.remove(code);
        if (user == null) return "invalid_code";
        if (!codeRedirects.getOrDefault(code, "").equals(p.getOrDefault("redirect_uri", "")))
          return "bad_redirect_uri";
        String access = "xoxp-oidc-" + code;
        userTokens.put(access, user);
        out.addProperty("access_token", access);
        out.addProperty("token_type", "Bearer");
        out.addProperty("id_token", "eyJhbGciOiJSUzI1NiJ9.e30.signature");
        return null;
      }
      case "openid.connect.userInfo" -> {
        // https://api.slack.com/methods/openid.connect.userInfo
        String token = p.get("_token");
        String user = token == null ? null : userTokens.get(token);
        if (user == null) return "invalid_auth";
        out.addProperty("sub", user);
        out.addProperty("https://slack.com/user_id", user);
        out.addProperty("https://slack.com/team_id", "T0FAKE");
        out.addProperty("name", signInNames.getOrDefault(user, user));
        out.addProperty("email", user.toLowerCase(java.util.Locale.ROOT) + "@example.test");
        return null;
      }
      case "apps.connections.open" -> {
        out.addProperty("url", socketUrl.get());
        return null;
      }
      default -> {
        return "unknown_method";
      }
    }
  }

  private final Map<String, String> signInNames = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The authorization page of Sign in with Slack: like a person pressing "Allow" (or "Cancel" when
   * {@link #signInAs} is empty), it redirects to {@code redirect_uri} with a one-time code and the
   * state.
   */
  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        q.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    calls.add(new Call("openid/connect/authorize", q, null, System.nanoTime(), 200, null));
    if (!CLIENT_ID.equals(q.get("client_id"))
        || !"code".equals(q.get("response_type"))
        || !String.valueOf(q.get("scope")).contains("openid")) {
      send(ex, 400, "bad authorization request");
      return;
    }
    String redirect = q.getOrDefault("redirect_uri", "");
    String state = java.net.URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
    String target;
    if (signInAs.isEmpty()) {
      target = redirect + "?error=access_denied&state=" + state;
    } else {
      Map.Entry<String, String> who = signInAs.entrySet().iterator().next();
      String code = "code-" + ts.incrementAndGet();
      codes.put(code, who.getKey());
      codeRedirects.put(code, redirect);
      signInNames.put(who.getKey(), who.getValue());
      target = redirect + "?code=" + code + "&state=" + state;
    }
    ex.getResponseHeaders().set("Location", target);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  String authorizeBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Like Slack: without the bot token, a file URL answers an HTML login page instead of the file.
   */
  private void download(HttpExchange ex) throws IOException {
    String[] parts = ex.getRequestURI().getPath().split("/");
    String id = parts.length > 2 ? parts[2] : "";
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    downloads.add(id + " " + (auth == null ? "-" : auth));
    FakeFile f = files.get(id);
    if (f == null) {
      send(ex, 404, "not found");
      return;
    }
    if (!("Bearer " + BOT_TOKEN).equals(auth)) {
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      send(ex, 200, "<!DOCTYPE html><html><body>Sign in to Slack</body></html>");
      return;
    }
    ex.getResponseHeaders().set("Content-Type", f.mimetype());
    ex.sendResponseHeaders(200, f.bytes().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(f.bytes());
    }
  }

  private String nextTs() {
    long v = ts.incrementAndGet();
    return (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000);
  }

  private static String checkMessage(Map<String, String> p) {
    String text = p.get("text");
    String blocks = p.get("blocks");
    if ((text == null || text.isEmpty()) && (blocks == null || blocks.equals("[]"))) {
      return "no_text";
    }
    if (text != null && text.length() > 40_000) {
      return "msg_too_long";
    }
    if (blocks != null && !blocks.isEmpty()) {
      JsonElement el;
      try {
        el = JsonParser.parseString(blocks);
      } catch (RuntimeException e) {
        return "invalid_blocks_format";
      }
      if (!el.isJsonArray()) return "invalid_blocks_format";
      return checkBlocks(el.getAsJsonArray());
    }
    return null;
  }

  static String checkBlocks(JsonArray blocks) {
    if (blocks.size() > 50) return "invalid_blocks";
    for (JsonElement b : blocks) {
      JsonObject o = b.getAsJsonObject();
      String type = o.get("type").getAsString();
      if (type.equals("section")) {
        String t = o.getAsJsonObject("text").get("text").getAsString();
        if (t.length() > 3000 || t.isEmpty()) return "invalid_blocks";
      }
      if (type.equals("actions") && o.getAsJsonArray("elements").size() > 25)
        return "invalid_blocks";
    }
    return null;
  }

  private static void sendJson(HttpExchange ex, int status, String body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    send(ex, status, body);
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  List<Message> allMessages() {
    synchronized (this) {
      return new ArrayList<>(messages.values());
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
