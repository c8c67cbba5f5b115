package dev.debrief.cli;

import com.google.gson.JsonObject;
import dev.debrief.eval.Evaluator;
import dev.debrief.eval.QaFile;
import dev.debrief.eval.QaItem;
import dev.debrief.model.Citation;
import dev.debrief.retrieve.HybridRetriever;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief eval QA.jsonl...}: retrieval and answer quality on question sets, one row per set
 * and one for all of them; {@code --show} prints every question with its answer, sources and
 * verdict.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure recall@k, MRR, fact coverage, citation hit, refusal accuracy and false refusals, per"
            + " question set and in total; compare BM25, vectors and hybrid. Exit 1 when a --min/--max gate fails"
            + " (gates apply to the total).")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(arity = "1..*", paramLabel = "QA.jsonl", description = "Question sets (JSON Lines).")
  List<Path> files;

  @Option(
      names = "--k",
      defaultValue = "5",
      description = "Depth for recall@k and MRR (default 5).")
  int k;

  @Option(names = "--json", description = "Print metrics as JSON.")
  boolean json;

  @Option(names = "--verbose", description = "Print each question's outcome on one line.")
  boolean verbose;

  @Option(
      names = "--show",
      description = "Print each question with its whole answer, sources and verdict.")
  boolean show;

  @Option(names = "--min-recall", defaultValue = "0")
  double minRecall;

  @Option(names = "--min-facts", defaultValue = "0")
  double minFacts;

  @Option(names = "--min-refusal", defaultValue = "0")
  double minRefusal;

  @Option(names = "--max-false-refusals", defaultValue = "1")
  double maxFalseRefusals;

  static final String ALL = "all";

  @Override
  public Integer call() throws IOException {
    List<Evaluator.Labeled> items = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    for (Path f : files) {
      String name = setName(f, sets);
      sets.add(name);
      for (QaItem item : QaFile.read(f)) {
        items.add(new Evaluator.Labeled(name, item));
      }
    }
    try (Wiring w = main.wiring()) {
      if (!w.indexExists()) {
        System.err.println(AskCommand.emptyIndex(w.libraryLocation()));
        return Main.EXIT_INPUT_FAILED;
      }
      Map<HybridRetriever.Mode, Evaluator.Metrics> byMode =
          new EnumMap<>(HybridRetriever.Mode.class);
      for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
        Evaluator ev =
            new Evaluator(
                w.scopedRetrieval(mode), mode == HybridRetriever.Mode.HYBRID ? w.answerer() : null);
        byMode.put(mode, ev.runSets(items, k));
      }
      Evaluator.Metrics hybrid = byMode.get(HybridRetriever.Mode.HYBRID);
      Map<String, Map<HybridRetriever.Mode, Evaluator.Metrics>> rows = new LinkedHashMap<>();
      if (sets.size() > 1) {
        for (String set : sets) {
          Map<HybridRetriever.Mode, Evaluator.Metrics> row =
              new EnumMap<>(HybridRetriever.Mode.class);
          byMode.forEach((mode, m) -> row.put(mode, m.ofSet(set)));
          rows.put(set, row);
        }
      }
      rows.put(ALL, byMode);
      if (json) {
        System.out.println(Json.PRETTY.toJson(toJson(rows)));
      } else {
        printTable(rows);
      }
      if (verbose) {
        for (Evaluator.Outcome o : hybrid.outcomes()) {
          System.out.printf(
              "%-8s %-12s rank=%d facts=%s cited=%s answered=%s | %s%n",
              o.id(),
              o.kind(),
              o.firstRank(),
              o.factsOk(),
              o.citationHit(),
              o.answered(),
              o.answerText().replaceAll("\\s+", " "));
        }
      }
      if (show) {
        for (Evaluator.Outcome o : hybrid.outcomes()) {
          System.out.print(showOutcome(o));
        }
      }
      boolean pass =
          hybrid.recallAtK() >= minRecall
              && hybrid.factCoverage() >= minFacts
              && hybrid.refusalAccuracy() >= minRefusal
              && hybrid.falseRefusals() <= maxFalseRefusals;
      if (!pass) {
        System.err.printf(
            "eval gate failed: need recall@%d >= %.2f, facts >= %.2f, refusal >= %.2f,"
                + " false refusals <= %.2f%n",
            k, minRecall, minFacts, minRefusal, maxFalseRefusals);
      }
      return pass ? 0 : Main.EXIT_INPUT_FAILED;
    }
  }

  /** The file name, or the last two path elements when two sets share a file name. */
  private static String setName(Path f, List<String> taken) {
    String name = f.getFileName().toString();
    if (taken.contains(name) && f.getParent() != null) {
      name = f.getParent().getFileName() + "/" + name;
    }
    return name;
  }

  private void printTable(Map<String, Map<HybridRetriever.Mode, Evaluator.Metrics>> rows) {
    Evaluator.Metrics all = rows.get(ALL).get(HybridRetriever.Mode.HYBRID);
    System.out.printf(
        "%d questions (%d answerable, %d unanswerable), k=%d%n",
        all.questions(), all.answerable(), all.unanswerable(), k);
    String recall = "R@" + k;
    System.out.printf(
        "%-26s %4s | %-6s %-6s %-6s | %6s | %6s %6s %8s %9s | %5s %5s%n",
        "set",
        "n",
        recall + " bm25",
        "vector",
        "hybrid",
        "MRR",
        "facts",
        "cited",
        "refusal",
        "false-ref",
        "sent",
        "pad");
    for (Map.Entry<String, Map<HybridRetriever.Mode, Evaluator.Metrics>> row : rows.entrySet()) {
      Evaluator.Metrics h = row.getValue().get(HybridRetriever.Mode.HYBRID);
      System.out.printf(
          "%-26s %4d | %-6.3f %-6.3f %-6.3f | %6.3f | %6.3f %6.3f %8s %9.3f | %5.2f %5.3f%n",
          row.getKey(),
          h.questions(),
          row.getValue().get(HybridRetriever.Mode.BM25).recallAtK(),
          row.getValue().get(HybridRetriever.Mode.VECTOR).recallAtK(),
          h.recallAtK(),
          h.mrr(),
          h.factCoverage(),
          h.citationHit(),
          h.unanswerable() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", h.refusalAccuracy()),
          h.falseRefusals(),
          h.sentences(),
          h.padding());
    }
    Evaluator.Metrics b = rows.get(ALL).get(HybridRetriever.Mode.BM25);
    Evaluator.Metrics v = rows.get(ALL).get(HybridRetriever.Mode.VECTOR);
    System.out.printf("mode      recall@%d    MRR%n", k);
    System.out.printf("%-8s %9.3f %6.3f%n", "bm25", b.recallAtK(), b.mrr());
    System.out.printf("%-8s %9.3f %6.3f%n", "vector", v.recallAtK(), v.mrr());
    System.out.printf("%-8s %9.3f %6.3f%n", "hybrid", all.recallAtK(), all.mrr());
    System.out.printf(
        "fact coverage %.3f, citation hit %.3f, refusal accuracy %.3f, false refusals %.3f,"
            + " sentences %.2f, padding %.3f%n",
        all.factCoverage(),
        all.citationHit(),
        all.refusalAccuracy(),
        all.falseRefusals(),
        all.sentences(),
        all.padding());
  }

  /**
   * One question for a person to read: question, verdict, the answer with its sources, what was
   * missed.
   */
  static String showOutcome(Evaluator.Outcome o) {
    StringBuilder out = new StringBuilder();
    out.append("── ")
        .append(o.set().isEmpty() ? "" : o.set() + " ")
        .append(o.id())
        .append(" (")
        .append(o.kind())
        .append(") ")
        .append(o.verdict().toUpperCase(Locale.ROOT))
        .append('\n');
    out.append("Q: ").append(o.item().question()).append('\n');
    out.append("A: ").append(o.answerText().replace("\n", "\n   ")).append('\n');
    if (o.answer() != null) {
      for (Citation c : o.answer().citations()) {
        out.append("   [").append(c.n()).append("] ").append(c.title());
        if (!c.section().isEmpty()) {
          out.append(" — ").append(c.section());
        }
        out.append('\n');
      }
    }
    if (!o.item().unanswerable()) {
      out.append("   evidence rank ")
          .append(o.firstRank() == 0 ? "none in top k" : o.firstRank())
          .append(o.citationHit() ? ", cited" : ", not cited");
      if (o.padding() > 0) {
        out.append(String.format(Locale.ROOT, ", padding %.2f", o.padding()));
      }
      if (!o.missingFacts().isEmpty()) {
        out.append(", missing facts ").append(o.missingFacts());
      }
      out.append('\n');
    }
    out.append('\n');
    return out.toString();
  }

  private JsonObject toJson(Map<String, Map<HybridRetriever.Mode, Evaluator.Metrics>> rows) {
    JsonObject out = modes(rows.get(ALL));
    if (rows.size() > 1) {
      JsonObject sets = new JsonObject();
      rows.forEach(
          (name, row) -> {
            if (!name.equals(ALL)) {
              sets.add(name, modes(row));
            }
          });
      out.add("sets", sets);
    }
    return out;
  }

  private JsonObject modes(Map<HybridRetriever.Mode, Evaluator.Metrics> row) {
    JsonObject out = new JsonObject();
    row.forEach(
        (mode, m) -> {
          JsonObject j = new JsonObject();
          j.addProperty("recall@" + k, round(m.recallAtK()));
          j.addProperty("mrr", round(m.mrr()));
          if (mode == HybridRetriever.Mode.HYBRID) {
            j.addProperty("factCoverage", round(m.factCoverage()));
            j.addProperty("citationHit", round(m.citationHit()));
            j.addProperty("refusalAccuracy", round(m.refusalAccuracy()));
            j.addProperty("falseRefusals", round(m.falseRefusals()));
            j.addProperty("sentences", round(m.sentences()));
            j.addProperty("padding", round(m.padding()));
          }
          out.add(mode.name().toLowerCase(Locale.ROOT), j);
        });
    Evaluator.Metrics h = row.get(HybridRetriever.Mode.HYBRID);
    out.addProperty("questions", h.questions());
    out.addProperty("answerable", h.answerable());
    out.addProperty("unanswerable", h.unanswerable());
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
