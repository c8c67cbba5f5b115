package dev.debrief.cli;

import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --event}, {@code --report} and {@code --since} filters shared by search and ask. */
final class FilterOptions {
  @Option(names = "--event", description = "Only reports of this event (exact name, any case).")
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
    if (since != null && !since.isBlank() && !since.strip().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
      throw new IllegalArgumentException("--since must be a date like 2024-05-01, got \"" + since + "\"");
    }
    return new SearchFilters(event, reportId, since, null);
  }

  /** An id, a file name (with or without extension) or a title; unknown names filter to nothing. */
  static String resolveReport(Wiring w, String wanted) {
    String lower = wanted.toLowerCase(Locale.ROOT);
    for (ReportInfo r : w.catalog().list()) {
      String file = r.source().substring(r.source().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
      if (r.id().equals(wanted) || file.equals(lower) || stem.equals(lower)
          || r.meta().title().toLowerCase(Locale.ROOT).equals(lower)) {
        return r.id();
      }
    }
    return wanted;
  }
}
