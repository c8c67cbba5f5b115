package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.HashEmbedder;
import dev.debrief.embed.Embedder;
import dev.debrief.ingest.ReportReader;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second writer is refused before it parses or embeds anything, and the refusal names the first:
 * in this JVM ("this process"), and from a child JVM running {@code debrief ingest} (the parent's
 * process id).
 */
class WriterLockIT {
  @TempDir Path tmp;

  /** Counts the texts it is asked to embed. */
  static final class CountingEmbedder implements Embedder {
    final HashEmbedder inner = new HashEmbedder();
    final AtomicInteger texts = new AtomicInteger();

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public float[] embed(String text) {
      texts.incrementAndGet();
      return inner.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> all) {
      texts.addAndGet(all.size());
      return inner.embedAll(all);
    }

    @Override
    public void close() {}
  }

  @Test
  void aSecondWriterInThisProcessIsRefusedBeforeAnyEmbedding() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    CountingEmbedder embedder = new CountingEmbedder();
    try (LuceneIndex first =
            new LuceneIndex(tmp.resolve("index"), embedder.modelId(), embedder.dimension());
        LuceneIndex second =
            new LuceneIndex(tmp.resolve("index"), embedder.modelId(), embedder.dimension())) {
      first.writer();
      Indexer late =
          new Indexer(
              second,
              new ReportReader(DebriefConfig.defaults().ingest),
              embedder,
              Clock.systemUTC(),
              1 << 20,
              5_000);

      IndexException e =
          assertThrows(
              IndexException.class,
              () -> late.ingestPaths(List.of(docs), false, Indexer.Progress.NONE));

      assertEquals(
          "the index in "
              + tmp.resolve("index")
              + " is being written by this process (another writer is"
              + " open on it) (its write.lock is held); wait for it to finish and try again",
          e.getMessage());
      assertEquals(0, embedder.texts.get(), "nothing was embedded before the refusal");
      assertThrows(
          IndexException.class,
          () ->
              late.ingestBytes(
                  "slack:F1", "a.md", TestCorpus.ALPHA.getBytes(StandardCharsets.UTF_8)));
      assertEquals(0, embedder.texts.get());
    }
  }

  @Test
  void aSecondIngestProcessIsRefusedByTheFirstOnesName() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Path index = tmp.resolve("index");
    try (LuceneIndex holder = new LuceneIndex(index, "all-minilm-l6-v2-q", 384)) {
      holder.writer();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.debrief.cli.Main",
                  "--index",
                  index.toString(),
                  "ingest",
                  docs.toString())
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("child.log").toFile())
              .start();
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the refused ingest ended");
      String log = Files.readString(tmp.resolve("child.log"));
      assertEquals(3, child.exitValue(), log);
      assertTrue(
          log.contains("is being written by process " + ProcessHandle.current().pid() + " ("), log);
      assertTrue(log.contains("wait for it to finish and try again"), log);
      assertTrue(!log.contains("ingested"), "nothing was ingested: " + log);
    }
  }
}
