package dev.debrief.cli;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.config.DebriefConfig;
import dev.debrief.eval.CitationVerificationEval;
import dev.debrief.eval.CitationVerificationEval.Metrics;
import dev.debrief.eval.MemoisedEmbedder;
import dev.debrief.eval.QaFile;
import dev.debrief.eval.QaItem;
import dev.debrief.index.Indexer;
import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code debrief eval-citations [--index DIR] [--embedding MODEL] [--calibrate] [--verbose]
 * [--thresholds a,b,c] [QA...]}: how well LLM citation verification keeps correct citations and
 * drops wrong ones, with fake answers that cite retrieved passages at random (see {@link
 * CitationVerificationEval}).
 */
@Command(
    name = "eval-citations",
    mixinStandardHelpOptions = true,
    description =
        "Measure citation verification: share of correct citations kept and wrong ones dropped.")
final class EvalCitationsCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand Main main;

  @Parameters(
      arity = "0..*",
      paramLabel = "QA",
      description = "Question files or folders (default ../shared/qa).")
  List<Path> qa = new ArrayList<>();

  @picocli.CommandLine.Option(
      names = "--embedding",
      paramLabel = "MODEL",
      description =
          "Embedding model id (default: the configured default); the temporary index is built with it.")
  String embedding;

  @picocli.CommandLine.Option(
      names = "--calibrate",
      description = "Search thresholds that keep >= 0.95.")
  boolean calibrate;

  @picocli.CommandLine.Option(
      names = "--verbose",
      description = "Print each fake answer's verdicts.")
  boolean verbose;

  @picocli.CommandLine.Option(
      names = "--thresholds",
      paramLabel = "a,b,c",
      description = "Thresholds to try instead of the defaults (repeatable).")
  List<String> thresholds = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path index = main.index;
    List<CitationVerifier.Thresholds> candidates = new ArrayList<>();
    for (String spec : thresholds) {
      String[] t = spec.split(",");
      candidates.add(
          new CitationVerifier.Thresholds(
              Double.parseDouble(t[0]), Double.parseDouble(t[1]), Double.parseDouble(t[2])));
    }
    if (qa.isEmpty()) {
      qa.add(Path.of("../shared/qa"));
    }
    PrintStream out = System.out;
    if (!Files.exists(qa.get(0))) {
      out.println("skipped: " + qa.get(0) + " is absent");
      return 0;
    }
    List<QaItem> items = QaFile.readAll(qa);
    DebriefConfig config = DebriefConfig.defaults();
    if (embedding != null) {
      config.embedding.model = dev.debrief.embed.EmbeddingModel.of(embedding).id();
    }
    boolean temporary = index == null;
    Path dir = temporary ? Files.createTempDirectory("debrief-citeval") : index;
    try (Wiring w = new Wiring(config, dir, Clock.systemUTC())) {
      if (temporary) {
        Indexer indexer = w.indexer();
        indexer.ingestPaths(List.of(Path.of("../shared/reports")), false, Indexer.Progress.NONE);
      }
      dev.debrief.embed.Embedder embedder = MemoisedEmbedder.of(w.embedder());
      out.println("embedding model " + embedder.modelId());
      CitationVerificationEval eval =
          new CitationVerificationEval(new CitationVerifier(embedder), 42);
      BiFunction<String, Integer, List<Hit>> search =
          (q, k) -> w.retriever().search(q, k, SearchFilters.NONE);
      int k = config.answer.passages;
      if (calibrate) {
        out.println(eval.calibrate(items, search, k, 0.95));
      }
      if (candidates.isEmpty()) {
        candidates.add(CitationVerifier.Thresholds.forModel(embedder.modelId()));
      }
      Map<String, List<Hit>> cached = new HashMap<>();
      BiFunction<String, Integer, List<Hit>> once =
          (q, n) -> cached.computeIfAbsent(q + "\u0000" + n, x -> search.apply(q, n));
      for (CitationVerifier.Thresholds t : candidates) {
        out.println(t);
        for (long seed : new long[] {42, 7, 2024}) {
          Metrics m =
              new CitationVerificationEval(new CitationVerifier(embedder, t), seed)
                  .verbose(verbose)
                  .run(items, once, k);
          out.printf(
              Locale.ROOT,
              "seed %d: %d questions; correct citations kept %d/%d = %.3f; wrong citations "
                  + "dropped %d/%d = %.3f%n",
              seed,
              m.questions(),
              m.correctKept(),
              m.correct(),
              m.keptShare(),
              m.wrongDropped(),
              m.wrong(),
              m.droppedShare());
        }
      }
    } finally {
      if (temporary) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    return 0;
  }
}
