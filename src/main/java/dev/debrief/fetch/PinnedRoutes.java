package dev.debrief.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes {@link java.net.http.HttpClient} connect to addresses vetted before the request, never to
 * whatever a second DNS lookup returns (DNS rebinding). It is the client's {@link ProxySelector},
 * and every request goes to one loopback port inside this process:
 *
 * <ul>
 *   <li>{@code http://host:port/…}: the client sends its request there in absolute form, as to any
 *       proxy; this process connects to the vetted address and sends the request on in origin form
 *       ({@code GET /path?query HTTP/1.1} with {@code Host: host:port}, RFC 9112 §3.2.1), which
 *       every origin server accepts — strict ones answer 400 or 404 to an absolute-form target —
 *       with {@code Connection: close}, so one connection carries one request and cannot be reused
 *       for another host; the response is copied back with {@code Connection: close};
 *   <li>{@code https://host:port/…}: a CONNECT tunnel (RFC 9110 §9.3.6), which connects to the
 *       vetted address and then only copies bytes; TLS with SNI and certificate checks for {@code
 *       host} stays between the client and the server.
 * </ul>
 *
 * A request whose (scheme, host, port) has no vetted address is answered 403 and never opens an
 * outbound connection. The heads read and rewritten on the way are {@link HttpHeads}'s.
 */
final class PinnedRoutes extends ProxySelector implements AutoCloseable {
  private final Map<String, InetSocketAddress> pins = new ConcurrentHashMap<>();
  private final ServerSocket tunnel;
  private final ExecutorService pool;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private final AtomicInteger outbound = new AtomicInteger();

  /**
   * @param connectTimeoutMillis TCP connect timeout to the vetted address
   * @param readTimeoutMillis longest wait for bytes from the origin server of a plain http request
   */
  PinnedRoutes(int connectTimeoutMillis, int readTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
    try {
      tunnel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot open the loopback CONNECT tunnel: " + e.getMessage(), e);
    }
    pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "debrief-fetch-tunnel");
              t.setDaemon(true);
              return t;
            });
    pool.execute(this::acceptLoop);
  }

  static String key(String scheme, String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return scheme.toLowerCase(Locale.ROOT) + "://" + h + ":" + port;
  }

  /** Records the vetted address for (scheme, host, port). */
  void pin(String scheme, String host, int port, InetAddress vetted) {
    pins.put(key(scheme, host, port), new InetSocketAddress(vetted, port));
  }

  /** How many outbound connections were routed (tests assert refusals happen before any). */
  int outboundConnections() {
    return outbound.get();
  }

  @Override
  public List<Proxy> select(URI uri) {
    return List.of(new Proxy(Proxy.Type.HTTP, tunnel.getLocalSocketAddress()));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // reported to the caller by the client itself
  }

  private void acceptLoop() {
    while (!tunnel.isClosed()) {
      try {
        Socket client = tunnel.accept();
        pool.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(connectTimeoutMillis);
      String head = HttpHeads.readHead(client.getInputStream());
      String[] first = head.split("\r\n", 2)[0].split(" ");
      if (first.length == 3 && first[1].regionMatches(true, 0, "http://", 0, 7)) {
        forward(client, head, first);
        return;
      }
      InetSocketAddress target = null;
      if (first.length == 3 && first[0].equals("CONNECT")) {
        String authority = first[1];
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
          try {
            target =
                pins.get(
                    key(
                        "https",
                        authority.substring(0, colon),
                        Integer.parseInt(authority.substring(colon + 1))));
          } catch (NumberFormatException ignored) {
            target = null;
          }
        }
      }
      OutputStream toClient = client.getOutputStream();
      if (target == null) {
        toClient.write(
            "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      Socket server = new Socket();
      try (server) {
        outbound.incrementAndGet();
        try {
          server.connect(target, connectTimeoutMillis);
        } catch (IOException e) {
          toClient.write(
              "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          return;
        }
        client.setSoTimeout(0);
        toClient.write(
            "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        toClient.flush();
        pool.execute(() -> copy(server, client));
        copy(client, server);
      }
    } catch (IOException e) {
      // the client sees the closed connection
    }
  }

  /**
   * Sends a plain http request, received in absolute form, to its vetted address in origin form,
   * and copies the response back. Answers 403 for a target that was not vetted, 400 for one that
   * does not parse.
   */
  private void forward(Socket client, String head, String[] first) throws IOException {
    OutputStream toClient = client.getOutputStream();
    URI target;
    try {
      target = new URI(first[1]);
    } catch (java.net.URISyntaxException e) {
      target = null;
    }
    InetSocketAddress vetted =
        target == null || target.getHost() == null
            ? null
            : pins.get(
                key("http", target.getHost(), target.getPort() >= 0 ? target.getPort() : 80));
    if (vetted == null) {
      toClient.write(
          ((target == null ? "HTTP/1.1 400 Bad Request" : "HTTP/1.1 403 Forbidden")
                  + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      return;
    }
    String out = HttpHeads.originForm(head, first, target);
    Socket server = new Socket();
    try (server) {
      outbound.incrementAndGet();
      try {
        server.connect(vetted, connectTimeoutMillis);
      } catch (IOException e) {
        toClient.write(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      server.setSoTimeout(readTimeoutMillis);
      server.getOutputStream().write(out.getBytes(StandardCharsets.ISO_8859_1));
      server.getOutputStream().flush();
      client.setSoTimeout(0);
      pool.execute(() -> copy(client, server)); // a request body, if the client sends one
      InputStream fromServer = server.getInputStream();
      String responseHead = HttpHeads.readHead(fromServer, HttpHeads.MAX_RESPONSE_HEAD);
      if (!responseHead.endsWith("\r\n\r\n")) {
        toClient.write(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      toClient.write(HttpHeads.closing(responseHead).getBytes(StandardCharsets.ISO_8859_1));
      fromServer.transferTo(toClient);
      toClient.flush();
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() {
    try {
      tunnel.close();
    } catch (IOException ignored) {
      // closing
    }
    pool.shutdownNow();
  }
}
