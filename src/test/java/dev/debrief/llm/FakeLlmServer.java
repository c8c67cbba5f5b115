package dev.debrief.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.debrief.testing.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server that replays scripted replies and records requests. {@link #close()}
 * releases any handler still hanging, so no test waits for a scripted hang to end.
 */
final class FakeLlmServer implements AutoCloseable {
  /** A request as received. */
  record Received(
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      Instant at) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** One scripted reply. */
  interface Reply {
    void send(HttpExchange exchange, FakeLlmServer server) throws IOException, InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch held = new CountDownLatch(1);
  private final Clock clock;
  private volatile Reply fallbackReply =
      json(500, "{\"error\":{\"message\":\"no scripted reply\"}}");

  FakeLlmServer() throws IOException {
    this(Clock.systemUTC());
  }

  /** A server that stamps each request with {@code clock}'s instant. */
  FakeLlmServer(Clock clock) throws IOException {
    this.clock = clock;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-llm");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    clock.instant()));
            Reply next = script.pollFirst();
            (next == null ? fallbackReply : next).send(exchange, this);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException e) {
            // the client went away (timeout test): nothing to do
          }
        });
    server.start();
  }

  String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  FakeLlmServer then(Reply reply) {
    script.addLast(reply);
    return this;
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  static Reply json(int status, String body) {
    return json(status, body, Map.of());
  }

  static Reply json(int status, String body, Map<String, String> headers) {
    return (exchange, server) -> {
      headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    };
  }

  /**
   * Holds the request for up to {@code seconds}, or until {@link #close()}; {@link #held()} opens
   * meanwhile.
   */
  static Reply hang(int seconds) {
    return (exchange, server) -> {
      server.held.countDown();
      server.release.await(seconds, TimeUnit.SECONDS);
    };
  }

  /** Opens once a {@link #hang} reply holds a request. */
  CountDownLatch held() {
    return held;
  }

  /**
   * Server-sent events {@code gap} apart on {@code clock}: the clock moves by {@code gap} before
   * each event after the first, so a client reading an event sees at least its scripted time.
   * Nothing waits on the wall clock.
   */
  static Reply sse(List<String> dataLines, Duration gap, TestClock clock) {
    return (exchange, server) -> {
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        boolean first = true;
        for (String data : dataLines) {
          if (server.release.getCount() == 0) {
            return;
          }
          if (!first) {
            clock.advance(gap);
          }
          first = false;
          out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    };
  }

  /** An OpenAI chat completion carrying {@code content}. */
  static String openAiCompletion(String model, String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
        + quote(content)
        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,"
        + "\"total_tokens\":120}}";
  }

  /** One OpenAI streaming chunk. */
  static String openAiChunk(String model, String delta, String finish) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"delta\":{"
        + (delta == null ? "" : "\"content\":" + quote(delta))
        + "},\"finish_reason\":"
        + (finish == null ? "null" : quote(finish))
        + "}]}";
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
