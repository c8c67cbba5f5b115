package dev.debrief.cli;

import dev.debrief.config.DebriefConfig;
import dev.debrief.eval.QaFile;
import dev.debrief.eval.QaItem;
import dev.debrief.index.Indexer;
import dev.debrief.index.IngestResult;
import dev.debrief.ingest.IngestException;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Passage;
import dev.debrief.model.Question;
import dev.debrief.model.Report;
import dev.debrief.model.SearchFilters;
import dev.debrief.model.SentenceTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief bench}: prints performance figures (never a timed test). Ingests a report folder
 * into a fresh temporary index and compares end-to-end ingest time with the pure embedding time of
 * the same passages and the sentence texts ingest embeds ahead for answers; measures heap after
 * ingest, and warm search and ask latency (query embedding included: the query cache is off) over a
 * question set. With {@code --backend solr} the same run is repeated on a fresh collection of the
 * configured SolrCloud ({@code solr.*}), deleted afterwards, and both are printed side by side.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Print ingest, search and ask figures.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--reports",
      defaultValue = "../shared/reports",
      description = "Report folder to ingest.")
  Path reports;

  @Option(
      names = "--qa",
      split = ",",
      description = "Question files (default: ../shared/qa/*.jsonl).")
  List<Path> qa;

  @Option(
      names = "--rounds",
      defaultValue = "10",
      description = "Measured rounds over the questions.")
  int rounds;

  @Option(
      names = "--embedding-model",
      description = "Embedding model to benchmark (default: embedding.model).")
  String embeddingModel;

  @Option(
      names = "--backend",
      defaultValue = "lucene",
      description =
          "lucene, or solr: Lucene and then a fresh"
              + " collection on the configured SolrCloud in the same run, side by side (default: ${DEFAULT-VALUE}).")
  String backend;

  /** What one backend measured. */
  private record Figures(
      int passages,
      double ingestSeconds,
      double searchP50,
      double searchP99,
      double askP50,
      double askP99) {}

  @Override
  public Integer call() throws IOException {
    if (!backend.equals("lucene") && !backend.equals("solr")) {
      throw new IllegalArgumentException("--backend must be lucene or solr, got " + backend);
    }
    DebriefConfig config = main.loadConfig();
    if (embeddingModel != null) {
      config.embedding.model = embeddingModel;
      config.validate("--embedding-model");
    }
    config.index.backend = "lucene";
    Figures lucene = run(config, "lucene");
    if (backend.equals("lucene") || lucene == null) {
      return 0;
    }
    DebriefConfig solr = main.loadConfig();
    solr.embedding.model = config.embedding.model;
    solr.index.backend = "solr";
    solr.solr.collection = "debrief_bench_" + System.currentTimeMillis();
    solr.solr.stateCollection = solr.solr.collection + "_state";
    solr.validate("bench");
    Figures onSolr = run(solr, "solr");
    System.out.printf(
        "%n%-26s %12s %12s%n", "", "lucene", "solr " + solr.solr.urls.size() + " url(s)");
    System.out.printf(
        "%-26s %12.1f %12.1f%n",
        "ingest passages/s",
        lucene.passages() / lucene.ingestSeconds(),
        onSolr.passages() / onSolr.ingestSeconds());
    System.out.printf(
        "%-26s %12.2f %12.2f%n", "ingest s", lucene.ingestSeconds(), onSolr.ingestSeconds());
    System.out.printf(
        "%-26s %12.1f %12.1f%n", "search p50 ms", lucene.searchP50(), onSolr.searchP50());
    System.out.printf(
        "%-26s %12.1f %12.1f%n", "search p99 ms", lucene.searchP99(), onSolr.searchP99());
    System.out.printf("%-26s %12.1f %12.1f%n", "ask p50 ms", lucene.askP50(), onSolr.askP50());
    System.out.printf("%-26s %12.1f %12.1f%n", "ask p99 ms", lucene.askP99(), onSolr.askP99());
    return 0;
  }

  /**
   * One backend: ingest into a fresh index (a temporary folder, or a new Solr collection deleted
   * after).
   */
  private Figures run(DebriefConfig config, String label) throws IOException {
    System.out.println("== " + label);
    Path tmp = Files.createTempDirectory("debrief-bench");
    boolean solr = "solr".equals(config.index.backend);
    try (Wiring w =
        new Wiring(config, tmp.resolve("lucene"), Clock.systemUTC())
            .withQueryCache(0)
            .withEnv(main.env)) {
      if (solr) {
        w.solrAdmin(line -> {}).init(2, 2, config.embedding.model, Wiring.DIMENSION);
        System.out.println(
            "solr collection "
                + config.solr.collection
                + " (2 shards x 2 replicas) at "
                + String.join(", ", config.solr.urls));
      }
      try {
        return measure(w, config);
      } finally {
        if (solr) {
          w.solrAdmin(line -> {}).delete(config.solr.collection, config.solr.stateCollection);
        }
      }
    } finally {
      deleteTree(tmp);
    }
  }

  private Figures measure(Wiring w, DebriefConfig config) throws IOException {
    long t0 = System.nanoTime();
    w.embedder().embed("warm up");
    System.out.printf(
        "model %s loaded in %.2f s, %d cores%n",
        config.embedding.model, secs(t0), Runtime.getRuntime().availableProcessors());

    List<Report> parsed = parse(config);
    List<String> texts = new ArrayList<>();
    Set<String> sentences = new LinkedHashSet<>();
    SentenceTexts sentenceTexts = w.sentenceTexts();
    for (Report r : parsed) {
      for (Passage passage : r.passages()) {
        texts.add(Indexer.embeddingText(r, passage));
        sentences.addAll(sentenceTexts.of(r, passage));
      }
    }
    w.embedder().embedAll(texts.subList(0, Math.min(16, texts.size())));
    long e0 = System.nanoTime();
    w.embedder().embedAll(texts);
    double passageSeconds = secs(e0);
    long sentences0 = System.nanoTime();
    w.embedder().embedAll(List.copyOf(sentences));
    double sentenceSeconds = secs(sentences0);
    double embedSeconds = passageSeconds + sentenceSeconds;
    System.out.printf(
        "pure embedding: %d passages %.2f s (%.1f passages/s), %d sentence texts %.2f s%n",
        texts.size(),
        passageSeconds,
        texts.size() / passageSeconds,
        sentences.size(),
        sentenceSeconds);

    long i0 = System.nanoTime();
    IngestResult r = w.indexer().ingestPaths(List.of(reports), false, (d, t, in) -> {});
    double ingestSeconds = secs(i0);
    System.out.printf(
        "ingest: %d reports, %d passages in %.2f s (%.1f passages/s); pure embedding of"
            + " passages and sentence texts %.2f s; ratio %.2f%n",
        r.added(),
        r.passages(),
        ingestSeconds,
        r.passages() / ingestSeconds,
        embedSeconds,
        ingestSeconds / embedSeconds);

    System.gc();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "heap after ingest: %.1f MB used (max %.0f MB)%n",
        (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);

    List<String> questions = questions();
    if (questions.isEmpty()) {
      System.out.println("no questions found; skipping search and ask figures");
      return null;
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
    System.out.printf(
        "warm search (%d queries): p50 %.1f ms, p99 %.1f ms%n",
        n, pct(search, 50), pct(search, 99));
    System.out.printf(
        "warm ask    (%d questions): p50 %.1f ms, p99 %.1f ms%n", n, pct(ask, 50), pct(ask, 99));
    return new Figures(
        r.passages(), ingestSeconds, pct(search, 50), pct(search, 99), pct(ask, 50), pct(ask, 99));
  }

  /** The reports of {@link #reports} as ingest parses them (files it refuses left out). */
  private List<Report> parse(DebriefConfig config) throws IOException {
    ReportReader reader = new ReportReader(config.ingest);
    List<Report> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(reports)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        try {
          out.add(
              reader.read(
                  p.toAbsolutePath().normalize().toString(),
                  p.getFileName().toString(),
                  Files.readAllBytes(p)));
        } catch (IngestException e) {
          // the ingest run reports it
        }
      }
    }
    return out;
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
