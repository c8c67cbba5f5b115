package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.HashEmbedder;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Hashes;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written in schema 1 (one report per source, id = "r" + SHA-256 of the source) is
 * migrated in place by the first writer: copies merge into one report with both sources, vectors
 * are reused (nothing embedded), and a later ingest of the same files changes nothing.
 */
class SchemaMigrationIT {
  @TempDir Path tmp;
  final HashEmbedder embedder = new HashEmbedder();

  @Test
  void versionOneReportsBecomeOneReportPerContent() throws Exception {
    Path dir = tmp.resolve("index");
    String a = "/old/alpha.md";
    String copy = "/old/alpha-copy.md";
    String b = "/old/beta.md";
    try (LuceneIndex index = new LuceneIndex(dir, embedder.modelId(), embedder.dimension())) {
      writeVersionOne(index, a, TestCorpus.ALPHA, 1_000);
      writeVersionOne(index, copy, TestCorpus.ALPHA, 2_000);
      writeVersionOne(index, b, TestCorpus.BETA, 3_000);
      index
          .writer()
          .setLiveCommitData(
              Map.of(
                      Fields.META_MODEL,
                      embedder.modelId(),
                      Fields.META_DIMENSION,
                      String.valueOf(embedder.dimension()),
                      Fields.META_SCHEMA,
                      "1")
                  .entrySet());
      index.writer().commit();
    }

    try (LuceneIndex index = new LuceneIndex(dir, embedder.modelId(), embedder.dimension())) {
      assertEquals(
          3, new ReportStore(index).list().size(), "a reader sees the old reports as they are");
      Indexer indexer =
          new Indexer(
              index,
              new ReportReader(DebriefConfig.defaults().ingest),
              embedder,
              Clock.systemUTC(),
              1 << 20,
              5_000);
      IngestResult r =
          indexer.ingestBytes(b, "beta.md", TestCorpus.BETA.getBytes(StandardCharsets.UTF_8));

      assertEquals(Fields.SCHEMA_VERSION, index.commitData().get(Fields.META_SCHEMA));
      assertEquals(
          IngestResult.Status.UPDATED,
          r.outcome(b).orElseThrow().status(),
          "a source an older parser read is parsed again (ReportReader.PARSE_VERSION)");
      assertEquals(0, r.embedded());
      List<ReportInfo> reports = new ReportStore(index).list();
      assertEquals(2, reports.size());
      ReportInfo alpha =
          reports.stream().filter(i -> i.sources().contains(a)).findFirst().orElseThrow();
      assertEquals(List.of(a, copy), alpha.sources(), "oldest first");
      Report full = new ReportStore(index).findReport(alpha.id()).orElseThrow();
      assertEquals(Report.idForContent(full.text()), full.id());
      assertTrue(
          full.passages().stream().allMatch(p -> p.id().startsWith(full.id() + "-p")),
          full.passages().toString());
      assertEquals(
          full.passages().size(),
          new ReportStore(index).passageVectors(full.id()).size(),
          "vectors kept");
      assertEquals(
          reports.stream().mapToInt(ReportInfo::passages).sum() + reports.size(),
          index.docCount(),
          "no version-1 document left");
    }
  }

  /**
   * Writes one report the way schema 1 did: its id from the source, its passages keyed by that id.
   */
  private void writeVersionOne(LuceneIndex index, String source, String text, long at)
      throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Report parsed = new ReportReader(DebriefConfig.defaults().ingest).read(source, "x.md", bytes);
    String oldId = "r" + Hashes.sha256Hex(source).substring(0, 12);
    List<Passage> passages = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    Report tmp =
        new Report(
            oldId,
            source,
            parsed.format(),
            parsed.meta(),
            parsed.text(),
            parsed.sections(),
            parsed.passages(),
            Hashes.sha256Hex(bytes));
    for (Passage p : parsed.passages()) {
      passages.add(
          new Passage(
              Passage.idOf(oldId, p.ordinal()),
              oldId,
              p.ordinal(),
              p.sectionOrdinal(),
              p.headingPath(),
              p.anchor(),
              p.text(),
              p.start(),
              p.end()));
      vectors.add(embedder.embed(Indexer.embeddingText(tmp, p)));
    }
    Report old =
        new Report(
            oldId,
            source,
            parsed.format(),
            parsed.meta(),
            parsed.text(),
            parsed.sections(),
            passages,
            Hashes.sha256Hex(bytes));
    index
        .writer()
        .addDocuments(
            new Documents()
                .toDocuments(
                    old,
                    List.of(new SourceEntry(source, Hashes.sha256Hex(bytes), parsed.meta(), at)),
                    vectors,
                    embedder.modelId(),
                    at));
  }
}
