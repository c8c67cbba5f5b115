package dev.debrief.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny HTTP server on 127.0.0.1 for fetch tests; records request lines and Host headers. */
public final class LoopbackServer implements AutoCloseable {
  /** A handler returning status, headers and body. */
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** Starts serving {@code handler} on an ephemeral port of 127.0.0.1. */
  public LoopbackServer(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          requests.add(
              ex.getRequestMethod()
                  + " "
                  + ex.getRequestURI()
                  + " Host="
                  + ex.getRequestHeaders().getFirst("Host"));
          try {
            handler.handle(ex);
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port}. */
  public String base() {
    return "http://127.0.0.1:" + port();
  }

  /** Sends {@code body} (UTF-8) with {@code status} and {@code contentType}. */
  public static void send(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Sends a 302 to {@code location}. */
  public static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
