package dev.debrief.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SSRF refusals (all before any connection: asserted through the fetcher's outbound-connection
 * count and a fake resolver, never real DNS) and fetches from loopback test servers that are
 * allow-listed.
 */
class SafeFetcherTest {
  private final java.util.concurrent.ScheduledExecutorService timer = SafeFetcher.newTimer();
  private final List<String> lookups = new ArrayList<>();

  /** Fake DNS: names used by the tests only; anything else is unknown. */
  private final HostResolver fakeDns =
      host -> {
        lookups.add(host);
        Map<String, String> table =
            Map.of(
                "intranet.example", "10.1.2.3",
                "home-router.example", "192.168.1.1",
                "cgnat.example", "100.64.0.7",
                "mixed.example", "93.184.216.34,172.16.5.4",
                "ula.example", "fd12:3456::1",
                "public.example", "93.184.216.34");
        String v = table.get(host);
        if (v == null) {
          throw new UnknownHostException(host);
        }
        List<InetAddress> out = new ArrayList<>();
        for (String a : v.split(",")) {
          out.add(InetAddress.getByName(a));
        }
        return out;
      };

  private final List<AutoCloseable> closing = new ArrayList<>();

  private SafeFetcher fetcher(long maxBytes, String... allowHosts) {
    SafeFetcher f =
        new SafeFetcher(
            new SafeFetcher.Settings(
                Duration.ofSeconds(2), Duration.ofSeconds(2), maxBytes, List.of(allowHosts)),
            fakeDns,
            timer);
    closing.add(f);
    return f;
  }

  private LoopbackServer server(LoopbackServer.Handler h) throws IOException {
    LoopbackServer s = new LoopbackServer(h);
    closing.add(s);
    return s;
  }

