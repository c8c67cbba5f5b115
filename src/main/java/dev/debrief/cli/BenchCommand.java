package dev.debrief.cli;

import dev.debrief.config.DebriefConfig;
import dev.debrief.eval.QaFile;
import dev.debrief.eval.QaItem;
import dev.debrief.index.IngestResult;
import dev.debrief.ingest.IngestException;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Passage;
import dev.debrief.model.Question;
import dev.debrief.model.Report;
import dev.debrief.model.SearchFilters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief bench}: prints performance figures (never a timed test). Ingests a report folder into a
 * fresh temporary index and compares end-to-end ingest time with the pure embedding time of the same
 * passages; measures heap after ingest, and warm search and ask latency (query embedding included: the
 * query cache is off) over a question set.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print ingest, search and ask figures.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Option(names = "--reports", defaultValue = "../shared/reports", description = "Report folder to ingest.")
  Path reports;

  @Option(names = "--qa", split = ",", description = "Question files (default: ../shared/qa/*.jsonl).")
  List<Path> qa;

  @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds over the questions.")
  int rounds;

  @Option(names = "--embedding-model", description = "Embedding model to benchmark (default: embedding.model).")
  String embeddingModel;

  @Override
  public Integer call() throws IOException {
    DebriefConfig config = main.loadConfig();
    if (embeddingModel != null) {
      config.embedding.model = embeddingModel;
      config.validate("--embedding-model");
    }
    Path tmp = Files.createTempDirectory("debrief-bench");
    try (Wiring w = new Wiring(config, tmp.resolve("lucene"), Clock.systemUTC()).withQueryCache(0)) {
      long t0 = System.nanoTime();
      w.embedder().embed("warm up");
      System.out.printf("model %s loaded in %.2f s, %d cores%n", config.embedding.model, secs(t0),
          Runtime.getRuntime().availableProcessors());

      List<String> texts = passageTexts(config);
      w.embedder().embedAll(texts.subList(0, Math.min(16, texts.size())));
      long e0 = System.nanoTime();
      w.embedder().embedAll(texts);
      double embedSeconds = secs(e0);

      long i0 = System.nanoTime();
      IngestResult r = w.indexer().ingestPaths(List.of(reports), false, (d, t, in) -> { });
      double ingestSeconds = secs(i0);
      System.out.printf("ingest: %d reports, %d passages in %.2f s (%.1f passages/s); pure embedding %.2f s"
              + " (%.1f passages/s); ratio %.2f%n", r.added(), r.passages(), ingestSeconds,
          r.passages() / ingestSeconds, embedSeconds, texts.size() / embedSeconds, ingestSeconds / embedSeconds);

      System.gc();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf("heap after ingest: %.1f MB used (max %.0f MB)%n",
          (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);

      List<String> questions = questions();
      if (questions.isEmpty()) {
        System.out.println("no questions found; skipping search and ask figures");
        return 0;
      }
      for (String q : questions) {
        w.retriever().search(q, 5, SearchFilters.NONE);
        w.answerer().answer(Question.of(q));
      }
      double[] search = new double[questions.size() * rounds];
      double[] ask = new double[questions.size() * rounds];
      int n = 0;
      for (int round = 0; round < rounds; round++) {
        for (String q : questions) {
          long s0 = System.nanoTime();
          w.retriever().search(q, 5, SearchFilters.NONE);
          search[n] = (System.nanoTime() - s0) / 1e6;
          long a0 = System.nanoTime();
          w.answerer().answer(Question.of(q));
          ask[n] = (System.nanoTime() - a0) / 1e6;
          n++;
        }
      }
      Arrays.sort(search);
      Arrays.sort(ask);
      System.out.printf("warm search (%d queries): p50 %.1f ms, p99 %.1f ms%n", n, pct(search, 50), pct(search, 99));
      System.out.printf("warm ask    (%d questions): p50 %.1f ms, p99 %.1f ms%n", n, pct(ask, 50), pct(ask, 99));
      return 0;
    } finally {
      deleteTree(tmp);
    }
  }

  private List<String> passageTexts(DebriefConfig config) throws IOException {
    ReportReader reader = new ReportReader(config.ingest);
    List<String> texts = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(reports)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        try {
          Report r = reader.read(p.toAbsolutePath().normalize().toString(), p.getFileName().toString(),
              Files.readAllBytes(p));
          r.passages().forEach(passage -> texts.add(dev.debrief.index.Indexer.embeddingText(r, passage)));
        } catch (IngestException e) {
          // the ingest run reports it
        }
      }
    }
    return texts;
  }

  private List<String> questions() throws IOException {
    List<Path> files = qa;
    if (files == null || files.isEmpty()) {
      Path dir = Path.of("..", "shared", "qa");
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
      }
    }
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      QaFile.read(f).stream().map(QaItem::question).forEach(out::add);
    }
    return out;
  }

  private static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
