package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Citation;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event briefs and digests over the real reports in ../shared/reports (real ingest, Lucene and
 * MiniLM): every theme cites at least one real passage of its event and none of another event.
 */
class EventSummaryIT {
  static final Path SHARED = Path.of("..", "shared", "reports");
  @TempDir static Path tmp;
  static Wiring wiring;
  static Map<String, Report> reports = new HashMap<>();

  @BeforeAll
  static void ingest() throws java.io.IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(SHARED),
        "../shared/reports is absent: skipping the real-report"
            + " event summary tests (they run on every developer machine and in CI, where ../shared exists)");
    wiring = new Wiring(DebriefConfig.defaults(), tmp.resolve("index"), Clock.systemUTC());
    IngestResult r = wiring.indexer().ingestPaths(List.of(SHARED), false, (d, t, i) -> {});
    assertTrue(r.ok(), r.failures().toString());
    for (ReportInfo info : wiring.catalog().list()) {
      reports.put(info.id(), wiring.catalog().findReport(info.id()).orElseThrow());
    }
    try (var files = Files.list(SHARED)) {
      assertEquals(
          files.filter(Files::isRegularFile).count(),
          reports.size(),
          "one report per file in " + SHARED);
    }
  }

  @AfterAll
  static void close() {
    if (wiring != null) {
      wiring.close();
    }
  }

  @Test
  void everyThemeOfEveryEventCitesRealPassagesOfThatEventOnly() {
    EventSummarizer summarizer = wiring.eventSummarizer();
    Set<String> events =
        reports.values().stream().map(r -> r.meta().event()).collect(Collectors.toSet());
    assertFalse(events.isEmpty());
    for (String event : events) {
      long t0 = System.nanoTime();
      EventSummary s = summarizer.summarizeEvent(event, null);
      System.out.printf(
          "summary of %s: %d themes, %d citations, %d sessions in %d ms%n",
          event,
          s.themes().size(),
          s.citations().size(),
          s.sessions().size(),
          (System.nanoTime() - t0) / 1_000_000);
      Set<String> ofEvent =
          reports.values().stream()
              .filter(r -> r.meta().event().equals(event))
              .map(Report::id)
              .collect(Collectors.toSet());
      // a theme is shown only when some statement is about its name, so a brief may have none, but
      // then its sessions say what happened
      assertFalse(
          s.themes().isEmpty() && s.sessions().isEmpty(), event + ": no themes, no sessions");
      assertTrue(s.themes().size() <= 6, event);
      // the lead quotes what the authors concluded (at most 5 sentences, fewer when fewer stand on
      // their own),
      // or is composed (a report of raw notes: the count of its sessions; a report's announcements)
      boolean composed =
          s.lead().stream().flatMap(l -> l.points().stream()).anyMatch(Point::composed);
      long quoted =
          s.lead().stream().flatMap(l -> l.points().stream()).filter(p -> !p.composed()).count();
      assertTrue(quoted <= 5 && (quoted >= 1 || composed), event + ": " + s.summary());
      for (Point p :
          s.lead().stream().flatMap(l -> l.points().stream()).filter(p -> !p.composed()).toList()) {
        assertCited(
            p.text(),
            s.citations(),
            event); // a composed line names announcements; it quotes nothing
      }
      Set<String> sessionTitles =
          s.sessions().stream()
              .map(x -> x.title().toLowerCase(java.util.Locale.ROOT).strip())
              .collect(Collectors.toSet());
      for (EventSummary.Theme t : s.themes()) {
        assertFalse(t.citations().isEmpty(), t.title());
        assertFalse(t.title().isBlank());
        assertFalse(t.title().equals("Other notes"), event + ": an unnamed cluster is no theme");
        for (String part : t.title().split(" · ")) {
          assertTrue(
              t.citations().stream()
                  .map(c -> passage(reports.get(c.reportId()), c.passageId()))
                  .anyMatch(x -> namesAWordOf(x, part)),
              "theme " + t.title() + " of " + event + ": no cited passage names a word of " + part);
        }
        assertFalse(
            s.themes().size() > 1
                && sessionTitles.contains(t.title().toLowerCase(java.util.Locale.ROOT).strip()),
            "theme " + t.title() + " of " + event + " repeats a session's title");
        for (Citation c : t.citations()) {
          assertTrue(
              ofEvent.contains(c.reportId()),
              "theme " + t.title() + " of " + event + " cites " + c.reportId());
          Report r = reports.get(c.reportId());
          Passage p =
              r.passages().stream()
                  .filter(x -> x.id().equals(c.passageId()))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no passage " + c.passageId()));
          assertEquals(p.text(), c.quote());
          assertEquals(s.citations().get(c.n() - 1), c);
        }
        for (Point p : t.points()) {
          assertCited(
              p.text(), s.citations(), event); // "Also covered in [n]" is Debrief's own line
        }
        // every report with passages in the theme is cited by it
        Set<String> cited =
            t.citations().stream().map(Citation::reportId).collect(Collectors.toSet());
        assertEquals(Set.copyOf(t.reports()), cited, t.title());
      }
      assertEquals(ofEvent.size(), s.coverage().reports());
      assertTrue(
          s.coverage().sections() >= 1 && s.coverage().sections() <= s.coverage().sectionsTotal());
      for (EventSummary.Session ses : s.sessions()) {
        assertTrue(ofEvent.contains(ses.reportId()));
      }
    }
  }

  @Test
  void looseNameJsonHasTheDocumentedShape() {
    EventSummarizer.Outcome o = wiring.eventSummarizer().summarize("kubecon berlin", null);
    assertEquals(new EventMatcher.Found("KubeCon + CloudNativeCon Europe 2017"), o.match());
    JsonObject j =
        JsonParser.parseString(DigestText.summaryJson(o.summary().orElseThrow())).getAsJsonObject();
    assertEquals("KubeCon + CloudNativeCon Europe 2017", j.get("event").getAsString());
    assertFalse(j.get("summary").getAsString().isBlank());
    JsonArray themes = j.getAsJsonArray("themes");
    assertFalse(themes.isEmpty());
    for (JsonElement t : themes) {
      JsonObject to = t.getAsJsonObject();
      assertFalse(to.get("title").getAsString().isBlank());
      assertFalse(to.get("text").getAsString().isBlank());
      for (JsonElement c : to.getAsJsonArray("citations")) {
        JsonObject co = c.getAsJsonObject();
        assertTrue(co.get("n").getAsInt() >= 1);
        assertTrue(reports.containsKey(co.get("reportId").getAsString()));
        assertTrue(co.has("section"));
        assertTrue(co.get("url").getAsString().startsWith("http"));
      }
    }
    assertTrue(j.get("sessions").isJsonArray());
    assertEquals(1, j.getAsJsonObject("coverage").get("reports").getAsInt());
    assertTrue(j.getAsJsonObject("coverage").get("sections").getAsInt() >= 1);
    // the text form names the event and ends with the coverage line
    String text = DigestText.summary(o.summary().get(), DigestText.Style.PLAIN);
    assertTrue(text.startsWith("KubeCon + CloudNativeCon Europe 2017 — event summary"), text);
    assertTrue(text.contains("Coverage: 1 report, 1 author, "), text);
  }

  @Test
  void ambiguousAndUnknownNamesGiveNoBrief() {
    EventSummarizer.Outcome o = wiring.eventSummarizer().summarize("kubecon", null);
    assertTrue(o.summary().isEmpty());
    assertTrue(
        o.message().startsWith("\"kubecon\" matches more than one event. Did you mean: "),
        o.message());
    assertTrue(
        wiring
            .eventSummarizer()
            .summarize("x".repeat(10_000), null)
            .message()
            .startsWith("I don't know"));
    assertTrue(
        wiring.eventSummarizer().summarize("", null).message().startsWith("Give an event name."));
  }

  @Test
  void digestOfEverythingSummarisesEachReportFromItsOwnPassages() {
    long t0 = System.nanoTime();
    Digest d = wiring.digestService().digest(Instant.EPOCH, Instant.now().plusSeconds(1), "", null);
    System.out.printf(
        "digest of %d reports in %d ms%n",
        d.coverage().reports(), (System.nanoTime() - t0) / 1_000_000);
    long events = reports.values().stream().map(r -> r.meta().event()).distinct().count();
    assertEquals(reports.size(), d.coverage().reports());
    assertEquals(events, d.events().size());
    int sections = reports.values().stream().mapToInt(r -> r.sections().size()).sum();
    assertEquals(
        reports.size() + " reports, " + sections + " sections",
        DigestText.coverageLine(d.coverage()));
    for (Digest.EventGroup g : d.events()) {
      for (Digest.ReportDigest r : g.reports()) {
        assertEquals(g.event(), reports.get(r.reportId()).meta().event());
        if (!r.summary().matches("(?s).*\\[\\d+].*")) {
          // raw notes without a sentence that stands on its own: the composed line, never an
          // invented summary
          assertTrue(
              r.summary().matches("The report is the author's notes on \\d+ sessions\\..*"),
              r.summary());
        } else {
          // a composed list of announcements: each name occurs in the passage its marker cites
          String quoted =
              r.summary()
                  .replaceFirst("^Announcements the report returns to most: ", "")
                  .replaceAll(", of \\d+ it makes\\.$", ".")
                  .replaceAll("(\\[\\d+]),? (?:and )?", "$1. ");
          DigestServiceTest.assertCitedSentencesAreQuoted(quoted, r.citations());
        }
        r.citations().forEach(c -> assertEquals(r.reportId(), c.reportId()));
      }
    }
  }

  /**
   * Each "sentence [n]" piece's words occur in passage n (pieces "Also covered in [n]" excepted).
   */
  static void assertCited(String text, List<Citation> citations, String event) {
    Matcher m = Pattern.compile("([^\\[\\]]+?)\\s((?:\\[\\d+](?:,\\s)?)+)").matcher(text);
    while (m.find()) {
      String sentence = m.group(1).strip().replaceFirst("^[.!?]\\s*", "");
      if (sentence.startsWith("Also covered in")) {
        continue;
      }
      Matcher n = Pattern.compile("\\d+").matcher(m.group(2));
      n.find();
      Citation c = citations.get(Integer.parseInt(n.group()) - 1);
      String words = sentence.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      assertTrue(
          c.quote().replaceAll("[^\\p{L}\\p{N}]+", " ").contains(words),
          event + ": \"" + sentence + "\" not in " + c.passageId());
    }
  }

  private static Passage passage(Report r, String id) {
    return r.passages().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  /** True when the passage's text or headings hold a word of three letters or more of part. */
  private static boolean namesAWordOf(Passage x, String part) {
    String where =
        (x.text() + " " + String.join(" ", x.headingPath())).toLowerCase(java.util.Locale.ROOT);
    String lower = part.toLowerCase(java.util.Locale.ROOT);
    List<String> words =
        java.util.Arrays.stream(lower.split("\\W+")).filter(w -> w.length() > 2).toList();
    return words.isEmpty() ? where.contains(lower) : words.stream().anyMatch(where::contains);
  }
}
