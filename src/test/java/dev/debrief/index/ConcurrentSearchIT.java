package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.HashEmbedder;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.retrieve.LuceneRetrievalBackend;
import dev.debrief.retrieve.TermStatistics;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches never meet a closed reader while the index changes under them: one thread rewrites a
 * report {@value #WRITES} times (each a refresh and a commit) while 8 threads search — four through
 * the writing {@link LuceneIndex} (near-real-time) and four through a second, read-only one that
 * follows the commits. The run is bounded by counts: it ends when the writer is done and every
 * searcher has made at least {@value #MIN_SEARCHES} searches. A search that fails (an {@code
 * AlreadyClosedException} above all) is recorded and fails the test.
 */
class ConcurrentSearchIT {
  static final int WRITES = 40;
  static final int SEARCHERS = 8;
  static final int MIN_SEARCHES = 50;

  @TempDir Path tmp;

  @Test
  void eightSearchersAndARefreshingWriterRunTogetherWithoutAClosedReader() throws Exception {
    HashEmbedder embedder = new HashEmbedder();
    Path dir = tmp.resolve("index");
    try (LuceneIndex writing = new LuceneIndex(dir, embedder.modelId(), embedder.dimension())) {
      Indexer indexer =
          new Indexer(
              writing,
              new ReportReader(DebriefConfig.defaults().ingest),
              embedder,
              Clock.systemUTC(),
              1 << 20,
              0);
      indexer.ingestPaths(
          List.of(TestCorpus.write(tmp.resolve("docs"))), false, Indexer.Progress.NONE);
      try (LuceneIndex reading = new LuceneIndex(dir, embedder.modelId(), embedder.dimension())) {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicIntegerArray searches = new AtomicIntegerArray(SEARCHERS);
        AtomicBoolean writerDone = new AtomicBoolean();
        CountDownLatch ready = new CountDownLatch(SEARCHERS);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(SEARCHERS + 1);
        for (int t = 0; t < SEARCHERS; t++) {
          LuceneIndex index = t % 2 == 0 ? writing : reading;
          int me = t;
          Thread searcher =
              new Thread(
                  () -> {
                    ReportStore store = new ReportStore(index);
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
                    TermStatistics stats = new TermStatistics(new LuceneRetrievalBackend(index));
                    ready.countDown();
                    try {
                      go.await();
                      while (!writerDone.get() || searches.get(me) < MIN_SEARCHES) {
                        retriever.search("scheduler nodes latency", 5, SearchFilters.NONE);
                        store.list().forEach(r -> store.findReport(r.id()));
                        stats.idf("schedul");
                        searches.incrementAndGet(me);
                      }
                    } catch (Throwable e) {
                      failures.add(e);
                    } finally {
                      finished.countDown();
                    }
                  },
                  "searcher-" + t);
          searcher.start();
        }
        Thread writer =
            new Thread(
                () -> {
                  try {
                    go.await();
                    for (int i = 0; i < WRITES; i++) {
                      String text =
                          TestCorpus.GAMMA.replace("1500 attendees", (1500 + i) + " attendees");
                      indexer.ingestBytes(
                          "slack:FGAMMA", "gamma.md", text.getBytes(StandardCharsets.UTF_8));
                    }
                  } catch (Throwable e) {
                    failures.add(e);
                  } finally {
                    writerDone.set(true);
                    finished.countDown();
                  }
                },
                "writer");
        writer.start();
        assertTrue(ready.await(60, TimeUnit.SECONDS));
        go.countDown();
        assertTrue(finished.await(10, TimeUnit.MINUTES), "the run did not end");

        assertEquals(List.of(), failures.stream().map(Throwable::toString).toList());
        for (int t = 0; t < SEARCHERS; t++) {
          assertTrue(
              searches.get(t) >= MIN_SEARCHES,
              "searcher " + t + " made " + searches.get(t) + " searches");
        }
        reading.refresh();
        assertEquals(
            4, new ReportStore(reading).list().size(), "the reader follows the last commit");
      }
    }
  }
}
