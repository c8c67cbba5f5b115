package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency, updates, renames, pruning, bad files, the model stamp and the single writer. */
class IndexerIT {
  @TempDir Path tmp;

  @Test
  void ingestTwiceThenEditThenRenameThenPrune() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    try (Wiring w = TestCorpus.wiring(tmp.resolve("index"))) {
      IngestResult first = w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      assertEquals(3, first.added());
      int passages = first.passages();
      assertEquals(passages, first.embedded());

      IngestResult again = w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      assertEquals(0, again.added());
      assertEquals(3, again.unchanged());
      assertEquals(0, again.embedded());

      Files.writeString(
          docs.resolve("beta.md"),
          TestCorpus.BETA.replace("snapshots", "backups"),
          StandardCharsets.UTF_8);
      IngestResult edited = w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      assertEquals(1, edited.updated());
      assertEquals(2, edited.unchanged());
      String betaId = TestCorpus.idOf(w, "beta.md");
      Report beta = w.catalog().findReport(betaId).orElseThrow();
      assertTrue(beta.passages().stream().map(Passage::text).anyMatch(t -> t.contains("backups")));
      assertFalse(
          beta.passages().stream().map(Passage::text).anyMatch(t -> t.contains("snapshots")));
      assertEquals(3, w.catalog().list().size());
      assertTrue(
          w.retriever()
              .search(
                  "snapshots",
                  5,
                  dev.debrief.model.SearchFilters.NONE,
                  dev.debrief.retrieve.HybridRetriever.Mode.BM25)
              .isEmpty(),
          "no stale passages");

      String gammaId = TestCorpus.idOf(w, "gamma.md");
      Files.move(docs.resolve("gamma.md"), docs.resolve("gamma-renamed.md"));
      IngestResult renamed = w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      assertEquals(0, renamed.added(), "a renamed file is the same report");
      assertEquals(1, renamed.sourcesAdded());
      assertEquals(0, renamed.embedded(), "a renamed file re-embeds nothing");
      assertEquals(3, w.catalog().list().size());
      assertEquals(gammaId, TestCorpus.idOf(w, "gamma-renamed.md"));

      IngestResult pruned = w.indexer().ingestPaths(List.of(docs), true, Indexer.Progress.NONE);
      assertEquals(0, pruned.removed(), "the report stays: gamma-renamed.md still holds it");
      assertEquals(
          List.of(IngestResult.Status.SOURCE_REMOVED),
          pruned.indexed().stream()
              .filter(i -> i.source().endsWith("/gamma.md"))
              .map(IngestResult.Indexed::status)
              .toList());
      assertEquals(3, w.catalog().list().size());
      assertTrue(
          w.catalog().list().stream()
              .flatMap(r -> r.sources().stream())
              .noneMatch(s -> s.endsWith("/gamma.md")));

      Files.delete(docs.resolve("gamma-renamed.md"));
      IngestResult gone = w.indexer().ingestPaths(List.of(docs), true, Indexer.Progress.NONE);
      assertEquals(1, gone.removed(), "its last source is gone, and the report with it");
      assertEquals(2, w.catalog().list().size());
      assertTrue(w.catalog().findReport(gammaId).isEmpty());
    }
  }

  @Test
  void badFilesAreReportedAndSkippedWithoutHarm() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.write(docs.resolve("empty.md"), new byte[0]);
    Files.write(docs.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    try (Wiring w = TestCorpus.wiring(tmp.resolve("index"))) {
      IngestResult r =
          w.indexer()
              .ingestPaths(
                  List.of(docs, tmp.resolve("missing"), docs.resolve("picture.png")),
                  false,
                  Indexer.Progress.NONE);
      assertEquals(3, r.added());
      assertEquals(1, r.skipped(), "the picture in the folder is skipped quietly");
      assertEquals(3, r.failures().size(), r.failures().toString());
      assertTrue(r.failures().stream().anyMatch(f -> f.input().endsWith("empty.md")));
      assertTrue(
          r.failures().stream()
              .anyMatch(
                  f ->
                      f.input().endsWith("picture.png")
                          && f.reason().startsWith("not a report: unsupported file type .png")),
          "named explicitly, it fails");
      assertTrue(
          r.failures().stream()
              .anyMatch(
                  f ->
                      f.input().endsWith("missing")
                          && f.reason().equals("no such file or folder")));
    }
  }

  @Test
  void secondWriterGetsAClearErrorAtOnce() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    try (Wiring one = TestCorpus.wiring(tmp.resolve("index"));
        LuceneIndex two = new LuceneIndex(tmp.resolve("index"), "all-minilm-l6-v2-q", 384)) {
      one.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      IndexException e = assertThrows(IndexException.class, two::writer);
      assertTrue(
          e.getMessage()
              .startsWith(
                  "the index in " + tmp.resolve("index") + " is being written by this process"),
          e.getMessage());
      assertEquals(3, new ReportStore(two).list().size(), "readers still work");
    }
  }

  @Test
  void indexBuiltWithAnotherModelIsRefusedWithRebuildAdvice() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    try (Wiring w = TestCorpus.wiring(tmp.resolve("index"))) {
      w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
    }
    IndexException e =
        assertThrows(
            IndexException.class,
            () -> new LuceneIndex(tmp.resolve("index"), "all-minilm-l6-v2", 384));
    String built =
        dev.debrief.config.DebriefConfig.defaults().embedding.model; // the test corpus's model
    assertTrue(
        e.getMessage()
            .contains(
                "was built with embedding model "
                    + built
                    + " (384 dimensions) but this"
                    + " configuration uses all-minilm-l6-v2 (384 dimensions)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("run `debrief ingest` again"), e.getMessage());
  }

  @Test
  void emptyIndexListsNothing() {
    try (Wiring w = TestCorpus.wiring(tmp.resolve("none"))) {
      assertFalse(w.index().exists());
      assertEquals(List.of(), w.catalog().list());
      assertTrue(w.catalog().findReport("r123").isEmpty());
    }
  }
}
