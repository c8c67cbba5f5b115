package dev.debrief.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief ask QUESTION}: a cited answer. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = "Answer a question from the reports; every sentence cites its source.")
final class AskCommand implements Callable<Integer> {
  /** The provider recorded on answers written here. */
  @ParentCommand Main main;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "Any text.")
  List<String> words;

  @Option(names = "--json", description = "One JSON object.")
  boolean json;

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description =
          "Questions, one per line (or JSON Lines with"
              + " \"question\"); prints one JSON object per line.")
  Path batch;

  @CommandLine.Mixin FilterOptions filters;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What every command says about an empty or missing index: where it looked, and what to do. */
  static String emptyIndex(String where) {
    return "No reports ingested yet in "
        + where
        + ". Run: debrief ingest PATH"
        + " (or point --index or DEBRIEF_HOME at an existing index)";
  }

  @Override
  public Integer call() throws IOException {
    if (batch == null && (words == null || words.isEmpty())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give a QUESTION or --batch FILE");
    }
    try (Wiring w = main.wiring()) {
      boolean empty = !w.indexExists();
      SearchFilters f = empty ? SearchFilters.NONE : filters.toFilters(w);
      if (batch != null) {
        for (Batch.Item item : Batch.read(batch)) {
          String q = item.question();
          System.out.println(
              item.error() != null
                  ? Batch.errorJson(item.error())
                  : Json.GSON.toJson(toJson(answer(w, q, f, empty))));
        }
        return 0;
      }
      Answer a = answer(w, String.join(" ", words), f, empty);
      if (json) {
        System.out.println(Json.GSON.toJson(toJson(a)));
      } else {
        System.out.println(render(a));
      }
      return 0;
    }
  }

  private static Answer answer(Wiring w, String q, SearchFilters f, boolean empty) {
    if (empty) {
      return Answer.refusal(q, emptyIndex(w.libraryLocation()), List.of(), 0);
    }
    return w.answerer().answer(new Question(q, List.of(), f));
  }

  /** The text form: answer, then numbered sources (title — section, link). */
  static String render(Answer a) {
    StringBuilder out = new StringBuilder(a.text()).append('\n');
    if (!a.citations().isEmpty()) {
      out.append("\nSources:\n");
      for (Citation c : a.citations()) {
        out.append(" [").append(c.n()).append("] ").append(c.title());
        if (!c.section().isEmpty()) {
          out.append(" — ").append(c.section());
        }
        out.append("\n     ").append(c.url()).append('\n');
      }
    }
    if (!a.closest().isEmpty()) {
      out.append("\nLinks:\n");
      for (Hit h : a.closest()) {
        out.append(" • ").append(h.title());
        if (!h.sectionLabel().isEmpty()) {
          out.append(" — ").append(h.sectionLabel());
        }
        out.append("\n     ").append(h.url()).append('\n');
      }
    }
    if (a.fallback()) {
      out.append("\n(the configured LLM failed; this is the offline extractive answer)\n");
    }
    return out.toString();
  }

  /** The stable JSON form. */
  static JsonObject toJson(Answer a) {
    JsonObject o = new JsonObject();
    o.addProperty("question", a.question());
    o.addProperty("answer", a.text());
    o.addProperty("answered", a.answered());
    JsonArray cites = new JsonArray();
    for (Citation c : a.citations()) {
      JsonObject j = new JsonObject();
      j.addProperty("n", c.n());
      j.addProperty("reportId", c.reportId());
      j.addProperty("title", c.title());
      j.addProperty("section", c.section());
      j.addProperty("url", c.url());
      j.addProperty("passageId", c.passageId());
      j.addProperty("quote", c.quote());
      cites.add(j);
    }
    o.add("citations", cites);
    JsonArray closest = new JsonArray();
    for (Hit h : a.closest()) {
      JsonObject j = new JsonObject();
      j.addProperty("reportId", h.reportId());
      j.addProperty("title", h.title());
      j.addProperty("section", h.sectionLabel());
      j.addProperty("url", h.url());
      j.addProperty("passageId", h.passageId());
      closest.add(j);
    }
    o.add("closest", closest);
    o.addProperty("provider", a.provider());
    o.addProperty("model", a.model());
    o.addProperty("fallback", a.fallback());
    o.addProperty("unverified", a.unverified());
    JsonObject u = new JsonObject();
    u.add("events", strings(a.understood().events()));
    u.addProperty("absentEdition", a.understood().absentEdition());
    u.add("reports", strings(a.understood().reports()));
    u.add("namesFound", strings(a.understood().namesFound()));
    u.add("namesMissing", strings(a.understood().namesMissing()));
    u.add("subject", strings(a.understood().subject()));
    u.add("kinds", strings(a.understood().kinds()));
    o.add("understood", u);
    return o;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray out = new JsonArray();
    values.forEach(out::add);
    return out;
  }
}
