package dev.debrief.cli;

import dev.debrief.model.ReportInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code debrief reports}: what is indexed. */
@Command(name = "reports", mixinStandardHelpOptions = true, description = "List indexed reports.")
final class ReportsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--json", description = "JSON array.")
  boolean json;

  @Override
  public Integer call() {
    try (Wiring w = main.wiring()) {
      List<ReportInfo> reports = w.catalog().list();
      if (json) {
        System.out.println(Json.GSON.toJson(reports));
      } else if (reports.isEmpty()) {
        System.out.println(AskCommand.emptyIndex(w.libraryLocation()));
      } else {
        for (ReportInfo r : reports) {
          System.out.printf(
              "%s  %-10s %s%s — %d sections, %d passages%n    %s%n",
              r.id(),
              r.meta().date(),
              r.meta().title(),
              r.meta().event().isEmpty() ? "" : " (" + r.meta().event() + ")",
              r.sections(),
              r.passages(),
              String.join("\n    ", r.sources()));
        }
      }
      return 0;
    }
  }
}
