package dev.debrief.cli;

import dev.debrief.digest.IngestLog;
import dev.debrief.index.IngestResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief ingest PATH...}: index reports from files and folders. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Index reports (.md .html .txt .rst .pdf) from files and folders. Unchanged files are skipped;"
        + " changed ones replaced. Exit 1 when some input failed.")
final class IngestCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (searched recursively).")
  List<Path> paths;

  @Option(names = "--prune", description = "Also drop reports whose source file is gone.")
  boolean prune;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (Wiring w = main.wiring()) {
      boolean tty = System.console() != null && !json;
      PrintStream err = System.err;
      long t0 = System.nanoTime();
      IngestResult r = w.indexer().ingestPaths(paths, prune, (done, total, input) -> {
        if (tty && total > 1) {
          int width = 30;
          int filled = (int) ((long) width * done / total);
          err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " ");
          if (done == total) {
            err.println();
          }
        }
      });
      double seconds = (System.nanoTime() - t0) / 1e9;
      try {
        w.ingestLog().append(new IngestLog.Run(w.clock().millis(), r.reportIds(), r.failures().stream()
            .map(f -> new IngestLog.Failure(f.input(), f.reason())).toList()));
      } catch (java.io.UncheckedIOException e) {
        System.err.println("warning: " + e.getMessage());
      }
      if (json) {
        System.out.println(Json.GSON.toJson(r));
      } else {
        System.out.printf("ingested %d new, %d updated, %d unchanged, %d removed; %d passages (%d embedded, %d"
                + " from cache) in %.1f s%n", r.added(), r.updated(), r.unchanged(), r.removed(), r.passages(),
            r.embedded(), r.cached(), seconds);
        for (IngestResult.Failure f : r.failures()) {
          System.err.println("skipped " + f.input() + ": " + f.reason());
        }
      }
      return r.ok() ? 0 : Main.EXIT_INPUT_FAILED;
    }
  }
}
