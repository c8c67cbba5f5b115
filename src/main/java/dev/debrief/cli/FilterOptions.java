package dev.debrief.cli;

import dev.debrief.digest.EventMatcher;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --event}, {@code --report} and {@code --since} filters shared by search and ask. */
final class FilterOptions {
  @Option(
      names = "--event",
      description =
          "Only reports of this event; loose names work (\"kubecon berlin\");"
              + " an ambiguous or unknown name lists the candidates (exit 2).")
  String event;

  @Option(names = "--report", description = "Only this report: its id, file name or title.")
  String report;

  @Option(names = "--since", description = "Only reports dated on or after this date (yyyy-MM-dd).")
  String since;

  SearchFilters toFilters(Wiring w) {
    String reportId = "";
    if (report != null && !report.isBlank()) {
      reportId = resolveReport(w, report.strip());
    }
    if (since != null && !since.isBlank() && !validDate(since.strip())) {
      throw new IllegalArgumentException(
          "--since must be a date like 2024-05-01 (or 2024-05, 2024), got \"" + since + "\"");
    }
    String eventName = "";
    if (event != null && !event.isBlank()) {
      EventMatcher.Match m = new EventMatcher(w.catalog().list()).match(event);
      if (!(m instanceof EventMatcher.Found found)) {
        throw new IllegalArgumentException("--event: " + EventMatcher.message(m));
      }
      eventName = found.event();
    }
    return new SearchFilters(eventName, reportId, since, null);
  }

  /** True for a real calendar date, month or year: 2024-05-01, 2024-05, 2024 (not 2024-13-45). */
  static boolean validDate(String s) {
    try {
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate.parse(s);
      } else if (s.matches("\\d{4}-\\d{2}")) {
        YearMonth.parse(s);
      } else {
        return s.matches("\\d{4}");
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * An id, a file name (with or without extension) or a title.
   *
   * @throws IllegalArgumentException naming the indexed reports when nothing matches
   */
  static String resolveReport(Wiring w, String wanted) {
    String lower = wanted.toLowerCase(Locale.ROOT);
    for (ReportInfo r : w.catalog().list()) {
      for (String source : r.sources()) {
        String file = source.substring(source.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        if (r.id().equals(wanted)
            || file.equals(lower)
            || stem.equals(lower)
            || r.meta().title().toLowerCase(Locale.ROOT).equals(lower)) {
          return r.id();
        }
      }
    }
    java.util.List<String> known =
        w.catalog().list().stream()
            .map(r -> r.source().substring(r.source().lastIndexOf('/') + 1))
            .limit(20)
            .toList();
    throw new IllegalArgumentException(
        "--report: no indexed report has the id, file name or title \""
            + wanted
            + "\""
            + (known.isEmpty() ? "" : "; indexed: " + String.join(", ", known)));
  }
}
