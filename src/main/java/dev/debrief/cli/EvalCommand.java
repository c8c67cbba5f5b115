package dev.debrief.cli;

import com.google.gson.JsonObject;
import dev.debrief.eval.Evaluator;
import dev.debrief.eval.QaFile;
import dev.debrief.eval.QaItem;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief eval QA.jsonl...}: retrieval and answer quality on question sets. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure recall@k, MRR, fact coverage, citation hit, refusal accuracy and false refusals;"
        + " compare BM25, vectors and hybrid. Exit 1 when a --min/--max gate fails.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Parameters(arity = "1..*", paramLabel = "QA.jsonl", description = "Question sets (JSON Lines).")
  List<Path> files;

  @Option(names = "--k", defaultValue = "5", description = "Depth for recall@k and MRR (default 5).")
  int k;

  @Option(names = "--json", description = "Print metrics as JSON.")
  boolean json;

  @Option(names = "--verbose", description = "Print each question's outcome.")
  boolean verbose;

  @Option(names = "--min-recall", defaultValue = "0") double minRecall;
  @Option(names = "--min-facts", defaultValue = "0") double minFacts;
  @Option(names = "--min-refusal", defaultValue = "0") double minRefusal;
  @Option(names = "--max-false-refusals", defaultValue = "1") double maxFalseRefusals;

  @Override
  public Integer call() throws IOException {
    List<QaItem> items = new ArrayList<>();
    for (Path f : files) {
      items.addAll(QaFile.read(f));
    }
    try (Wiring w = main.wiring()) {
      if (!w.indexExists()) {
        System.err.println(AskCommand.emptyIndex(w.libraryLocation()));
        return Main.EXIT_INPUT_FAILED;
      }
      HybridRetriever r = w.retriever();
      JsonObject out = new JsonObject();
      Evaluator.Metrics hybrid = null;
      for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
        Evaluator ev = new Evaluator((q, n) -> r.search(q, n, SearchFilters.NONE, mode),
            mode == HybridRetriever.Mode.HYBRID ? w.answerer() : null);
        Evaluator.Metrics m = ev.run(items, k);
        if (mode == HybridRetriever.Mode.HYBRID) {
          hybrid = m;
        }
        JsonObject j = new JsonObject();
        j.addProperty("recall@" + k, round(m.recallAtK()));
        j.addProperty("mrr", round(m.mrr()));
        if (mode == HybridRetriever.Mode.HYBRID) {
          j.addProperty("factCoverage", round(m.factCoverage()));
          j.addProperty("citationHit", round(m.citationHit()));
          j.addProperty("refusalAccuracy", round(m.refusalAccuracy()));
          j.addProperty("falseRefusals", round(m.falseRefusals()));
        }
        out.add(mode.name().toLowerCase(java.util.Locale.ROOT), j);
      }
      out.addProperty("questions", hybrid.questions());
      out.addProperty("answerable", hybrid.answerable());
      out.addProperty("unanswerable", hybrid.unanswerable());
      if (json) {
        System.out.println(Json.PRETTY.toJson(out));
      } else {
        System.out.printf("%d questions (%d answerable, %d unanswerable), k=%d%n", hybrid.questions(),
            hybrid.answerable(), hybrid.unanswerable(), k);
        System.out.printf("%-8s %9s %6s%n", "mode", "recall@" + k, "MRR");
        for (String mode : List.of("bm25", "vector", "hybrid")) {
          JsonObject j = out.getAsJsonObject(mode);
          System.out.printf("%-8s %9.3f %6.3f%n", mode, j.get("recall@" + k).getAsDouble(), j.get("mrr").getAsDouble());
        }
        System.out.printf("fact coverage %.3f, citation hit %.3f, refusal accuracy %.3f, false refusals %.3f%n",
            hybrid.factCoverage(), hybrid.citationHit(), hybrid.refusalAccuracy(), hybrid.falseRefusals());
      }
      if (verbose) {
        for (Evaluator.Outcome o : hybrid.outcomes()) {
          System.out.printf("%-8s %-12s rank=%d facts=%s cited=%s answered=%s | %s%n", o.id(), o.kind(),
              o.firstRank(), o.factsOk(), o.citationHit(), o.answered(),
              o.answer().replaceAll("\\s+", " "));
        }
      }
      boolean pass = hybrid.recallAtK() >= minRecall && hybrid.factCoverage() >= minFacts
          && hybrid.refusalAccuracy() >= minRefusal && hybrid.falseRefusals() <= maxFalseRefusals;
      if (!pass) {
        System.err.printf("eval gate failed: need recall@%d >= %.2f, facts >= %.2f, refusal >= %.2f,"
            + " false refusals <= %.2f%n", k, minRecall, minFacts, minRefusal, maxFalseRefusals);
      }
      return pass ? 0 : Main.EXIT_INPUT_FAILED;
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
