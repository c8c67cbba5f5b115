package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.Digest;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.HashEmbedder;
import dev.debrief.digest.IngestLog;
import dev.debrief.fetch.SafeFetcher;
import dev.debrief.index.IngestResult.Status;
import dev.debrief.ingest.ReportReader;
import dev.debrief.intake.WebIngest;
import dev.debrief.model.Hit;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.retrieve.LuceneRetrievalBackend;
import dev.debrief.testing.TestCorpus;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One report per content on a real Lucene index (vectors from a hash embedder, so no model loads):
 * copies of a file, a file and a URL, removal of one source, an edited copy, and what answers and
 * digests then show.
 */
class ReportIdentityIT {
  private final java.util.concurrent.ScheduledExecutorService timer = SafeFetcher.newTimer();
  @TempDir Path tmp;
  LuceneIndex index;
  Indexer indexer;
  ReportStore catalog;
  final HashEmbedder embedder = new HashEmbedder();

  @BeforeEach
  void open() {
    index = new LuceneIndex(tmp.resolve("index"), embedder.modelId(), embedder.dimension());
    indexer =
        new Indexer(
            index,
            new ReportReader(DebriefConfig.defaults().ingest),
            embedder,
            Clock.systemUTC(),
            1 << 22,
            5_000);
    catalog = new ReportStore(index);
  }

  @AfterEach
  void close() {
    timer.shutdownNow();
    index.close();
  }

  @Test
  void theSharedReportsTogetherWithCopiesOfThemAreEachOneReport() throws Exception {
    Path shared = Path.of("..", "shared", "reports");
    assumeTrue(Files.isDirectory(shared), "../shared/reports is absent; skipping");
    Path copies = Files.createDirectories(tmp.resolve("copies"));
    List<Path> originals;
    try (Stream<Path> files = Files.list(shared)) {
      originals = files.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : originals) {
      Files.copy(f, copies.resolve("copy-of-" + f.getFileName()));
    }

    IngestResult r = indexer.ingestPaths(List.of(shared, copies), false, Indexer.Progress.NONE);

    assertTrue(r.ok(), r.failures().toString());
    assertEquals(originals.size(), r.added());
    assertEquals(originals.size(), r.sourcesAdded());
    List<ReportInfo> reports = catalog.list();
    assertEquals(originals.size(), reports.size(), "one report per content");
    for (ReportInfo info : reports) {
      assertEquals(2, info.sources().size(), info.sources().toString());
      assertTrue(
          info.sources()
              .get(1)
              .endsWith("/copy-of-" + Path.of(info.sources().get(0)).getFileName()),
          info.sources().toString());
    }
    IngestResult.Indexed copy =
        r.indexed().stream()
            .filter(i -> i.status() == Status.SOURCE_ADDED)
            .findFirst()
            .orElseThrow();
    assertEquals("already indexed as “" + copy.title() + "”; added " + copy.source(), copy.note());
    int passages = reports.stream().mapToInt(ReportInfo::passages).sum();
    assertEquals(
        passages + reports.size(),
        index.docCount(),
        "each passage once, plus one document per report");
  }

