package dev.debrief.digest;

import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.Indexer;
import dev.debrief.index.IngestResult;
import dev.debrief.index.LuceneIndex;
import dev.debrief.index.ReportStore;
import dev.debrief.ingest.ReportReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real on-disk index (real ingest, real Lucene) with the {@link HashEmbedder}, so digest tests
 * run in milliseconds and ingest times come from a test clock.
 */
public final class Corpus implements AutoCloseable {
  final Path docs;
  final LuceneIndex index;
  public final HashEmbedder embedder = new HashEmbedder();
  final Indexer indexer;
  public final ReportStore catalog;
  public final CitationLinks links = new CitationLinks("http://localhost:3000");

  public Corpus(Path dir, Clock clock) throws IOException {
    this.docs = Files.createDirectories(dir.resolve("docs"));
    this.index = new LuceneIndex(dir.resolve("index"), embedder.modelId(), HashEmbedder.DIM);
    this.indexer =
        new Indexer(
            index,
            new ReportReader(DebriefConfig.defaults().ingest),
            embedder,
            clock,
            1 << 20,
            5_000);
    this.catalog = new ReportStore(index);
  }

  /** Writes {@code name} and ingests it now (by the clock); returns its report id. */
  public String add(String name, String text) throws IOException {
    Path f = docs.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    IngestResult r = indexer.ingestPaths(List.of(f), false, (d, t, i) -> {});
    if (!r.ok()) {
      throw new IllegalStateException(r.failures().toString());
    }
    return r.indexed().get(0).reportId();
  }

  public static String report(String title, String event, String date, String author, String body) {
    return "---\ntitle: "
        + title
        + "\nevent: "
        + event
        + "\ndate: "
        + date
        + "\nauthor: "
        + author
        + "\n---\n# "
        + title
        + "\n\n"
        + body;
  }

  @Override
  public void close() {
    index.close();
  }
}
