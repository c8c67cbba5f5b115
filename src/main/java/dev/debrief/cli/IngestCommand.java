package dev.debrief.cli;

import dev.debrief.digest.IngestLog;
import dev.debrief.index.IngestResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code debrief ingest PATH...}: index reports from files and folders. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Index reports (.md .html .txt .rst .pdf .docx .pptx .odt .epub) from files, folders and http(s)"
            + " URLs. One report per content: a copy from another file or URL is added to the report as a source."
            + " Unchanged inputs are skipped; changed ones replaced; other files in folders skipped and counted. Exit 1"
            + " when some input failed.")
final class IngestCommand implements Callable<Integer> {
  /**
   * Anything with a scheme goes to the fetcher, which accepts only http and https and says why not.
   */
  private static final Pattern URL_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

  @ParentCommand Main main;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH|URL",
      description =
          "Files or folders (searched recursively), or http(s) URLs (fetched with SSRF protection).")
  List<String> inputs;

  @Option(
      names = "--prune",
      description =
          "Also drop sources that are files no longer there (a report goes with"
              + " its last source).")
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
      IngestResult r =
          paths.isEmpty()
              ? IngestResult.EMPTY
              : w.indexer()
                  .ingestPaths(
                      paths,
                      prune,
                      tty
                          ? new IngestProgress(err, System::nanoTime)
                          : dev.debrief.index.Indexer.Progress.NONE);
      for (String url : urls) {
        r = r.plus(w.webIngest().ingest(url, List.of()).result());
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      try {
        w.ingestLog()
            .append(
                new IngestLog.Run(
                    w.clock().millis(),
                    r.reportIds(),
                    r.failures().stream()
                        .map(f -> new IngestLog.Failure(f.input(), f.reason()))
                        .toList()));
      } catch (java.io.UncheckedIOException e) {
        System.err.println("warning: " + e.getMessage());
      }
      if (json) {
        System.out.println(Json.GSON.toJson(r));
      } else {
        System.out.printf(
            "ingested %d new, %d updated, %d unchanged, %d removed%s; %d passages (%d embedded, %d"
                + " from cache) in %.1f s%n",
            r.added(),
            r.updated(),
            r.unchanged(),
            r.removed(),
            r.sourcesAdded() == 0
                ? ""
                : ", " + r.sourcesAdded() + " already indexed from another source",
            r.passages(),
            r.embedded(),
            r.cached(),
            seconds);
        for (IngestResult.Indexed i : r.indexed()) {
          if (!i.note().isEmpty()) {
            System.out.println(i.note());
          }
        }
        if (r.skipped() > 0) {
          System.out.println(
              "skipped "
                  + r.skipped()
                  + (r.skipped() == 1
                      ? " file that is not a report"
                      : " files that are not reports"));
        }
        for (IngestResult.Failure f : r.failures()) {
          System.err.println("skipped " + f.input() + ": " + f.reason());
        }
      }
      return r.ok() ? 0 : Main.EXIT_INPUT_FAILED;
    }
  }
}