  @Test
  void searchesAndDigestsShowACopiedReportOnce() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("alpha-again.md"), TestCorpus.ALPHA, StandardCharsets.UTF_8);
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(
        other.resolve("scheduler.md"),
        TestCorpus.ALPHA.replace("\n", "\r\n"),
        StandardCharsets.UTF_8);

    IngestResult r = indexer.ingestPaths(List.of(docs, other), false, Indexer.Progress.NONE);

    assertEquals(3, r.added());
    assertEquals(2, r.sourcesAdded(), "line endings alone do not make another report");
    HybridRetriever retriever =
        new HybridRetriever(
            new LuceneRetrievalBackend(index),
            embedder,
            new CitationLinks("http://v.test"),
            60,
            50,
            50,
            64,
            1.0);
    List<Hit> hits =
        retriever.search("Kubernetes scheduler filtering scoring nodes", 10, SearchFilters.NONE);
    assertEquals(
        hits.stream().map(Hit::text).distinct().count(), hits.size(), "no passage twice: " + hits);
    assertEquals(
        1,
        hits.stream()
            .map(Hit::reportId)
            .filter(id -> id.equals(TestCorpus.idOf(catalog, "alpha.md")))
            .distinct()
            .count());
    Digest d =
        new DigestService(
                catalog,
                embedder,
                new CitationLinks("http://v.test"),
                new IngestLog(tmp),
                Clock.systemUTC())
            .digest(
                Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plusSeconds(1),
                "",
                List.of());
    assertEquals(3, d.coverage().reports());
    assertEquals(
        java.util.Map.of("Cloud Days 2024", 2, "Data Summit 2023", 1),
        d.events().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Digest.EventGroup::event, g -> g.reports().size())),
        "alpha and beta once each, gamma once");
  }

  @Test
  void aFileAndTheSameReportByUrlAreOneReportWithBothSources() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    indexer.ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/notes/alpha.md",
        ex -> {
          byte[] b = TestCorpus.ALPHA.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/markdown");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/notes/alpha.md";
    try (SafeFetcher fetcher =
        new SafeFetcher(
            new SafeFetcher.Settings(
                Duration.ofSeconds(5), Duration.ofSeconds(5), 100_000, List.of("127.0.0.1")),
            host -> List.of(InetAddress.getLoopbackAddress()),
            timer)) {
      WebIngest.Result w = new WebIngest(fetcher, indexer).ingest(url, List.of());

      assertTrue(w.ok(), w.reason());
      String alpha = TestCorpus.idOf(catalog, "alpha.md");
      assertEquals(alpha, w.reportId());
      assertEquals(
          List.of(Status.SOURCE_ADDED),
          w.result().indexed().stream().map(IngestResult.Indexed::status).toList());
      assertEquals(
          "already indexed as “Scheduler deep dive”; added " + url,
          w.result().indexed().get(0).note());
      ReportInfo info =
          catalog.list().stream().filter(i -> i.id().equals(alpha)).findFirst().orElseThrow();
      assertEquals(List.of(docs.resolve("alpha.md").toRealPath().toString(), url), info.sources());
      assertEquals(url, info.meta().url(), "the file has no web address; the URL gives it one");
      assertEquals(3, catalog.list().size());
      assertEquals(
          Status.UNCHANGED,
          new WebIngest(fetcher, indexer)
              .ingest(url, List.of())
              .result()
              .indexed()
              .get(0)
              .status());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void removingOneSourceKeepsTheReportUntilTheLastGoes() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("alpha-copy.md"), TestCorpus.ALPHA, StandardCharsets.UTF_8);
    indexer.ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
    String alpha = TestCorpus.idOf(catalog, "alpha.md");
    String first = docs.resolve("alpha-copy.md").toRealPath().toString();
    String second = docs.resolve("alpha.md").toRealPath().toString();

    IngestResult.Indexed one = indexer.removeSource(first).orElseThrow();

    assertEquals(Status.SOURCE_REMOVED, one.status());
    assertEquals(
        List.of(second),
        catalog.list().stream()
            .filter(i -> i.id().equals(alpha))
            .findFirst()
            .orElseThrow()
            .sources());
    assertEquals(
        second,
        catalog.findReport(alpha).orElseThrow().source(),
        "the remaining source is the first now");
    assertEquals(Status.REMOVED, indexer.removeSource(second).orElseThrow().status());
    assertTrue(catalog.findReport(alpha).isEmpty());
    assertTrue(indexer.removeSource(second).isEmpty(), "no report holds it any more");
    assertEquals(2, catalog.list().size());
  }

  @Test
  void anEditedCopyIsADifferentReportAndTheOriginalStays() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("alpha-copy.md"), TestCorpus.ALPHA, StandardCharsets.UTF_8);
    indexer.ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
    String alpha = TestCorpus.idOf(catalog, "alpha.md");

    Files.writeString(
        docs.resolve("alpha-copy.md"),
        TestCorpus.ALPHA.replace("ten milliseconds", "five milliseconds"),
        StandardCharsets.UTF_8);
    IngestResult r = indexer.ingestPaths(List.of(docs), false, Indexer.Progress.NONE);

    assertEquals(1, r.updated());
    assertEquals(3, r.unchanged());
    assertEquals(4, catalog.list().size());
    String edited = TestCorpus.idOf(catalog, "alpha-copy.md");
    assertTrue(!edited.equals(alpha), "new content, new id");
    assertEquals(
        List.of(docs.resolve("alpha.md").toRealPath().toString()),
        catalog.list().stream()
            .filter(i -> i.id().equals(alpha))
            .findFirst()
            .orElseThrow()
            .sources());
    assertTrue(catalog.findReport(alpha).orElseThrow().text().contains("ten milliseconds"));
    assertTrue(catalog.findReport(edited).orElseThrow().text().contains("five milliseconds"));
  }

  @Test
  void aRestrictedUploadOfAPublicReportLeavesItPublicAndARestrictedOneStaysRestricted() {
    byte[] bytes = TestCorpus.BETA.getBytes(StandardCharsets.UTF_8);
    indexer.ingestBytes("slack:F1", "beta.md", bytes, List.of("CONE"));
    IngestResult second = indexer.ingestBytes("slack:F2", "beta.md", bytes, List.of("CTWO"));

    assertEquals(Status.SOURCE_ADDED, second.outcome("slack:F2").orElseThrow().status());
    assertEquals(
        List.of("CONE", "CTWO"),
        catalog.list().get(0).meta().channels(),
        "each upload grants its channel");
    indexer.ingestBytes("slack:F3", "beta.md", bytes, List.of());
    assertEquals(
        List.of(), catalog.list().get(0).meta().channels(), "an unrestricted source opens it");
    indexer.removeSource("slack:F3");
    assertEquals(List.of("CONE", "CTWO"), catalog.list().get(0).meta().channels());
    assertEquals(1, catalog.list().size());
  }
}
