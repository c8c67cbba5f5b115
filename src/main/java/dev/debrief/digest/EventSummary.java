package dev.debrief.digest;

import dev.debrief.model.Citation;
import java.util.List;

/**
 * A brief over every report of one event: the result of {@link EventSummarizer#summarize}.
 *
 * @param event     the event's name as the reports give it
 * @param summary   the executive summary, 3–5 sentences with {@code [n]} markers into {@code citations}
 * @param themes    key themes, most supported first
 * @param sessions  notable sessions (from section headings), with speakers when the heading names one
 * @param followUps suggested follow-ups (cited when quoted from a report)
 * @param coverage  what the brief is based on
 * @param citations every source, numbered 1..n in order of first use across summary, themes and follow-ups
 * @param provider  "extractive", or the LLM provider that wrote summary and theme texts
 * @param model     the LLM model ("" for extractive)
 * @param fallback  true when a configured LLM failed and the extractive text was used
 */
public record EventSummary(String event, String summary, List<Theme> themes, List<Session> sessions,
                           List<String> followUps, Coverage coverage, List<Citation> citations, String provider,
                           String model, boolean fallback) {
  public EventSummary {
    themes = List.copyOf(themes);
    sessions = List.copyOf(sessions);
    followUps = List.copyOf(followUps);
    citations = List.copyOf(citations);
  }

  /**
   * One theme: a cluster of passages about one subject.
   *
   * @param title     named from the cluster's top terms (TF-IDF over the event's clusters)
   * @param text      1–2 sentences with {@code [n]}, plus the other reports that support it
   * @param citations the sources it cites (numbers as in {@link EventSummary#citations()})
   * @param passages  how many passages the cluster holds
   * @param reports   ids of every report with a passage in the cluster
   */
  public record Theme(String title, String text, List<Citation> citations, int passages, List<String> reports) {
    public Theme {
      citations = List.copyOf(citations);
      reports = List.copyOf(reports);
    }
  }

  /**
   * A notable session: a section heading of a report.
   *
   * @param title    the session's title (the heading without the speaker part)
   * @param speaker  the speaker when the heading names one, else ""
   * @param reportId the report
   * @param section  the heading path joined with " › "
   * @param url      link to the section
   */
  public record Session(String title, String speaker, String reportId, String section, String url) {}

  /**
   * @param reports      reports of the event
   * @param authors      their distinct authors
   * @param sections     sections cited by the brief
   * @param sectionsTotal sections of all the event's reports
   * @param passages     passages clustered
   */
  public record Coverage(int reports, List<String> authors, int sections, int sectionsTotal, int passages) {
    public Coverage {
      authors = List.copyOf(authors);
    }
  }
}