  @AfterEach
  void close() throws Exception {
    timer.shutdownNow();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private static String refusal(SafeFetcher f, String url) {
    return assertThrows(FetchException.class, () -> f.fetch(url)).getMessage();
  }

  @Test
  void refusesSpecialAddressesAndSchemesBeforeConnecting() {
    SafeFetcher f = fetcher(1_000_000);
    assertEquals("refused: 127.0.0.1 is a loopback address", refusal(f, "http://127.0.0.1:8080/x"));
    assertEquals(
        "refused: 169.254.169.254 is the cloud metadata address",
        refusal(f, "http://169.254.169.254/latest/meta-data/iam/"));
    assertEquals("refused: ::1 is a loopback address", refusal(f, "http://[::1]/"));
    assertEquals(
        "refused: 10.0.0.5 is a private address", refusal(f, "https://10.0.0.5/report.html"));
    assertEquals(
        "refused: intranet.example resolves to 10.1.2.3, which is a private address",
        refusal(f, "http://intranet.example/wiki"));
    assertEquals(
        "refused: home-router.example resolves to 192.168.1.1, which is a private address",
        refusal(f, "https://home-router.example/"));
    assertEquals(
        "refused: cgnat.example resolves to 100.64.0.7, which is a carrier-grade NAT address (100.64.0.0/10)",
        refusal(f, "http://cgnat.example/"));
    assertEquals(
        "refused: mixed.example resolves to 172.16.5.4, which is a private address",
        refusal(f, "http://mixed.example/"));
    assertEquals(
        "refused: ula.example resolves to fd12:3456:0:0:0:0:0:1, which is a unique-local address (fc00::/7)",
        refusal(f, "http://ula.example/"));
    assertEquals(
        "refused: metadata.google.internal is a cloud metadata host",
        refusal(f, "http://metadata.google.internal/computeMetadata/v1/"));
    assertEquals(
        "refused: fd00:ec2::254 is the cloud metadata address",
        refusal(f, "http://[fd00:ec2::254]/"));
    assertEquals(
        "refused: 0.0.0.0 is a \"this network\" address (0.0.0.0/8)",
        refusal(f, "http://0.0.0.0:3000/"));
    assertEquals(
        "refused: ::ffff:127.0.0.1 is a loopback address",
        refusal(f, "http://[::ffff:127.0.0.1]/"));
    assertEquals(
        "refused: only http and https URLs can be fetched, not file:",
        refusal(f, "file:///etc/passwd"));
    assertEquals(
        "refused: only http and https URLs can be fetched, not gopher:",
        refusal(f, "gopher://127.0.0.1:70/_SLAVEOF"));
    assertEquals(
        "refused: only http and https URLs can be fetched, not ftp:",
        refusal(f, "ftp://example.org/a"));
    assertEquals(
        "refused: URLs with credentials (user@host) are not fetched",
        refusal(f, "http://admin:pw@public.example/"));
    assertEquals("cannot resolve host nowhere.example", refusal(f, "http://nowhere.example/"));
    assertEquals(
        0, f.outboundConnections(), "every refusal happens before a connection is attempted");
    // Only names went to the (fake) resolver; literals and metadata names never did.
    assertEquals(
        List.of(
            "intranet.example",
            "home-router.example",
            "cgnat.example",
            "mixed.example",
            "ula.example",
            "nowhere.example"),
        lookups);
  }

  @Test
  void metadataStaysRefusedEvenWhenAllowListed() {
    SafeFetcher f = fetcher(1_000_000, "169.254.169.254", "metadata.google.internal");
    assertEquals(
        "refused: 169.254.169.254 is the cloud metadata address",
        refusal(f, "http://169.254.169.254/"));
    assertEquals(
        "refused: metadata.google.internal is a cloud metadata host",
        refusal(f, "http://metadata.google.internal/"));
    assertEquals(0, f.outboundConnections());
  }

  @Test
  void fetchesFromAnAllowListedLoopbackServerThroughThePinnedAddress() throws Exception {
    LoopbackServer s =
        server(
            ex ->
                LoopbackServer.send(
                    ex,
                    200,
                    "text/html; charset=utf-8",
                    "<html><head><title>Recap</title></head><body><h1>Recap</h1><p>Hello.</p></body></html>"));
    SafeFetcher f = fetcher(1_000_000, "127.0.0.1");
    FetchedPage page = f.fetch(s.base() + "/blog/kubecon-recap?x=1");
    assertEquals(s.base() + "/blog/kubecon-recap?x=1", page.url().toString());
    assertEquals("text/html", page.contentType());
    assertEquals("kubecon-recap.html", page.fileName());
    assertEquals(0, page.redirects());
    assertTrue(new String(page.body(), StandardCharsets.UTF_8).contains("<h1>Recap</h1>"));
    // The request went to the vetted address in origin form, with the original Host.
    assertEquals(List.of("GET /blog/kubecon-recap?x=1 Host=127.0.0.1:" + s.port()), s.requests);
    assertEquals(1, f.outboundConnections());
  }

  @Test
  void aStrictOriginServerGetsOriginFormRequestsOneConnectionEach() throws Exception {
    List<String> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
    LoopbackServer s =
        server(
            ex -> {
              connections.add(ex.getRequestHeaders().getFirst("Connection"));
              if (ex.getRequestURI().isAbsolute()
                  || ex.getRequestHeaders().getFirst("Host") == null) {
                LoopbackServer.send(
                    ex, 400, "text/plain", "absolute-form request targets are not served here");
              } else if (ex.getRequestURI().getPath().equals("/moved")) {
                LoopbackServer.redirect(ex, "/notes/day-1.md?v=2");
              } else {
                LoopbackServer.send(
                    ex,
                    200,
                    "text/markdown",
                    "# Day 1\n\nNotes from " + ex.getRequestURI() + ".\n");
              }
            });
    SafeFetcher f = fetcher(1_000_000, "127.0.0.1");

    FetchedPage page = f.fetch(s.base() + "/moved");
    FetchedPage again = f.fetch(s.base() + "/notes/day-1.md?v=2");

    assertEquals(
        "# Day 1\n\nNotes from /notes/day-1.md?v=2.\n",
        new String(page.body(), StandardCharsets.UTF_8));
    assertEquals(s.base() + "/notes/day-1.md?v=2", page.url().toString());
    assertEquals(
        new String(page.body(), StandardCharsets.UTF_8),
        new String(again.body(), StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            "GET /moved Host=127.0.0.1:" + s.port(),
            "GET /notes/day-1.md?v=2 Host=127.0.0.1:" + s.port(),
            "GET /notes/day-1.md?v=2 Host=127.0.0.1:" + s.port()),
        s.requests);
    assertEquals(List.of("close", "close", "close"), connections, "one request per connection");
    assertEquals(3, f.outboundConnections());
  }

  @Test
  void redirectToAPrivateAddressIsRefused() throws Exception {
    LoopbackServer s =
        server(
            ex -> {
              switch (ex.getRequestURI().getPath()) {
                case "/to-literal" -> LoopbackServer.redirect(ex, "http://10.0.0.5/admin");
                case "/to-name" -> LoopbackServer.redirect(ex, "https://home-router.example/");
                case "/to-metadata" ->
                    LoopbackServer.redirect(ex, "http://169.254.169.254/latest/meta-data/");
                case "/to-file" -> LoopbackServer.redirect(ex, "file:///etc/passwd");
                default -> LoopbackServer.send(ex, 404, "text/plain", "no");
              }
            });
    SafeFetcher f = fetcher(1_000_000, "127.0.0.1");
    assertEquals("refused: 10.0.0.5 is a private address", refusal(f, s.base() + "/to-literal"));
    assertEquals(
        "refused: home-router.example resolves to 192.168.1.1, which is a private address",
        refusal(f, s.base() + "/to-name"));
    assertEquals(
        "refused: 169.254.169.254 is the cloud metadata address",
        refusal(f, s.base() + "/to-metadata"));
    assertEquals(
        "refused: only http and https URLs can be fetched, not file:",
        refusal(f, s.base() + "/to-file"));
    assertEquals("HTTP 404 from " + s.base() + "/other", refusal(f, s.base() + "/other"));
    // One connection per request to the allowed server; none to any redirect target.
    assertEquals(5, f.outboundConnections());
    assertEquals(5, s.requests.size());
  }

  @Test
  void followsAtMostFiveRedirects() throws Exception {
    LoopbackServer s =
        server(
            ex -> {
              String path = ex.getRequestURI().getPath();
              int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
              int stop = path.startsWith("/five/") ? 5 : 99;
              if (n < stop) {
                LoopbackServer.redirect(
                    ex, (path.startsWith("/five/") ? "/five/" : "/loop/") + (n + 1));
              } else {
                LoopbackServer.send(ex, 200, "text/markdown", "# Done\n\nArrived.\n");
              }
            });
    SafeFetcher f = fetcher(1_000_000, "127.0.0.1");
    FetchedPage five = f.fetch(s.base() + "/five/0");
    assertEquals(5, five.redirects());
    assertEquals(s.base() + "/five/5", five.url().toString());
    assertEquals("5.md", five.fileName());
    s.requests.clear();
    assertEquals(
        "refused: more than 5 redirects (last: " + s.base() + "/loop/5)",
        refusal(f, s.base() + "/loop/0"));
    assertEquals(6, s.requests.size());
  }

  @Test
  void oversizeBodiesAreRefused() throws Exception {
    String big = "x".repeat(2000);
    LoopbackServer s =
        server(
            ex -> {
              if (ex.getRequestURI().getPath().equals("/declared")) {
                LoopbackServer.send(ex, 200, "text/plain", big);
              } else {
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, 0); // chunked: no Content-Length
                try (OutputStream out = ex.getResponseBody()) {
                  for (int i = 0; i < 20; i++) {
                    out.write(big.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                  }
                } catch (IOException ignored) {
                  // the client hung up at the cap
                }
              }
            });
    SafeFetcher f = fetcher(1000, "127.0.0.1");
    assertEquals(
        "refused: " + s.base() + "/declared is 2000 bytes, over the limit of 1000 bytes",
        refusal(f, s.base() + "/declared"));
    assertEquals(
        "refused: " + s.base() + "/streamed is larger than the limit of 1000 bytes",
        refusal(f, s.base() + "/streamed"));
  }

  @Test
  void unsupportedContentTypeIsRefused() throws Exception {
    LoopbackServer s = server(ex -> LoopbackServer.send(ex, 200, "image/png", "PNG"));
    SafeFetcher f = fetcher(1_000_000, "127.0.0.1");
    assertEquals(
        "unsupported content type image/png (supported: HTML, Markdown, plain text, reStructuredText, PDF)",
        refusal(f, s.base() + "/pic.png"));
  }

  @Test
  void httpsIsTunnelledToThePinnedAddress() throws Exception {
    // A raw TCP listener on loopback stands in for a TLS server: it records the first byte it
    // receives (a TLS
    // handshake record is 0x16) and hangs up, so the fetch fails after the tunnel connected to the
    // vetted
    // address and TLS started end to end.
    try (ServerSocket tls = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Integer> firstByte =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket c = tls.accept();
                    InputStream in = c.getInputStream()) {
                  return in.read();
                } catch (IOException e) {
                  return -2;
                }
              });
      SafeFetcher f = fetcher(1_000_000, "127.0.0.1");
      String reason = refusal(f, "https://127.0.0.1:" + tls.getLocalPort() + "/r.html");
      // The stand-in hangs up mid-handshake; the client reports that as a failed connect or fetch.
      assertTrue(reason.startsWith("could not "), reason);
      assertEquals(0x16, firstByte.get(5, TimeUnit.SECONDS));
      // java.net.http retries once on a connection that died before the response; both went to the
      // pin.
      int n = f.outboundConnections();
      assertTrue(n == 1 || n == 2, "outbound connections: " + n);
    }
  }

  @Test
  void fileNamesFollowTheContentType() throws Exception {
    assertEquals(
        "notes.md", FetchUrls.fileName(java.net.URI.create("http://h/a/notes.md"), "text/plain"));
    assertEquals("notes.rst", FetchUrls.fileName(java.net.URI.create("http://h/a/notes.rst"), ""));
    assertEquals("index.html", FetchUrls.fileName(java.net.URI.create("http://h/"), "text/html"));
    assertEquals(
        "deck.pdf", FetchUrls.fileName(java.net.URI.create("http://h/deck"), "application/pdf"));
    assertEquals(
        "post.txt", FetchUrls.fileName(java.net.URI.create("http://h/post"), "text/plain"));
  }
}
