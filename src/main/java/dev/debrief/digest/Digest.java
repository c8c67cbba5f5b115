package dev.debrief.digest;

import dev.debrief.model.Citation;
import java.time.Instant;
import java.util.List;

/**
 * What is new in a window, grouped by event: the result of {@link DigestService#digest}.
 *
 * @param from start of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param event the event it was restricted to ("" for all)
 * @param events groups in order of their newest report, newest first; empty when nothing is new
 * @param coverage counts for the coverage line
 */
public record Digest(
    Instant from, Instant to, String event, List<EventGroup> events, Coverage coverage) {
  public Digest {
    event = event == null ? "" : event;
    events = List.copyOf(events);
  }

  /** True when no report was added in the window. */
  public boolean isEmpty() {
    return events.isEmpty();
  }

  /** The reports of one event ({@code event} is "" for reports without one). */
  public record EventGroup(String event, List<ReportDigest> reports) {
    public EventGroup {
      reports = List.copyOf(reports);
    }
  }

  /**
   * One report of the digest.
   *
   * @param reportId its id
   * @param title title
   * @param author author ("" when unknown)
   * @param date date as the report gives it ("" when unknown)
   * @param url the report's own URL or its viewer page
   * @param ingestedAt when it was indexed
   * @param sections its number of sections
   * @param summary 2–3 sentences on what the report is about, each ending with {@code [n]} markers
   *     into {@code citations}
   * @param takeaways up to 3 short points, each with its {@code [n]}
   * @param sessions names of sessions the report covers ("Title (Speaker)"), the first few
   * @param moreSessions how many more sessions it names
   * @param citations numbered 1..n in order of first use (summary, then takeaways)
   */
  public record ReportDigest(
      String reportId,
      String title,
      String author,
      String date,
      String url,
      Instant ingestedAt,
      int sections,
      String summary,
      List<String> takeaways,
      List<String> sessions,
      int moreSessions,
      List<Citation> citations) {
    public ReportDigest {
      takeaways = List.copyOf(takeaways);
      sessions = List.copyOf(sessions);
      citations = List.copyOf(citations);
    }
  }

  /**
   * The coverage line's numbers.
   *
   * @param reports reports in the digest
   * @param sections their sections, summed
   * @param failed files that could not be parsed in the window (file names)
   */
  public record Coverage(int reports, int sections, List<String> failed) {
    public Coverage {
      failed = List.copyOf(failed);
    }
  }
}
