package dev.debrief.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Main;
import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IndexException;
import dev.debrief.index.IndexUnavailableException;
import dev.debrief.index.IngestResult;
import dev.debrief.model.Hit;
import dev.debrief.model.Report;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.testing.SharedSolrCluster;
import dev.debrief.testing.SolrCluster;
import dev.debrief.testing.SolrTesting;
import dev.debrief.testing.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Solr backend against a real SolrCloud (two Solr 9.10.1 nodes and ZooKeeper in a child JVM,
 * Basic authentication on), over the three-report corpus with exact expected ranks, side by side
 * with the Lucene index on disk: the same hits, the same scores. The parity eval on {@code
 * ../shared} and the node-loss test are in {@link SolrSharedReportsIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedSolrCluster.class)
class SolrBackendIT {
  @TempDir static Path tmp;
  static SolrCluster cluster;
  static Wiring solr;
  static Wiring lucene;
  static Path docs;
  static String alpha;
  static String beta;
  static String gamma;

  @BeforeAll
  static void start(SolrCluster shared) throws Exception {
    cluster = shared;
    solr = SolrTesting.wiring(cluster, "it_corpus", tmp.resolve("solr-side"));
    List<String> lines = new ArrayList<>();
    solr.solrAdmin(lines::add).init(2, 2, solr.config().embedding.model, Wiring.DIMENSION);
    assertTrue(
        lines.contains("created collection it_corpus: 2 shards x 2 replicas, configset debrief"),
        lines.toString());
    docs = TestCorpus.write(tmp.resolve("docs"));
    IngestResult r = solr.indexer().ingestPaths(List.of(docs), false, (d, t, i) -> {});
    assertEquals(3, r.added(), r.failures().toString());
    lucene = TestCorpus.wiring(tmp.resolve("lucene"));
    assertEquals(3, lucene.indexer().ingestPaths(List.of(docs), false, (d, t, i) -> {}).added());
    alpha = TestCorpus.idOf(solr.catalog(), "alpha.md");
    beta = TestCorpus.idOf(solr.catalog(), "beta.md");
    gamma = TestCorpus.idOf(solr.catalog(), "gamma.md");
    assertEquals(
        alpha,
        TestCorpus.idOf(lucene.catalog(), "alpha.md"),
        "a report's id is its content, whatever the backend");
  }

  @AfterAll
  static void stop() throws Exception {
    if (solr != null) {
      solr.close();
    }
    if (lucene != null) {
      lucene.close();
    }
  }

  private static List<String> reports(List<Hit> hits) {
    return hits.stream().map(Hit::reportId).toList();
  }

  @Test
  @Order(1)
  void initTwiceChangesNothing() {
    List<String> lines = new ArrayList<>();
    solr.solrAdmin(lines::add).init(1, 1, solr.config().embedding.model, Wiring.DIMENSION);
    assertEquals(5, lines.size(), lines.toString());
    assertTrue(
        lines.stream()
            .noneMatch(
                l ->
                    l.startsWith("created") || l.startsWith("uploaded") || l.startsWith("stamped")),
        lines.toString());
    assertTrue(
        lines.contains(
            "collection it_corpus exists (2 shards x 2 replicas); left as it is (--shards and"
                + " --replicas apply only when it is created)"),
        lines.toString());
    assertEquals(
        "it_corpus is stamped with embedding model "
            + solr.config().embedding.model
            + "; nothing to change",
        lines.get(4));
    assertEquals(3, solr.catalog().list().size(), "the reports are still there");
  }

  @Test
  @Order(2)
  void bm25FindsOnlyTheReportWithTheTerm() {
    List<Hit> hits =
        solr.retriever().search("scheduler", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25);
    assertEquals(List.of(alpha), reports(hits));
    assertEquals("Filtering and scoring", hits.get(0).section());
    assertEquals("Scheduler deep dive", hits.get(0).title());
  }

