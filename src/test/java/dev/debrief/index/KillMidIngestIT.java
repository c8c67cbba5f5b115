package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.answer.SentenceContexts;
import dev.debrief.cli.Wiring;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM killed with SIGKILL mid-ingest leaves a usable index; the next ingest completes it.
 */
class KillMidIngestIT {
  @TempDir Path tmp;

  @Test
  void sigkillMidIngestThenIngestAgain() throws Exception {
    Path docs = tmp.resolve("docs");
    Files.createDirectories(docs);
    int reports = 60;
    for (int i = 0; i < reports; i++) {
      StringBuilder body = new StringBuilder("# Report " + i + "\n\n");
      for (int s = 0; s < 12; s++) {
        body.append("## Session ").append(s).append("\n\n");
        for (int p = 0; p < 3; p++) {
          body.append("Talk ")
              .append(i)
              .append('.')
              .append(s)
              .append('.')
              .append(p)
              .append(" covered caching layer number ")
              .append(i * 1000 + s * 10 + p)
              .append(
                  " and how teams measured latency, throughput and error budgets in production. ")
              .append(
                  "The speakers compared queues, retries and backoff across regions and shared numbers.\n\n");
        }
      }
      Files.writeString(docs.resolve("r" + i + ".md"), body.toString(), StandardCharsets.UTF_8);
    }
    Path index = tmp.resolve("index");
    Path config = tmp.resolve("debrief.json");
    Files.writeString(config, "{\"ingest\": {\"commitIntervalMillis\": 100}}");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.debrief.cli.Main",
                "--config",
                config.toString(),
                "--index",
                index.toString(),
                "ingest",
                docs.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!hasCommit(index) && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(
        child.isAlive(),
        "the child finished before it could be killed; make the corpus larger:\n"
            + Files.readString(tmp.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL on Unix
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    try (Wiring w = TestCorpus.wiring(index)) {
      int before = w.catalog().list().size();
      assertTrue(
          before < reports, "killed mid-ingest: " + before + " of " + reports + " committed");
      IngestResult r = w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      assertTrue(r.ok(), r.failures().toString());
      assertEquals(before, r.unchanged());
      assertEquals(reports - before, r.added());
      List<ReportInfo> all = w.catalog().list();
      assertEquals(reports, all.size());
      assertEquals(
          reports, all.stream().map(ReportInfo::id).distinct().count(), "no duplicate reports");
      int passages = all.stream().mapToInt(ReportInfo::passages).sum();
      int sentences = 0;
      for (ReportInfo info : all) {
        Report report = w.catalog().findReport(info.id()).orElseThrow();
        Set<String> texts = new HashSet<>();
        report.passages().forEach(p -> texts.addAll(new SentenceContexts().of(report, p)));
        sentences += texts.size();
      }
      assertEquals(
          reports + passages + sentences,
          w.index().docCount(),
          "one report document, its passages and its sentence vectors each");
    }
  }

  private static boolean hasCommit(Path index) throws Exception {
    if (!Files.isDirectory(index)) {
      return false;
    }
    try (Stream<Path> files = Files.list(index)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    }
  }
}
