package dev.debrief.cli;

import dev.debrief.digest.IngestLog;
import dev.debrief.index.IngestResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief ingest PATH...}: index reports from files and folders. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Index reports (.md .html .txt .rst .pdf .docx .pptx .odt .epub) from files, folders and http(s) URLs. Unchanged"
        + " inputs are skipped; changed ones replaced. Exit 1 when some input failed.")
final class IngestCommand implements Callable<Integer> {
  /** Anything with a scheme goes to the fetcher, which accepts only http and https and says why not. */
  private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
  private static final IngestResult EMPTY = new IngestResult(0, 0, 0, 0, 0, 0, 0, List.of(), List.of());

  @ParentCommand
  Main main;

  @Parameters(arity = "1..*", paramLabel = "PATH|URL",
      description = "Files or folders (searched recursively), or http(s) URLs (fetched with SSRF protection).")
  List<String> inputs;

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
      List<Path> paths = new ArrayList<>();
      List<String> urls = new ArrayList<>();
      for (String input : inputs) {
        if (URL_LIKE.matcher(input).find()) {
          urls.add(input);
        } else {
          paths.add(Path.of(input));
        }
      }
      IngestResult r = paths.isEmpty() ? EMPTY : w.indexer().ingestPaths(paths, prune,
          tty ? new IngestProgress(err, System::nanoTime) : dev.debrief.index.Indexer.Progress.NONE);
      for (String url : urls) {
        r = merge(r, w.webIngest().ingest(url, List.of()).result());
      }
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

  private static IngestResult merge(IngestResult a, IngestResult b) {
    List<IngestResult.Failure> failures = new ArrayList<>(a.failures());
    failures.addAll(b.failures());
    List<String> ids = new ArrayList<>(a.reportIds());
    ids.addAll(b.reportIds());
    return new IngestResult(a.added() + b.added(), a.updated() + b.updated(), a.unchanged() + b.unchanged(),
        a.removed() + b.removed(), a.passages() + b.passages(), a.embedded() + b.embedded(), a.cached() + b.cached(),
        failures, ids);
  }
}
