package dev.debrief.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Main;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.fetch.LoopbackServer;
import dev.debrief.model.Hit;
import dev.debrief.model.Report;
import dev.debrief.model.SearchFilters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetch + ingest of pages served by an allow-listed loopback server: real jsoup extraction, real
 * index.
 */
class WebIngestIT {
  static final String PAGE =
      """
      <!DOCTYPE html><html><head><title>KubeCon recap | Ana's blog</title>
      <meta name="author" content="Ana Lima"></head>
      <body><nav><a href="/">Home</a> <a href="/about">About the author of this blog</a></nav>
      <article><h1>KubeCon recap</h1>
      <h2 id="gateway">Gateway API</h2>
      <p>The Gateway API session showed that route delegation is now stable, and that three service meshes
      implement the same conformance profile. The maintainers asked for feedback on the policy attachment model.</p>
      </article><footer>Copyright Ana. Subscribe to the newsletter.</footer></body></html>
      """;

  @TempDir Path tmp;

  private static LoopbackServer server() throws Exception {
    return new LoopbackServer(
        ex -> {
          switch (ex.getRequestURI().getPath()) {
            case "/blog/kubecon-recap" ->
                LoopbackServer.send(ex, 200, "text/html; charset=utf-8", PAGE);
            case "/old-link" -> LoopbackServer.redirect(ex, "/blog/kubecon-recap");
            case "/to-private" -> LoopbackServer.redirect(ex, "http://192.168.0.10/recap");
            default -> LoopbackServer.send(ex, 404, "text/plain", "not found");
          }
        });
  }

  private static DebriefConfig allowLoopback() {
    DebriefConfig c = DebriefConfig.defaults();
    c.access.allowHosts = List.of("127.0.0.1");
    return c;
  }

  @Test
  void fetchedPageIsIngestedWithItsUrlForCitations() throws Exception {
    try (LoopbackServer s = server();
        Wiring w =
            new Wiring(allowLoopback(), tmp.resolve("index"), Clock.systemUTC())
                .withResolver(
                    host -> {
                      throw new java.net.UnknownHostException(host);
                    })) {
      String url = s.base() + "/blog/kubecon-recap";
      WebIngest.Result r = w.webIngest().ingest(s.base() + "/old-link", List.of());
      assertTrue(r.ok(), r.reason());
      assertEquals(url, r.finalUrl(), "the redirect target is the report's source");
      assertEquals(
          Report.idForContent(w.catalog().findReport(r.reportId()).orElseThrow().text()),
          r.reportId());
      assertEquals(1, r.result().added());
      Report report = w.catalog().findReport(r.reportId()).orElseThrow();
      assertEquals(url, report.source());
      assertEquals(url, report.meta().url());
      assertEquals("html", report.format());
      assertEquals("Ana Lima", report.meta().author());
      assertEquals(List.of(), report.meta().channels());
      assertFalse(report.text().contains("About the author"), "navigation dropped");
      assertFalse(report.text().contains("newsletter"), "footer dropped");

      List<Hit> hits = w.retriever().search("route delegation gateway", 3, SearchFilters.NONE);
      assertEquals(r.reportId(), hits.get(0).reportId());
      assertEquals("Gateway API", hits.get(0).section());
      assertEquals(
          url + "#gateway",
          hits.get(0).url(),
          "the page carries the heading id, so the link uses it");

      // The same page again is unchanged; a redirect to a private address is refused with the
      // reason.
      assertEquals(1, w.webIngest().ingest(url, List.of()).result().unchanged());
      WebIngest.Result refused = w.webIngest().ingest(s.base() + "/to-private", List.of());
      assertEquals("refused: 192.168.0.10 is a private address", refused.reason());
      assertEquals(s.base() + "/to-private", refused.result().failures().get(0).input());
    }
  }

  @Test
  void cliIngestsUrlsMixedWithPathsAndReportsEachFailure() throws Exception {
    try (LoopbackServer s = server()) {
      Path cfg = tmp.resolve("debrief.json");
      Files.writeString(cfg, "{\"access\": {\"allowHosts\": [\"127.0.0.1\"]}}");
      Path doc = tmp.resolve("notes.md");
      Files.writeString(doc, "# Notes\n\nThe hallway track was about eBPF observability tools.\n");
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code;
      try {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        code =
            Main.run(
                "--config",
                cfg.toString(),
                "--index",
                tmp.resolve("ix").toString(),
                "ingest",
                s.base() + "/blog/kubecon-recap",
                doc.toString(),
                "file:///etc/passwd",
                "http://169.254.169.254/",
                s.base() + "/missing");
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
      assertEquals(1, code);
      assertTrue(
          out.toString(StandardCharsets.UTF_8).startsWith("ingested 2 new, 0 updated, 0 unchanged"),
          out.toString());
      assertEquals(
          List.of(
              "skipped file:///etc/passwd: refused: only http and https URLs can be fetched, not file:",
              "skipped http://169.254.169.254/: refused: 169.254.169.254 is the cloud metadata address",
              "skipped " + s.base() + "/missing: HTTP 404 from " + s.base() + "/missing"),
          err.toString(StandardCharsets.UTF_8).lines().toList());
    }
  }
}
