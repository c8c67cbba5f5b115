package dev.debrief.cli;

import dev.debrief.digest.DigestText;
import dev.debrief.digest.EventSummarizer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief summarize EVENT}: a brief over every report of one event. */
@Command(
    name = "summarize",
    aliases = "summarise",
    mixinStandardHelpOptions = true,
    description =
        "Summarise every report of one event: executive summary, key themes with citations, notable"
            + " sessions and speakers, follow-ups, coverage. The name matches loosely (\"kubecon berlin\"); an"
            + " ambiguous or unknown name prints the candidates and exits 2.")
final class SummarizeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(arity = "0..*", paramLabel = "EVENT", description = "The event's name, any form.")
  List<String> words;

  @Option(names = "--json", description = "One JSON object.")
  boolean json;

  @Override
  public Integer call() {
    String query = words == null ? "" : String.join(" ", words);
    try (Wiring w = main.wiring()) {
      if (!w.indexExists()) {
        System.out.println(AskCommand.emptyIndex(w.libraryLocation()));
        return 0;
      }
      EventSummarizer.Outcome o = w.eventSummarizer().summarize(query, null);
      if (o.summary().isEmpty()) {
        System.err.println("debrief: " + o.message());
        return Main.EXIT_USAGE;
      }
      System.out.println(
          json
              ? DigestText.summaryJson(o.summary().get())
              : DigestText.summary(o.summary().get(), DigestText.Style.PLAIN));
      return 0;
    }
  }
}
