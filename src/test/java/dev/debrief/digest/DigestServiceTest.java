package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.model.Citation;
import dev.debrief.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestServiceTest {
  static final String ALPHA =
      Corpus.report(
          "Scheduler deep dive",
          "Cloud Days 2024",
          "2024-03-10",
          "Ana Lima",
          """
      ## Filtering and scoring

      The Kubernetes scheduler assigns pods to nodes in two phases. Filtering removes nodes that cannot run the pod.
      Scoring ranks the remaining nodes with priority functions and picks the best node. The speaker showed a cluster
      of 5000 nodes where scheduling latency stayed under ten milliseconds.

      ## Takeaways

      - Scheduler plugins replace most custom schedulers today.
      - Measure scheduling latency before tuning the scoring weights.
      """);
  static final String BETA =
      Corpus.report(
          "Storage panel notes",
          "Cloud Days 2024",
          "2024-03-11",
          "Ben Ode",
          """
      ## Dynamic provisioning

      Persistent volumes and dynamic provisioning were the focus of the panel. CSI drivers now cover every major
      cloud provider. The panel agreed that volume snapshots are the feature operators ask for most often.
      """);
  static final String GAMMA =
      Corpus.report(
          "Closing keynote recap",
          "Data Summit 2023",
          "2023-11-02",
          "Chen Wu",
          """
      ## Numbers

      The closing keynote celebrated 1500 attendees and announced that next year's venue is Copenhagen. Ticket sales
      opened the same afternoon, with a discount for open source maintainers.
      """);
  static final Pattern MARK = Pattern.compile("\\[(\\d+)]");

  @TempDir Path tmp;
  TestClock clock;
  Corpus corpus;
  DigestService service;
  IngestLog log;
  String alpha;
  String beta;
  String gamma;

  @BeforeEach
  void setUp() throws Exception {
    clock = new TestClock("2027-03-26T08:00:00Z");
    corpus = new Corpus(tmp, clock);
    log = new IngestLog(tmp.resolve("index"));
    service = new DigestService(corpus.catalog, corpus.embedder, corpus.links, log, clock);
    alpha = corpus.add("alpha.md", ALPHA); // 08:00
    clock.advance(Duration.ofHours(1));
    beta = corpus.add("beta.md", BETA); // 09:00
    clock.advance(Duration.ofHours(1));
    gamma = corpus.add("gamma.md", GAMMA); // 10:00
    clock.advance(Duration.ofHours(1)); // now 11:00
  }

  @AfterEach
  void tearDown() {
    corpus.close();
  }

  @Test
  void windowsAreHalfOpenSoConsecutiveDigestsNeitherOverlapNorMiss() {
    Instant t0 = Instant.parse("2027-03-26T08:00:00Z");
    Digest first = service.digest(t0, t0.plus(Duration.ofHours(1)), "", null);
    Digest second = service.digest(t0.plus(Duration.ofHours(1)), clock.instant(), "", null);
    assertEquals(List.of(alpha), ids(first));
    assertEquals(List.of(gamma, beta), ids(second));
    // grouped by event, the group of the newest report first
    assertEquals(
        List.of("Data Summit 2023", "Cloud Days 2024"),
        second.events().stream().map(Digest.EventGroup::event).toList());
    assertEquals("2 reports, 4 sections", DigestText.coverageLine(second.coverage()));
  }

  @Test
  void eachReportHasTitleAuthorDateAndACitedSummaryWhoseQuotesHoldTheSentences() {
    Digest d = service.digest(Instant.parse("2027-03-26T00:00:00Z"), clock.instant(), "", null);
    assertEquals(3, d.coverage().reports());
    Digest.ReportDigest a = d.events().get(1).reports().get(1);
    assertEquals(alpha, a.reportId());
    assertEquals("Scheduler deep dive", a.title());
    assertEquals("Ana Lima", a.author());
    assertEquals("2024-03-10", a.date());
    assertEquals(Instant.parse("2027-03-26T08:00:00Z"), a.ingestedAt());
    for (Digest.EventGroup g : d.events()) {
      for (Digest.ReportDigest r : g.reports()) {
        long sentences = MARK.matcher(r.summary()).results().count();
        assertTrue(sentences >= 1 && sentences <= 3, r.summary());
        assertCitedSentencesAreQuoted(r.summary(), r.citations());
        r.takeaways().forEach(t -> assertCitedSentencesAreQuoted(t, r.citations()));
        for (Citation c : r.citations()) {
          assertEquals(r.reportId(), c.reportId());
        }
      }
    }
    // the author's own takeaways section feeds the takeaways
    assertTrue(
        a.takeaways().stream().anyMatch(t -> t.startsWith("Measure scheduling latency")),
        a.takeaways().toString());
  }

  @Test
  void eventFilterKeepsOneEvent() {
    Digest d = service.digest(Instant.EPOCH, clock.instant(), "cloud days 2024", null);
    assertEquals(List.of(beta, alpha), ids(d));
    assertEquals("cloud days 2024", d.event());
  }

  @Test
  void emptyWindowSaysNothingNewSinceWithTheDate() {
    Instant from = Instant.parse("2027-03-26T11:00:00Z");
    Digest d = service.digest(from, from.plus(Duration.ofHours(5)), "", null);
    assertTrue(d.isEmpty());
    assertEquals(
        "Nothing new since 2027-03-26 12:00 CET.",
        DigestText.nothingNew(from, ZoneId.of("Europe/Berlin")));
    String text = DigestText.digest(d, ZoneId.of("UTC"), DigestText.Style.PLAIN);
    assertTrue(text.endsWith("Nothing new since 2027-03-26 11:00 UTC."), text);
  }

  @Test
  void coverageNamesFilesTheIngestCouldNotParseInTheWindow() {
    log.append(
        new IngestLog.Run(
            Instant.parse("2027-03-26T07:00:00Z").toEpochMilli(),
            List.of(),
            List.of(new IngestLog.Failure("/old/outside.pdf", "not a PDF"))));
    log.append(
        new IngestLog.Run(
            Instant.parse("2027-03-26T09:30:00Z").toEpochMilli(),
            List.of(beta),
            List.of(new IngestLog.Failure("/reports/broken.pdf", "not a PDF"))));
    Digest d = service.digest(Instant.parse("2027-03-26T08:00:00Z"), clock.instant(), "", null);
    assertEquals(
        "3 reports, 7 sections; 1 file could not be parsed: broken.pdf",
        DigestText.coverageLine(d.coverage()));
  }

  @Test
  void aTornLogLineIsSkipped() throws Exception {
    log.append(
        new IngestLog.Run(
            Instant.parse("2027-03-26T09:30:00Z").toEpochMilli(),
            List.of(),
            List.of(new IngestLog.Failure("a.md", "bad"))));
    java.nio.file.Files.writeString(
        log.file(), "{\"at\": 17, \"fail", java.nio.file.StandardOpenOption.APPEND);
    assertEquals(1, log.runs().size());
  }

  @Test
  void jsonHasTheFieldsOfTheCli() {
    Digest d = service.digest(Instant.parse("2027-03-26T08:00:00Z"), clock.instant(), "", null);
    JsonObject o = JsonParser.parseString(DigestText.digestJson(d)).getAsJsonObject();
    assertEquals(3, o.getAsJsonObject("coverage").get("reports").getAsInt());
    JsonObject r =
        o.getAsJsonArray("events")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("reports")
            .get(0)
            .getAsJsonObject();
    assertEquals(gamma, r.get("reportId").getAsString());
    assertEquals("Chen Wu", r.get("author").getAsString());
    assertFalse(r.get("summary").getAsString().isBlank());
    assertTrue(r.getAsJsonArray("citations").size() >= 1);
  }

  @Test
  void sinceAcceptsDurationsAndDatesAndRejectsAnythingElse() {
    TestClock c = new TestClock("2027-03-28T12:00:00Z");
    assertEquals(
        Instant.parse("2027-03-27T12:00:00Z"),
        DigestService.parseSince("24h", c, ZoneId.of("UTC")));
    assertEquals(
        Instant.parse("2027-03-21T12:00:00Z"), DigestService.parseSince("7d", c, ZoneId.of("UTC")));
    assertEquals(
        Instant.parse("2027-03-28T10:30:00Z"),
        DigestService.parseSince("90m", c, ZoneId.of("UTC")));
    assertEquals(
        Instant.parse("2027-03-26T23:00:00Z"),
        DigestService.parseSince("2027-03-27", c, ZoneId.of("Europe/Berlin")));
    for (String bad :
        List.of(
            "",
            "yesterday",
            "24",
            "-1d",
            "2027-13-01",
            "x".repeat(10_000),
            "7d; DROP TABLE",
            "🙂")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> DigestService.parseSince(bad, c, ZoneId.of("UTC")));
      assertTrue(e.getMessage().length() < 200, e.getMessage());
    }
    assertTrue(DigestService.isWindow("7d"));
    assertFalse(DigestService.isWindow("kubecon 2017"));
  }

  static void assertCitedSentencesAreQuoted(String text, List<Citation> citations) {
    // each "... [n]." piece: the words before the marker occur in citation n's passage
    Matcher m = Pattern.compile("([^\\[\\]]+?)\\s\\[(\\d+)]").matcher(text);
    int found = 0;
    while (m.find()) {
      found++;
      String sentence = m.group(1).strip().replaceFirst("^[.!?]\\s*", "");
      Citation c = citations.get(Integer.parseInt(m.group(2)) - 1);
      String words = sentence.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      String quote = c.quote().replaceAll("[^\\p{L}\\p{N}]+", " ");
      assertTrue(
          quote.contains(words),
          "\"" + sentence + "\" not in cited passage " + c.passageId() + ": " + c.quote());
    }
    assertTrue(found > 0, "no citation in: " + text);
  }

  private static List<String> ids(Digest d) {
    return d.events().stream()
        .flatMap(g -> g.reports().stream())
        .map(Digest.ReportDigest::reportId)
        .toList();
  }
}
