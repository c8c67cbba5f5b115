package dev.debrief.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.eval.Evaluator;
import dev.debrief.eval.QaFile;
import dev.debrief.eval.QaItem;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.testing.SharedSolrCluster;
import dev.debrief.testing.SolrCluster;
import dev.debrief.testing.SolrTesting;
import dev.debrief.testing.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, tests 5(a) and 5(c) on the real reports of {@code ../shared}: (a) {@code debrief eval}
 * figures of both backends in one run, within ±0.02 of each other on every figure; (c) with one of
 * the two Solr nodes stopped, every question is still answered (2 shards × 2 replicas: each shard
 * keeps a replica on the other node), with the same top passage as before. Skips with a message
 * when {@code ../shared} is absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSolrCluster.class)
class SolrSharedReportsIT {
  /** The tolerance between the backends, on every figure. */
  static final double TOLERANCE = 0.02;

  static final Path REPORTS = Path.of("..", "shared", "reports");
  static final Path QA = Path.of("..", "shared", "qa");

  @TempDir static Path tmp;
  static SolrCluster cluster;
  static Wiring solr;
  static Wiring lucene;
  static List<QaItem> items;

  @BeforeAll
  static void ingestBoth(SolrCluster shared) throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(REPORTS) && Files.isDirectory(QA),
        "../shared/reports and ../shared/qa are absent: skipping the parity eval on the shared reports");
    cluster = shared;
    items = new ArrayList<>();
    try (Stream<Path> files = Files.list(QA)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        items.addAll(QaFile.read(f));
      }
    }
    solr = SolrTesting.wiring(cluster, "it_shared", tmp.resolve("solr-side"));
    solr.solrAdmin(line -> {}).init(2, 2, solr.config().embedding.model, Wiring.DIMENSION);
    lucene = TestCorpus.wiring(tmp.resolve("lucene"));
    IngestResult intoSolr = solr.indexer().ingestPaths(List.of(REPORTS), false, (d, t, i) -> {});
    IngestResult intoLucene =
        lucene.indexer().ingestPaths(List.of(REPORTS), false, (d, t, i) -> {});
    assertTrue(intoSolr.ok(), intoSolr.failures().toString());
    assertEquals(intoLucene.added(), intoSolr.added());
    assertEquals(intoLucene.passages(), intoSolr.passages());
  }

  @AfterAll
  static void close() {
    if (solr != null) {
      solr.close();
    }
    if (lucene != null) {
      lucene.close();
    }
  }

  private static Map<String, Double> figures(Wiring w) {
    Map<String, Double> out = new LinkedHashMap<>();
    HybridRetriever r = w.retriever();
    for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
      boolean hybrid = mode == HybridRetriever.Mode.HYBRID;
      Evaluator.Metrics m =
          new Evaluator(
                  (q, n) -> r.search(q, n, SearchFilters.NONE, mode), hybrid ? w.answerer() : null)
              .run(items, 5);
      String name = mode.name().toLowerCase(Locale.ROOT);
      out.put(name + " recall@5", m.recallAtK());
      out.put(name + " MRR", m.mrr());
      if (hybrid) {
        out.put("fact coverage", m.factCoverage());
        out.put("citation hit", m.citationHit());
        out.put("refusal accuracy", m.refusalAccuracy());
        out.put("false refusals", m.falseRefusals());
      }
    }
    return out;
  }

  @Test
  @Order(1)
  void evalFiguresOfBothBackendsAgreeWithinTwoHundredths() {
    Map<String, Double> fromLucene = figures(lucene);
    Map<String, Double> fromSolr = figures(solr);
    StringBuilder table =
        new StringBuilder(
            String.format(
                "%n%d questions, k=5%n%-18s %7s %7s%n", items.size(), "figure", "lucene", "solr"));
    fromLucene.forEach(
        (k, v) -> table.append(String.format("%-18s %7.3f %7.3f%n", k, v, fromSolr.get(k))));
    System.out.println("SolrSharedReportsIT, both backends:" + table);
    assertEquals(fromLucene.keySet(), fromSolr.keySet());
    for (String k : fromLucene.keySet()) {
      assertEquals(fromLucene.get(k), fromSolr.get(k), TOLERANCE, k + table);
    }
  }

  @Test
  @Order(2)
  void withOneNodeStoppedEveryQuestionIsStillAnswered() throws Exception {
    List<String> questions =
        items.stream()
            .filter(i -> !"unanswerable".equals(i.kind()))
            .map(QaItem::question)
            .limit(8)
            .toList();
    Map<String, String> topBefore = new LinkedHashMap<>();
    for (String q : questions) {
      topBefore.put(q, solr.retriever().search(q, 1, SearchFilters.NONE).get(0).passageId());
    }
    cluster.stopNode(1);
    try {
      for (String q : questions) {
        List<Hit> hits =
            SolrTesting.eventually(() -> solr.retriever().search(q, 1, SearchFilters.NONE));
        assertEquals(topBefore.get(q), hits.get(0).passageId(), q);
        Answer a = solr.answerer().answer(Question.of(q));
        assertFalse(a.text().isBlank(), q);
        assertFalse(a.answered() && a.citations().isEmpty(), "an answer cites its sources: " + q);
      }
      assertEquals("", solr.catalog().unavailable(), "one node of two is enough");
    } finally {
      cluster.startNode(1);
    }
  }
}
