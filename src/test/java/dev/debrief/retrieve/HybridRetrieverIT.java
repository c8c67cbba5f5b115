package dev.debrief.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import dev.debrief.testing.TestCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end over a real on-disk index and the real ONNX model, three reports, exact expected
 * ranks.
 */
class HybridRetrieverIT {
  @TempDir static Path tmp;
  static Wiring wiring;
  static String alpha;
  static String beta;
  static String gamma;

  @BeforeAll
  static void ingest() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    wiring = TestCorpus.wiring(tmp.resolve("index"));
    IngestResult r = wiring.indexer().ingestPaths(List.of(docs), false, (d, t, i) -> {});
    assertEquals(3, r.added(), r.failures().toString());
    alpha = TestCorpus.idOf(wiring, "alpha.md");
    beta = TestCorpus.idOf(wiring, "beta.md");
    gamma = TestCorpus.idOf(wiring, "gamma.md");
  }

  @AfterAll
  static void close() {
    wiring.close();
  }

  private static List<String> reports(List<Hit> hits) {
    return hits.stream().map(Hit::reportId).toList();
  }

  @Test
  void bm25FindsOnlyTheReportWithTheTerm() {
    List<Hit> hits =
        wiring.retriever().search("scheduler", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25);
    assertEquals(List.of(alpha), reports(hits));
    assertEquals("Filtering and scoring", hits.get(0).section());
    assertEquals("Scheduler deep dive", hits.get(0).title());
  }

  @Test
  void hybridRanksTheMatchingReportFirst() {
    assertEquals(
        alpha,
        reports(
                wiring
                    .retriever()
                    .search("how does the scheduler pick nodes for pods?", 3, SearchFilters.NONE))
            .get(0));
    assertEquals(
        beta,
        reports(
                wiring
                    .retriever()
                    .search("dynamic provisioning of persistent volumes", 3, SearchFilters.NONE))
            .get(0));
    assertEquals(
        gamma,
        reports(
                wiring
                    .retriever()
                    .search("how many attendees came to the keynote", 3, SearchFilters.NONE))
            .get(0));
  }

  @Test
  void vectorsFindParaphrasesWithoutSharedTerms() {
    List<Hit> hits =
        wiring
            .retriever()
            .search(
                "disk storage for containers", 3, SearchFilters.NONE, HybridRetriever.Mode.VECTOR);
    assertEquals(3, hits.size());
    assertEquals(beta, hits.get(0).reportId());
  }

  @Test
  void hitsCarryViewerLinksAndFusedScores() {
    Hit top = wiring.retriever().search("snapshots", 1, SearchFilters.NONE).get(0);
    assertEquals(beta, top.reportId());
    assertEquals(
        "http://localhost:3000/reports/" + beta + "?p=" + top.passageId() + "#dynamic-provisioning",
        top.url());
    assertEquals(1.0 / 61 + 1.0 / 61, top.score(), 1e-9);
  }

  @Test
  void eventFilterIsCaseInsensitiveAndExact() {
    List<Hit> hits =
        wiring
            .retriever()
            .search(
                "keynote attendees scheduler storage",
                10,
                new SearchFilters("cloud days 2024", "", "", null));
    assertTrue(hits.stream().allMatch(h -> h.event().equals("Cloud Days 2024")), hits.toString());
    assertEquals(
        Stream.of(alpha, beta).sorted().toList(),
        reports(hits).stream().distinct().sorted().toList());
  }

  @Test
  void sinceAndReportFilters() {
    assertEquals(
        List.of(gamma),
        reports(
                wiring
                    .retriever()
                    .search(
                        "keynote attendees scheduler storage",
                        10,
                        new SearchFilters("", gamma, "", null)))
            .stream()
            .distinct()
            .toList());
    List<Hit> recent =
        wiring
            .retriever()
            .search(
                "keynote attendees scheduler storage",
                10,
                new SearchFilters("", "", "2024-03-11", null));
    assertEquals(List.of(beta), reports(recent).stream().distinct().toList());
  }

  static Stream<String> hostile() {
    return Stream.of(
        "? : \" * ( ) [ ] ! - /",
        "scheduler AND OR NOT storage",
        "NOT",
        "AND",
        "title:foo~2^3",
        "\"unclosed phrase",
        "*",
        "?",
        "🚀🔥 kubernetes 👩‍💻",
        "!!!...???",
        "",
        "   ",
        "a/b\\c{d}",
        "text:[a TO z]",
        "scheduler ".repeat(5000),
        "lorem ipsum dolor sit amet consectetur ".repeat(900));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileQueriesNeverThrow(String query) {
    List<Hit> hits = wiring.retriever().search(query, 5, SearchFilters.NONE);
    assertTrue(hits.size() <= 5);
  }

  @Test
  void fiveThousandWordPasteStillFindsItsSubject() {
    List<Hit> hits = wiring.retriever().search("scheduler ".repeat(5000), 1, SearchFilters.NONE);
    assertEquals(alpha, hits.get(0).reportId());
  }
}
