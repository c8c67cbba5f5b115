package dev.debrief.cli;

import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief search QUERY}: hybrid retrieval. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Find passages (BM25 + vectors, fused by reciprocal rank fusion).")
final class SearchCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Any text.")
  List<String> words;

  @Option(names = "--k", defaultValue = "-1", description = "Number of hits (default: retrieve.k).")
  int k;

  @Option(names = "--json", description = "JSON array of hits.")
  boolean json;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description =
          "Questions, one per line (or JSON Lines with"
              + " \"question\"); prints one JSON array per line.")
  Path batch;

  @Option(names = "--mode", defaultValue = "hybrid", description = "hybrid, bm25 or vector.")
  String mode;

  @CommandLine.Mixin FilterOptions filters;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    HybridRetriever.Mode m;
    try {
      m = HybridRetriever.Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--mode must be hybrid, bm25 or vector");
    }
    if (batch == null && (words == null || words.isEmpty())) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give a QUERY or --batch FILE");
    }
    if (k == 0 || k < -1 || k > 1000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--k must be in 1..1000, got " + k);
    }
    try (Wiring w = main.wiring()) {
      int n = k > 0 ? k : w.config().retrieve.k;
      if (!w.indexExists()) {
        System.err.println(AskCommand.emptyIndex(w.libraryLocation()));
        if (json || batch != null) {
          System.out.println("[]");
        }
        return 0;
      }
      SearchFilters f = filters.toFilters(w);
      if (batch != null) {
        for (Batch.Item item : Batch.read(batch)) {
          String q = item.question();
          System.out.println(
              item.error() != null
                  ? Batch.errorJson(item.error())
                  : Json.GSON.toJson(w.retriever().search(q, n, f, m)));
        }
        return 0;
      }
      List<Hit> hits = w.retriever().search(String.join(" ", words), n, f, m);
      if (json) {
        System.out.println(Json.GSON.toJson(hits));
      } else if (hits.isEmpty()) {
        System.out.println("No matching passages.");
      } else {
        int i = 1;
        for (Hit h : hits) {
          System.out.printf(
              "%d. %s — %s  (%.4f)%n   %s%n   %s%n%n",
              i++,
              h.title(),
              h.sectionLabel().isEmpty() ? "(opening)" : h.sectionLabel(),
              h.score(),
              snippet(h.text()),
              h.url());
        }
      }
      return 0;
    }
  }

  static String snippet(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 240 ? oneLine : oneLine.substring(0, 237) + "…";
  }
}
