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
 * Makes {@link java.net.http.HttpClient} connect to addresses vetted before the request, never to whatever
 * a second DNS lookup returns (DNS rebinding). It is the client's {@link ProxySelector}:
 * <ul>
 *   <li>{@code http://host:port/…} is routed "through a proxy" that is the vetted address itself, so the
 *       request line carries the absolute URI and {@code Host: host}, which origin servers accept
 *       (RFC 9112 §3.2.2);</li>
 *   <li>{@code https://host:port/…} is routed through a CONNECT tunnel (RFC 9110 §9.3.6) on a loopback port
 *       inside this process, which connects to the vetted address and then only copies bytes; TLS with SNI
 *       and certificate checks for {@code host} stays between the client and the server.</li>
 * </ul>
 * A request whose (scheme, host, port) has no vetted address goes to the tunnel, which answers 403 and never
 * opens an outbound connection.
 */
final class PinnedRoutes extends ProxySelector implements AutoCloseable {
  private final Map<String, InetSocketAddress> pins = new ConcurrentHashMap<>();
  private final ServerSocket tunnel;
  private final ExecutorService pool;
  private final int connectTimeoutMillis;
  private final AtomicInteger outbound = new AtomicInteger();

  PinnedRoutes(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
    try {
      tunnel = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the loopback CONNECT tunnel: " + e.getMessage(), e);
    }
    pool = Executors.newCachedThreadPool(r -> {
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
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    InetSocketAddress pinned = uri.getHost() == null ? null : pins.get(key(scheme, uri.getHost(), port));
    if (pinned != null && scheme.equals("http")) {
      outbound.incrementAndGet();
      return List.of(new Proxy(Proxy.Type.HTTP, pinned));
    }
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
      String head = readHead(client.getInputStream());
      String[] first = head.split("\r\n", 2)[0].split(" ");
      InetSocketAddress target = null;
      if (first.length == 3 && first[0].equals("CONNECT")) {
        String authority = first[1];
        int colon = authority.lastIndexOf(':');
        if (colon > 0) {
          try {
            target = pins.get(key("https", authority.substring(0, colon),
                Integer.parseInt(authority.substring(colon + 1))));
          } catch (NumberFormatException ignored) {
            target = null;
          }
        }
      }
      OutputStream toClient = client.getOutputStream();
      if (target == null) {
        toClient.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      Socket server = new Socket();
      try (server) {
        outbound.incrementAndGet();
        try {
          server.connect(target, connectTimeoutMillis);
        } catch (IOException e) {
          toClient.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          return;
        }
        client.setSoTimeout(0);
        toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        toClient.flush();
        pool.execute(() -> copy(server, client));
        copy(client, server);
      }
    } catch (IOException e) {
      // the client sees the closed connection
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

  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && sb.length() < 8192) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return sb.toString();
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
