package dev.debrief.cli;

import dev.debrief.digest.Digest;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.DigestText;
import dev.debrief.digest.EventMatcher;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief digest}: what is new in a window, grouped by event, each report summarised with
 * citations.
 */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description =
        "What was ingested recently, grouped by event: per report a cited 2–3 sentence summary and"
            + " takeaways, then a coverage line. Exit 2 when --event names no single event.")
final class DigestCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--since",
      paramLabel = "WINDOW",
      description =
          "24h, 7d, 90m, 2w or a date yyyy-MM-dd" + " (default: digest.defaultWindow, 24h).")
  String since;

  @Option(
      names = "--event",
      paramLabel = "EVENT",
      description = "Only this event; matched loosely" + " (\"kubecon berlin\").")
  String event;

  @Option(names = "--json", description = "One JSON object.")
  boolean json;

  @Override
  public Integer call() {
    try (Wiring w = main.wiring()) {
      ZoneId zone = ZoneId.systemDefault();
      Instant to = w.clock().instant();
      Instant from =
          DigestService.parseSince(
              since != null ? since : w.config().digest.defaultWindow, w.clock(), zone);
      if (from.isAfter(to)) {
        throw new IllegalArgumentException("--since " + since + " is in the future");
      }
      if (!w.indexExists()) {
        System.out.println(
            json
                ? DigestText.digestJson(
                    new Digest(
                        from,
                        to,
                        "",
                        java.util.List.of(),
                        new Digest.Coverage(0, 0, java.util.List.of())))
                : AskCommand.emptyIndex(w.libraryLocation()));
        return 0;
      }
      String ev = "";
      if (event != null) {
        EventMatcher.Match m = new EventMatcher(w.catalog().list()).match(event);
        if (!(m instanceof EventMatcher.Found f)) {
          System.err.println("debrief: " + EventMatcher.message(m));
          return Main.EXIT_USAGE;
        }
        ev = f.event();
      }
      Digest d = w.digestService().digest(from, to, ev, null);
      System.out.println(
          json ? DigestText.digestJson(d) : DigestText.digest(d, zone, DigestText.Style.PLAIN));
      return 0;
    }
  }
}