  static Stream<String> questions() {
    return Stream.of(
        "how does the scheduler pick nodes for pods?",
        "dynamic provisioning of persistent volumes",
        "how many attendees came to the keynote",
        "snapshots",
        "disk storage for containers",
        "Copenhagen venue",
        "CSI drivers and operators",
        "scheduling latency of 5000 nodes");
  }

  @ParameterizedTest
  @MethodSource("questions")
  @Order(3)
  void sameHitsAndScoresAsLucene(String question) {
    for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
      List<Hit> fromSolr = solr.retriever().search(question, 5, SearchFilters.NONE, mode);
      List<Hit> fromLucene = lucene.retriever().search(question, 5, SearchFilters.NONE, mode);
      assertEquals(
          fromLucene.stream().map(Hit::passageId).toList(),
          fromSolr.stream().map(Hit::passageId).toList(),
          mode + " " + question);
      for (int i = 0; i < fromSolr.size(); i++) {
        assertEquals(
            fromLucene.get(i).score(), fromSolr.get(i).score(), 1e-12, mode + " " + question);
        assertEquals(fromLucene.get(i), fromSolr.get(i), mode + " " + question);
      }
    }
  }

  @Test
  @Order(4)
  void hybridRanksTheMatchingReportFirstWithExactFusedScore() {
    assertEquals(
        alpha,
        reports(
                solr.retriever()
                    .search("how does the scheduler pick nodes for pods?", 3, SearchFilters.NONE))
            .get(0));
    Hit top = solr.retriever().search("snapshots", 1, SearchFilters.NONE).get(0);
    assertEquals(beta, top.reportId());
    assertEquals(
        "http://localhost:3000/reports/" + beta + "?p=" + top.passageId() + "#dynamic-provisioning",
        top.url());
    assertEquals(1.0 / 61 + 1.0 / 61, top.score(), 1e-9);
  }

  @Test
  @Order(6)
  void eventSinceAndReportFiltersApplyInSolr() {
    List<Hit> hits =
        solr.retriever()
            .search(
                "keynote attendees scheduler storage",
                10,
                new SearchFilters("cloud days 2024", "", "", null));
    assertEquals(
        Stream.of(alpha, beta).sorted().toList(),
        reports(hits).stream().distinct().sorted().toList());
    assertEquals(
        List.of(gamma),
        reports(
                solr.retriever()
                    .search(
                        "keynote attendees scheduler storage",
                        10,
                        new SearchFilters("", gamma, "", null)))
            .stream()
            .distinct()
            .toList());
    assertEquals(
        List.of(beta),
        reports(
                solr.retriever()
                    .search(
                        "keynote attendees scheduler storage",
                        10,
                        new SearchFilters("", "", "2024-03-11", null)))
            .stream()
            .distinct()
            .toList());
  }

  @Test
  @Order(6)
  void scopeIsATermsFilterForBm25AndKnn() {
    // each report is one passage; the question has a term of each ("scheduler", "snapshots",
    // "keynote")
    String question = "scheduler snapshots keynote";
    for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
      List<Hit> unscoped = solr.retriever().search(question, 10, SearchFilters.NONE, mode);
      assertEquals(
          Stream.of(alpha, beta, gamma).sorted().toList(),
          reports(unscoped).stream().sorted().toList(),
          mode.toString());
      SearchFilters onlyBeta = SearchFilters.NONE.withScope(List.of(beta));
      List<Hit> scoped = solr.retriever().search(question, 10, onlyBeta, mode);
      assertEquals(List.of(beta), reports(scoped), mode.toString());
      assertEquals(
          lucene.retriever().search(question, 10, onlyBeta, mode), scoped, mode.toString());
      SearchFilters two = SearchFilters.NONE.withScope(List.of(gamma, alpha));
      List<Hit> pair = solr.retriever().search(question, 10, two, mode);
      assertEquals(
          Stream.of(alpha, gamma).sorted().toList(),
          reports(pair).stream().sorted().toList(),
          mode.toString());
      assertEquals(lucene.retriever().search(question, 10, two, mode), pair, mode.toString());
      assertTrue(
          solr.retriever()
              .search(question, 10, SearchFilters.NONE.withScope(List.of("r000000000000")), mode)
              .isEmpty(),
          mode + ": a scope of an unknown report lets nothing through");
      assertTrue(
          solr.retriever()
              .search(question, 10, SearchFilters.NONE.withScope(List.of("r0,r1")), mode)
              .isEmpty(),
          mode + ": an id with the terms separator names no report");
    }
    assertTrue(
        solr.retriever()
            .search(
                "scheduler",
                5,
                SearchFilters.NONE.withScope(List.of(beta, gamma)),
                HybridRetriever.Mode.BM25)
            .isEmpty(),
        "only alpha has the term, and it is out of scope");
    assertEquals(
        List.of(beta),
        reports(
            solr.retriever()
                .search(
                    question,
                    10,
                    new SearchFilters("cloud days 2024", "", "", null, List.of(beta, gamma)))),
        "scope and event together");
  }

  @Test
  @Order(7)
  void channelAccessIsAFilterInSolr() {
    String secret =
        """
        ---
        title: Falcon launch plan
        event: Internal Summit
        date: 2024-05-01
        ---
        # Falcon launch plan

        ## Timeline

        The falcon rollout starts in the northern region, and the falcon pricing stays confidential until launch.
        """;
    IngestResult r =
        solr.indexer()
            .ingestBytes(
                "slack:FSECRET",
                "falcon.md",
                secret.getBytes(StandardCharsets.UTF_8),
                List.of("CPRIV"));
    assertEquals(1, r.added(), r.failures().toString());
    String falcon = r.reportIds().get(0);
    // BM25 alone would rank the falcon passage first; the filter must remove it before ranking, so
    // the
    // depth-limited lists of an outsider hold other reports only.
    for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
      List<Hit> outsider =
          solr.retriever()
              .search(
                  "falcon rollout pricing",
                  5,
                  new SearchFilters("", "", "", List.of("CPUBLIC")),
                  mode);
      assertFalse(reports(outsider).contains(falcon), mode + " " + outsider);
      List<Hit> member =
          solr.retriever()
              .search(
                  "falcon rollout pricing",
                  5,
                  new SearchFilters("", "", "", List.of("CPRIV")),
                  mode);
      assertEquals(falcon, member.get(0).reportId(), mode.toString());
    }
    assertEquals(
        List.of(falcon),
        reports(solr.retriever().search("falcon", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25))
            .stream()
            .distinct()
            .toList(),
        "the CLI (no access filter) sees it");
    assertEquals(
        List.of("CPRIV"), solr.catalog().findReport(falcon).orElseThrow().meta().channels());
    assertTrue(solr.indexer().remove(falcon));
    assertTrue(
        solr.retriever()
            .search("falcon", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25)
            .isEmpty());
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
        "{!func}sum(1,1)",
        "_query_:\"{!knn f=vector}[1]\"",
        "scheduler ".repeat(5000));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @Order(5)
  void hostileQueriesNeverThrow(String query) {
    List<Hit> hits = solr.retriever().search(query, 5, SearchFilters.NONE);
    assertTrue(hits.size() <= 5);
    assertEquals(
        lucene.retriever().search(query, 5, SearchFilters.NONE).stream()
            .map(Hit::passageId)
            .toList(),
        hits.stream().map(Hit::passageId).toList(),
        query);
  }

  @Test
  @Order(8)
  void catalogListsReadsAndKeepsVectors() {
    assertEquals(
        Stream.of(alpha, beta, gamma).sorted().toList(),
        solr.catalog().list().stream().map(i -> i.id()).sorted().toList());
    Report b = solr.catalog().findReport(beta).orElseThrow();
    assertEquals("Storage panel notes", b.meta().title());
    assertEquals(lucene.catalog().findReport(beta).orElseThrow().passages(), b.passages());
    Map<String, float[]> vectors = solr.catalog().passageVectors(beta);
    Map<String, float[]> local = lucene.catalog().passageVectors(beta);
    assertEquals(local.keySet(), vectors.keySet());
    for (String id : local.keySet()) {
      assertEquals(384, vectors.get(id).length);
      for (int i = 0; i < 384; i++) {
        assertEquals(local.get(id)[i], vectors.get(id)[i], 0f, id);
      }
    }
    assertTrue(solr.catalog().findReport("r000000000000").isEmpty());
    assertEquals("", solr.catalog().unavailable());
  }

  @Test
  @Order(9)
  void reingestSkipsUnchangedAndReplacesChangedWithoutStalePassages() throws Exception {
    IngestResult same = solr.indexer().ingestPaths(List.of(docs), false, (d, t, i) -> {});
    assertEquals(3, same.unchanged());
    assertEquals(0, same.embedded());
    String source = tmp.resolve("talks.md").toString();
    String three =
        "# Talks\n\n## Opening\n\nThe opening talk covered quokka habitats.\n\n## Middle\n\n"
            + "The middle talk covered wombat burrows.\n\n## Closing\n\nThe closing talk covered numbat diets.\n";
    IngestResult first =
        solr.indexer().ingestBytes(source, "talks.md", three.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, first.added(), first.failures().toString());
    String id = first.reportIds().get(0);
    assertEquals(3, solr.catalog().findReport(id).orElseThrow().passages().size());
    String one = "# Talks\n\n## Opening\n\nThe opening talk covered quokka habitats.\n";
    IngestResult second =
        solr.indexer().ingestBytes(source, "talks.md", one.getBytes(StandardCharsets.UTF_8));
    assertEquals(1, second.updated(), second.failures().toString());
    String edited = second.reportIds().get(0);
    assertNotEquals(id, edited, "an edited text is another report");
    assertTrue(
        solr.catalog().findReport(id).isEmpty(),
        "the old version had no other source, so it is gone");
    assertEquals(1, solr.catalog().findReport(edited).orElseThrow().passages().size());
    assertEquals(
        List.of(edited),
        reports(
            solr.retriever().search("quokka", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25)));
    assertTrue(
        solr.retriever()
            .search("wombat numbat", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25)
            .isEmpty(),
        "the passages the new version no longer has are gone");
    assertTrue(solr.indexer().remove(edited));
    assertTrue(
        solr.retriever()
            .search("quokka", 5, SearchFilters.NONE, HybridRetriever.Mode.BM25)
            .isEmpty());
  }

  @Test
  @Order(11)
  void anotherEmbeddingModelIsRefusedAtOpenAndByInit() {
    DebriefConfig other = SolrTesting.config(cluster, "it_corpus");
    other.embedding.model = "all-minilm-l6-v2";
    try (Wiring w =
        new Wiring(other, tmp.resolve("other"), Clock.systemUTC()).withEnv(SolrTesting.env())) {
      IndexException e = assertThrows(IndexException.class, w::solrIndex);
      assertTrue(
          e.getMessage()
              .startsWith("the collection \"it_corpus\" at Solr at " + cluster.urls().get(0)),
          e.getMessage());
      assertTrue(
          e.getMessage()
              .contains(
                  "was built with embedding model "
                      + solr.config().embedding.model
                      + " (384 dimensions) but"
                      + " this configuration uses all-minilm-l6-v2 (384 dimensions)"),
          e.getMessage());
      assertThrows(
          IndexException.class, () -> w.solrAdmin(s -> {}).init(2, 2, "all-minilm-l6-v2", 384));
    }
  }

  @Test
  @Order(11)
  void aCollectionOfAnotherSchemaVersionIsRefusedAtOpen() throws Exception {
    org.apache.solr.common.SolrInputDocument old =
        SolrDocuments.meta(solr.config().embedding.model, Wiring.DIMENSION);
    old.setField(SolrFields.SCHEMA_VERSION, "1");
    stamp(old);
    try (Wiring w = SolrTesting.wiring(cluster, "it_corpus", tmp.resolve("old-schema"))) {
      IndexException e = assertThrows(IndexException.class, w::solrIndex);
      assertEquals(
          "the collection \"it_corpus\" at Solr at "
              + String.join(", ", cluster.urls())
              + " holds schema"
              + " version 1 but this Debrief writes version 2 (one report per content, with every source). Create a new"
              + " collection: set solr.collection to a new name, run `debrief solr init` and `debrief ingest` again.",
          e.getMessage());
    } finally {
      stamp(SolrDocuments.meta(solr.config().embedding.model, Wiring.DIMENSION));
    }
    try (Wiring w = SolrTesting.wiring(cluster, "it_corpus", tmp.resolve("new-schema"))) {
      assertEquals(3, w.catalog().list().size(), "the current stamp opens");
    }
  }

  private static void stamp(org.apache.solr.common.SolrInputDocument meta) {
    org.apache.solr.client.solrj.request.UpdateRequest u =
        new org.apache.solr.client.solrj.request.UpdateRequest();
    u.add(meta);
    u.setAction(org.apache.solr.client.solrj.request.UpdateRequest.ACTION.COMMIT, true, true);
    solr.solrConnection().call("stamp", c -> u.process(c, "it_corpus"));
  }

  @Test
  @Order(12)
  void missingCollectionUnreachableClusterAndBadCredentialsExitThree() throws Exception {
    Path config = tmp.resolve("absent.json");
    Files.writeString(
        config,
        "{\"index\":{\"backend\":\"solr\"},\"solr\":{\"urls\":[\""
            + cluster.urls().get(0)
            + "\"],\"collection\":\"absent\",\"stateCollection\":\"absent_state\"}}");
    Run absent = run(SolrTesting.env(), "--config", config.toString(), "reports");
    assertEquals(3, absent.code(), absent.err());
    assertEquals(
        "debrief: Solr at "
            + cluster.urls().get(0)
            + " has no collection \"absent\". Create it with"
            + " `debrief solr init --shards N --replicas M`.",
        absent.err().strip());

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Path down = tmp.resolve("down.json");
    String url = "http://127.0.0.1:" + closed + "/solr";
    Files.writeString(
        down,
        "{\"index\":{\"backend\":\"solr\"},\"solr\":{\"urls\":[\""
            + url
            + "\"],"
            + "\"attempts\":2,\"backoffMillis\":10}}");
    Run unreachable = run(SolrTesting.env(), "--config", down.toString(), "ask", "anything");
    assertEquals(3, unreachable.code(), unreachable.err());
    assertTrue(
        unreachable
            .err()
            .startsWith(
                "debrief: the report library is unreachable: Solr at "
                    + url
                    + " did not answer (list collections, 2 tries)"),
        unreachable.err());

    Run refused =
        run(
            Map.of(SolrConnection.ENV_USER, SolrCluster.USER, SolrConnection.ENV_PASSWORD, "wrong"),
            "--config",
            config.toString(),
            "reports");
    assertEquals(3, refused.code(), refused.err());
    assertTrue(
        refused
            .err()
            .contains(
                "refused the credentials (list collections, HTTP 401): set DEBRIEF_SOLR_USER"
                    + " and DEBRIEF_SOLR_PASSWORD"),
        refused.err());
  }

  @Test
  @Order(13)
  void aClusterThatStopsAnsweringIsUnavailableNotBroken() throws Exception {
    DebriefConfig c = SolrTesting.config(cluster, "it_corpus");
    c.solr.attempts = 2;
    c.solr.backoffMillis = 10;
    try (Wiring w =
        new Wiring(c, tmp.resolve("flaky"), Clock.systemUTC()).withEnv(SolrTesting.env())) {
      assertEquals(
          alpha, w.retriever().search("scheduler", 1, SearchFilters.NONE).get(0).reportId());
      cluster.stopNode(0);
      cluster.stopNode(1);
      try {
        assertThrows(
            IndexUnavailableException.class,
            () -> w.retriever().search("storage", 1, SearchFilters.NONE));
        assertTrue(
            w.catalog()
                .unavailable()
                .startsWith("the report library is unreachable right now: Solr at "),
            w.catalog().unavailable());
        Path more = Files.createDirectories(tmp.resolve("while-down"));
        Files.writeString(more.resolve("a.md"), "# A\n\nAardvarks were discussed at length.\n");
        Files.writeString(more.resolve("b.md"), "# B\n\nBadgers were discussed at length.\n");
        IngestResult r = w.indexer().ingestPaths(List.of(more), false, (d, t, i) -> {});
        assertEquals(0, r.added() + r.updated());
        List<String> failed =
            r.failures().stream().map(f -> f.input() + ": " + f.reason()).toList();
        assertEquals(3, failed.size(), failed.toString());
        assertTrue(
            failed.get(0).startsWith(more.resolve("a.md") + ": not indexed: Solr at "),
            failed.toString());
        assertEquals(
            more.resolve("b.md") + ": not attempted: the index is unreachable", failed.get(1));
        assertTrue(
            failed
                .get(2)
                .startsWith("(commit): the reports written in this run are not committed yet"),
            failed.toString());
      } finally {
        cluster.startNode(0);
        cluster.startNode(1);
      }
      assertEquals(
          beta,
          SolrTesting.eventually(() -> w.retriever().search("storage", 1, SearchFilters.NONE))
              .get(0)
              .reportId());
    }
  }

  record Run(int code, String out, String err) {}

  /**
   * Runs the CLI in this JVM with {@code env} as the Solr credentials (Main reads the process
   * environment).
   */
  static synchronized Run run(Map<String, String> env, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(env, args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  @Order(10)
  void copiesAreOneReportWithTheirSourcesAndPruneKeepsItWhileOneRemains() throws Exception {
    Path copies = Files.createDirectories(tmp.resolve("copies"));
    Files.copy(docs.resolve("alpha.md"), copies.resolve("alpha copy.md"));
    Files.copy(docs.resolve("beta.md"), copies.resolve("beta.md"));
    IngestResult r = solr.indexer().ingestPaths(List.of(docs, copies), false, (d, t, i) -> {});
    assertEquals(0, r.added(), r.toString());
    assertEquals(3, r.unchanged(), r.toString());
    assertEquals(2, r.sourcesAdded(), r.toString());
    assertEquals(0, r.embedded(), "a copy re-embeds nothing");
    assertEquals(3, solr.catalog().list().size(), "three contents, three reports");
    String copy = copies.resolve("alpha copy.md").toRealPath().toString();
    assertEquals(
        List.of(docs.resolve("alpha.md").toRealPath().toString(), copy),
        solr.catalog().list().stream()
            .filter(i -> i.id().equals(alpha))
            .findFirst()
            .orElseThrow()
            .sources());
    List<Hit> hits =
        solr.retriever().search("scheduler", 10, SearchFilters.NONE, HybridRetriever.Mode.BM25);
    assertEquals(
        hits.stream().map(Hit::passageId).distinct().count(), hits.size(), hits.toString());
    assertEquals(List.of(alpha), reports(hits).stream().distinct().toList());

    Files.delete(copies.resolve("alpha copy.md"));
    IngestResult pruned = solr.indexer().ingestPaths(List.of(docs), true, (d, t, i) -> {});
    assertEquals(
        IngestResult.Status.SOURCE_REMOVED,
        pruned.outcome(copy).orElseThrow().status(),
        pruned.toString());
    assertEquals(0, pruned.removed());
    assertEquals(
        List.of(docs.resolve("alpha.md").toRealPath().toString()),
        solr.catalog().list().stream()
            .filter(i -> i.id().equals(alpha))
            .findFirst()
            .orElseThrow()
            .sources());
    assertEquals(
        List.of(alpha),
        reports(
                solr.retriever()
                    .search("scheduler", 10, SearchFilters.NONE, HybridRetriever.Mode.BM25))
            .stream()
            .distinct()
            .toList());
  }
}
