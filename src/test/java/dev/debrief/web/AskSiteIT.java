package dev.debrief.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.Indexer;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import dev.debrief.testing.TestCorpus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ask page and library without sign-in, over real HTTP and a real index of the three-report
 * corpus.
 */
class AskSiteIT {
  @TempDir static Path tmp;
  static Wiring wiring;
  static WebServer web;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(
        docs.resolve("secret.md"),
        "---\ntitle: Scheduler budget\nchannels: [CPRIV]\n---\n# Budget\n\n"
            + "The scheduler team got a budget of 90 thousand euros for node scoring work next year.\n");
    wiring = new Wiring(DebriefConfig.defaults(), tmp.resolve("index"), Clock.systemUTC());
    assertEquals(
        4, wiring.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE).added());
    web =
        new WebServer(
                wiring.catalog(),
                "http://127.0.0.1",
                new Metrics(),
                () -> new Health(true, "ok"),
                null,
                "127.0.0.1",
                0)
            .withAsk(wiring.askSite(null, null));
    web.start();
  }

  @AfterAll
  static void stop() {
    web.stop();
    wiring.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Document page(String path) throws Exception {
    return Jsoup.parse(get(path).body());
  }

  static String ask(String q) {
    return "/ask?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  @Test
  void theAnswerIsCitedAndEachMarkerOpensTheViewerAtItsPassage() throws Exception {
    HttpResponse<String> r = get(ask("how does the scheduler filter and score nodes?"));
    assertEquals(200, r.statusCode());
    assertTrue(
        r.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("form-action 'self'"));
    Document d = Jsoup.parse(r.body());
    assertEquals("how does the scheduler filter and score nodes?", d.select("#q").val());
    assertFalse(d.select("#answer.answered").isEmpty(), d.select("#answer").text());
    String href = d.select("#answer a.cite").first().attr("href");
    assertTrue(href.matches("/reports/r[0-9a-f]+\\?p=r[0-9a-f]+-p\\d{4}"), href);
    assertEquals(href, d.select("#sources a.source-link").first().attr("href"));
    assertEquals(
        "Scheduler deep dive — Filtering and scoring",
        d.select("#sources a.source-link").first().text());
    Document viewer = page(href);
    assertTrue(viewer.select(".passage.highlight").text().contains("Filtering removes nodes"));
  }

  @Test
  void withoutSignInRestrictedReportsAreNeitherCitedNorListed() throws Exception {
    Document d = page(ask("what budget did the scheduler team get?"));
    assertFalse(d.select("#answer").text().contains("90 thousand"), d.select("#answer").text());
    assertFalse(page("/reports").text().contains("Scheduler budget"));
  }

  @Test
  void questionTextIsEscapedAndAnEmptyQuestionShowsTheForm() throws Exception {
    Document d = page(ask("<script>alert(1)</script> scheduler?"));
    assertTrue(d.select("script:not([src])").isEmpty());
    assertEquals("<script>alert(1)</script> scheduler?", d.select("#q").val());
    Document empty = page("/");
    assertTrue(empty.select("#answer").isEmpty());
    assertEquals("Ask", empty.select("#ask-button").text());
  }

  @Test
  void theLibraryGroupsByEventNewestFirstAndFiltersByEventAndAuthor() throws Exception {
    Document all = page("/reports");
    assertEquals(
        List.of("Cloud Days 2024 (2)", "Data Summit 2023 (1)"),
        all.select(".event-group h2").eachText());
    assertEquals(
        List.of("Storage panel notes", "Scheduler deep dive", "Closing keynote recap"),
        all.select(".event-group li > a").eachText());
    assertEquals(
        List.of("all", "Cloud Days 2024", "Data Summit 2023"),
        all.select("#event-filters a").eachText());
    Document event = page("/reports?event=cloud+days+2024");
    assertEquals(
        List.of("Storage panel notes", "Scheduler deep dive"),
        event.select(".event-group li > a").eachText());
    Document author = page("/reports?event=Cloud+Days+2024&author=Ana+Lima");
    assertEquals(List.of("Scheduler deep dive"), author.select(".event-group li > a").eachText());
    assertEquals(
        "/reports?author=Ana+Lima", author.select("#event-filters a").first().attr("href"));
  }
}
