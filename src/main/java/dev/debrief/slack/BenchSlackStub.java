package dev.debrief.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SlackBench}'s minimal loopback stand-in for the Web API methods Debrief calls while
 * answering ({@code auth.test}, {@code chat.postMessage}, {@code chat.update}; any other method
 * answers {@code ok}). It records, per channel, how many messages were posted, when the first was
 * ({@link System#nanoTime()}) and when each {@code chat.update} arrived; a request without the
 * bench's bot token gets {@code invalid_auth}.
 */
final class BenchSlackStub implements AutoCloseable {
  /** The bot token the stub accepts. */
  static final String TOKEN = "xoxb-bench-token";

  /** The bot's user id, as auth.test answers it. */
  static final String BOT_USER = "UBENCHBOT";

  /** Threads answering Web API calls. */
  private static final int THREADS = 8;

  final HttpServer server;
  final AtomicLong ts = new AtomicLong();

  /** Channel → messages posted there. */
  final Map<String, AtomicLong> posts = new ConcurrentHashMap<>();

  /** Channel → arrival of each {@code chat.update} there ({@link System#nanoTime()}). */
  final Map<String, List<Long>> finals = new ConcurrentHashMap<>();

  /** Channel → arrival of its first {@code chat.postMessage} ({@link System#nanoTime()}). */
  final Map<String, Long> firstPost = new ConcurrentHashMap<>();

  /** Starts listening on a free loopback port. */
  BenchSlackStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::handle);
    pool = Executors.newFixedThreadPool(THREADS, SlackBench.daemon("bench-slack-api"));
    server.setExecutor(pool);
    server.start();
  }

  private final java.util.concurrent.ExecutorService pool;

  /** The Web API base URL ({@code SLACK_API_URL}) that reaches the stub. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Forgets what was recorded (after the warm-up). */
  void reset() {
    posts.clear();
    finals.clear();
    firstPost.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    long now = System.nanoTime();
    String method = ex.getRequestURI().getPath().substring(5);
    Map<String, String> p = new HashMap<>();
    for (String pair :
        new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        p.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String body;
    if (auth == null || !auth.equals("Bearer " + TOKEN)) {
      body = "{\"ok\":false,\"error\":\"invalid_auth\"}";
    } else {
      String channel = p.getOrDefault("channel", "");
      body =
          switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"user_id\":\""
                    + BOT_USER
                    + "\",\"user\":\"debrief\",\"team_id\":\"TBENCH\"}";
            case "chat.postMessage" -> {
              posts.computeIfAbsent(channel, k -> new AtomicLong()).incrementAndGet();
              firstPost.putIfAbsent(channel, now);
              yield "{\"ok\":true,\"channel\":\""
                  + channel
                  + "\",\"ts\":\"1700000001."
                  + ts.incrementAndGet()
                  + "\"}";
            }
            case "chat.update" -> {
              finals
                  .computeIfAbsent(channel, k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(now);
              yield "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + p.get("ts") + "\"}";
            }
            default -> "{\"ok\":true}";
          };
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
