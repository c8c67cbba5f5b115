package dev.debrief.digest;

import dev.debrief.model.Citation;
import java.util.ArrayList;
import java.util.List;

/**
 * A brief over every report of one event: the result of {@link EventSummarizer#summarize}. In
 * reading order: what the authors concluded ({@link #lead}), the sessions as the reports name them,
 * themes, follow-ups.
 *
 * @param event the event's name as the reports give it
 * @param lead per report, what its author concluded (from the report's own summary, conclusion or
 *     takeaway section) or, for a report without one, what it is about; with an LLM, one entry for
 *     the whole event
 * @param sessions sessions named by the reports (headings, talk lines of notes, talks named in
 *     prose), those with points first in document order, then the others
 * @param themes key themes, most supported first
 * @param followUps suggested follow-ups (cited when quoted from a report)
 * @param coverage what the brief is based on
 * @param citations every source, numbered 1..n in order of first use across lead, sessions, themes,
 *     follow-ups
 * @param provider "extractive", or the LLM provider that wrote the lead and theme texts
 * @param model the LLM model ("" for extractive)
 * @param fallback true when a configured LLM failed and the extractive text was used
 */
public record EventSummary(
    String event,
    List<Lead> lead,
    List<Session> sessions,
    List<Theme> themes,
    List<String> followUps,
    Coverage coverage,
    List<Citation> citations,
    String provider,
    String model,
    boolean fallback) {
  public EventSummary {
    lead = List.copyOf(lead);
    sessions = List.copyOf(sessions);
    themes = List.copyOf(themes);
    followUps = List.copyOf(followUps);
    citations = List.copyOf(citations);
  }

  /** The lead as one text (per report, its points; notes on their own lines). */
  public String summary() {
    List<String> parts = new ArrayList<>();
    for (Lead l : lead) {
      parts.add(Point.render(l.points(), ""));
    }
    return String.join("\n", parts);
  }

  /**
   * What one report's author concluded, or what the report is about.
   *
   * @param reportId the report ("" for an LLM lead over the whole event)
   * @param title its title ("" for an LLM lead)
   * @param author its author ("" when unknown)
   * @param section the heading of the author's conclusion section the points come from, or "" when
   *     the report has none and the points are its most central statements
   * @param points cited sentences or notes, in document order
   */
  public record Lead(
      String reportId, String title, String author, String section, List<Point> points) {
    public Lead {
      points = List.copyOf(points);
    }

    /** True when the points are the author's own conclusions. */
    public boolean concluded() {
      return !section.isEmpty();
    }
  }

  /**
   * A session a report names.
   *
   * @param title its title as the report writes it (without the speaker when the heading separates
   *     them)
   * @param speaker the speakers when named, else ""
   * @param reportId the report
   * @param section the heading path of the section it is in, joined with " › "
   * @param url link to it
   * @param points up to three cited notes or sentences from its part of the report (empty for
   *     sessions only listed)
   */
  public record Session(
      String title,
      String speaker,
      String reportId,
      String section,
      String url,
      List<Point> points) {
    public Session {
      points = List.copyOf(points);
    }
  }

  /**
   * One theme: a cluster of passages about one subject.
   *
   * @param title named after the session, products or people its passages are about
   * @param points 1–3 cited sentences or notes; none when every statement of the theme is already
   *     shown above (the theme is then named and cited, nothing repeated)
   * @param also citation numbers of other reports' passages that support it (of every report, when
   *     it has no points)
   * @param citations the sources it cites (numbers as in {@link EventSummary#citations()})
   * @param passages how many passages the cluster holds
   * @param reports ids of every report with a passage in the cluster
   */
  public record Theme(
      String title,
      List<Point> points,
      List<Integer> also,
      List<Citation> citations,
      int passages,
      List<String> reports) {
    public Theme {
      points = List.copyOf(points);
      also = List.copyOf(also);
      citations = List.copyOf(citations);
      reports = List.copyOf(reports);
    }

    /** The points as text, then "Also covered in [n], [m]." when other reports support it. */
    public String text() {
      String refs = String.join(", ", also.stream().map(n -> "[" + n + "]").toList());
      if (points.isEmpty()) {
        return "Covered in " + refs + ".";
      }
      String t = Point.render(points, "   ");
      if (!also.isEmpty()) {
        t +=
            (points.get(points.size() - 1).note() ? "\n   " : " ")
                + "Also covered in "
                + refs
                + ".";
      }
      return t;
    }
  }

  /**
   * @param reports reports of the event
   * @param authors their distinct authors
   * @param sections sections cited by the brief
   * @param sectionsTotal sections of all the event's reports
   * @param passages passages clustered
   */
  public record Coverage(
      int reports, List<String> authors, int sections, int sectionsTotal, int passages) {
    public Coverage {
      authors = List.copyOf(authors);
    }
  }
}
