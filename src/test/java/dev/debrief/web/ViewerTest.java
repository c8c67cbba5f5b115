package dev.debrief.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.index.ReportCatalog;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.ReportMeta;
import dev.debrief.model.Section;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The citation viewer over real HTTP: escaping, heading ids, passage highlight, 404. */
class ViewerTest {
  static final String ID = "rviewer000001";

  /**
   * Test fixture: a literal report with hostile text and many sections, so the cited passage is far
   * down.
   */
  static Report report() {
    StringBuilder text = new StringBuilder();
    List<Section> sections = new ArrayList<>();
    List<Passage> passages = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      String heading = s == 0 ? "Intro <script>alert(1)</script> & more" : "Section " + s;
      int sStart = text.length();
      text.append(heading).append("\n\n");
      for (int p = 0; p < 3; p++) {
        String body =
            s == 9 && p == 1
                ? "The cited passage about CSI snapshots & <b>volumes</b> is here. \"Quoted\" 'text' 🎉."
                : ("Filler paragraph "
                        + s
                        + "."
                        + p
                        + " with enough words to take up vertical space on the page. ")
                    .repeat(4)
                    .strip();
        int pStart = text.length();
        text.append(body).append("\n\n");
        passages.add(
            new Passage(
                Passage.idOf(ID, passages.size()),
                ID,
                passages.size(),
                s,
                List.of(heading),
                "section-" + s,
                body,
                pStart,
                pStart + body.length()));
      }
      sections.add(
          new Section(
              s,
              1,
              heading,
              List.of(heading),
              s == 0 ? "intro" : "section-" + s,
              sStart,
              text.length()));
    }
    ReportMeta meta =
        new ReportMeta(
            "Notes <img src=x onerror=alert(1)>",
            "KubeCon",
            "2017-03-30",
            "Ada & Bob",
            "javascript:alert(1)",
            List.of(),
            List.of());
    return new Report(
        ID, "/r/notes.md", "markdown", meta, text.toString(), sections, passages, "hash");
  }

  static final String CITED = Passage.idOf(ID, 28);

  static ReportCatalog catalog() {
    Report r = report();
    return new ReportCatalog() {
      @Override
      public List<ReportInfo> list() {
        return List.of(
            new ReportInfo(
                r.id(),
                r.source(),
                r.format(),
                r.meta(),
                r.sections().size(),
                r.passages().size(),
                0L,
                r.contentHash()));
      }

      @Override
      public Optional<Report> findReport(String reportId) {
        return reportId.equals(ID) ? Optional.of(r) : Optional.empty();
      }
    };
  }

  WebServer web;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    web =
        new WebServer(
            catalog(),
            "http://127.0.0.1",
            new Metrics(),
            () -> new Health(true, "ok"),
            null,
            "127.0.0.1",
            0);
    web.start();
  }

  @AfterEach
  void stop() {
    web.stop();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reportPageEscapesEverythingAndHighlightsThePassage() throws Exception {
    assertEquals(
        CITED,
        report().passages().stream()
            .filter(p -> p.text().startsWith("The cited"))
            .findFirst()
            .orElseThrow()
            .id());
    HttpResponse<String> r = get("/reports/" + ID + "?p=" + CITED);
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    String html = r.body();
    assertFalse(html.contains("<script>alert(1)"), "script escaped");
    assertFalse(html.contains("<img src=x"), "markup in titles escaped");
    assertFalse(html.contains("<b>volumes"), "markup in text escaped");
    assertFalse(html.contains("javascript:"), "no javascript: link");
    Document doc = Jsoup.parse(html);
    assertEquals("Notes <img src=x onerror=alert(1)>", doc.getElementById("report-title").text());
    for (Element h : doc.select("h2, h3, h4, h5, h6")) {
      assertFalse(h.id().isEmpty(), "every section heading has an id: " + h.text());
    }
    assertNotNull(doc.getElementById("intro"));
    assertNotNull(doc.getElementById("section-9"));
    Element cited = doc.getElementById(CITED);
    assertNotNull(cited);
    assertTrue(cited.hasClass("highlight"));
    assertTrue(cited.text().contains("CSI snapshots & <b>volumes</b>"), cited.text());
    assertEquals(CITED, doc.body().attr("data-highlight"));
    assertEquals(1, doc.select(".highlight").size());
  }

  @Test
  void listUnknownAndAssets() throws Exception {
    HttpResponse<String> list = get("/reports");
    assertEquals(200, list.statusCode());
    assertTrue(list.body().contains("Notes &lt;img src=x onerror=alert(1)&gt;"), list.body());
    assertTrue(list.body().contains("href=\"/reports/" + ID + "\""));
    assertEquals(404, get("/reports/nope").statusCode());
    HttpResponse<String> stale = get("/reports/" + ID + "?p=" + ID + "-p9999");
    assertEquals(200, stale.statusCode());
    assertTrue(stale.body().contains("no longer in this report"));
    assertEquals(200, get("/static/viewer.js").statusCode());
    assertEquals(200, get("/static/viewer.css").statusCode());
    assertEquals(404, get("/slack/events").statusCode(), "no Slack endpoint when none is mounted");
    assertTrue(get("/metrics").body().contains("debrief_http_requests_total"));
  }
}
