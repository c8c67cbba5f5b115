package dev.debrief.digest;

import dev.debrief.model.AnswerProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an event brief ({@link EventSummary}) as text for {@link DigestText#summary}: plain, or
 * Slack mrkdwn through a {@link DigestText.Style}. Report text is passed through the style's escape
 * exactly once.
 */
final class BriefText {
  private BriefText() {}

  /**
   * The event brief as text, in reading order: what the authors concluded ("Summary"), the sessions
   * with the authors' notes, the other sessions by name, key themes, follow-ups, sources and
   * coverage.
   */
  static String summary(EventSummary s, DigestText.Style st) {
    StringBuilder out = new StringBuilder();
    out.append(st.bold().apply(st.escape().apply(s.event()) + " — event summary")).append("\n");
    EventSummary.Coverage c = s.coverage();
    out.append(
            st.escape()
                .apply(
                    c.reports()
                        + (c.reports() == 1 ? " report" : " reports")
                        + (c.authors().isEmpty() ? "" : " by " + String.join(", ", c.authors()))
                        + (AnswerProvider.EXTRACTIVE.is(s.provider())
                            ? ""
                            : "; written by " + s.provider() + " " + s.model())
                        + (s.fallback()
                            ? "; the LLM failed for part of it, extractive text used there"
                            : "")))
        .append("\n\n");
    out.append(st.bold().apply("Summary")).append("\n").append(lead(s, st)).append("\n\n");
    List<EventSummary.Session> detailed =
        s.sessions().stream().filter(x -> !x.points().isEmpty()).toList();
    List<EventSummary.Session> listed =
        s.sessions().stream().filter(x -> x.points().isEmpty()).toList();
    if (!s.sessions().isEmpty()) {
      out.append(st.bold().apply("Notable sessions")).append("\n");
      for (EventSummary.Session ses : detailed) {
        out.append(sessionLine(ses, st)).append("\n");
        for (Point p : ses.points()) {
          out.append("    – ").append(st.escape().apply(p.text())).append("\n");
        }
      }
      if (!listed.isEmpty()) {
        List<String> names = new ArrayList<>();
        for (EventSummary.Session ses : listed) {
          names.add(
              ses.title()
                  + (ses.speaker().isEmpty() || ses.title().contains(ses.speaker())
                      ? ""
                      : " (" + ses.speaker() + ")"));
        }
        out.append(
                st.escape()
                    .apply((detailed.isEmpty() ? "" : "Also: ") + String.join("; ", names) + "."))
            .append("\n");
      }
      out.append("\n");
    }
    if (!s.themes().isEmpty()) {
      out.append(st.bold().apply("Key themes")).append("\n");
      int i = 1;
      for (EventSummary.Theme t : s.themes()) {
        String text = t.text();
        boolean startsWithNote = !t.points().isEmpty() && t.points().get(0).note();
        out.append(i++)
            .append(". ")
            .append(st.bold().apply(st.escape().apply(t.title())))
            .append(startsWithNote ? "\n" : " — ")
            .append(st.escape().apply(text))
            .append("\n");
      }
      out.append("\n");
    }
    if (!s.followUps().isEmpty()) {
      out.append(st.bold().apply("Suggested follow-ups")).append("\n");
      for (String f : s.followUps()) {
        out.append("• ").append(st.escape().apply(f)).append("\n");
      }
      out.append("\n");
    }
    if (!s.citations().isEmpty()) {
      out.append(st.bold().apply("Sources"))
          .append("\n")
          .append(DigestText.sources(s.citations(), st, ""))
          .append("\n");
    }
    out.append(
        st.escape()
            .apply(
                "Coverage: "
                    + c.reports()
                    + (c.reports() == 1 ? " report, " : " reports, ")
                    + c.authors().size()
                    + (c.authors().size() == 1 ? " author, " : " authors, ")
                    + c.sections()
                    + " of "
                    + c.sectionsTotal()
                    + " sections used, "
                    + c.passages()
                    + " passages clustered."));
    return out.toString().strip();
  }

  /** The lead: one report's points as a paragraph; several reports' as one bullet each, named. */
  private static String lead(EventSummary s, DigestText.Style st) {
    if (s.lead().isEmpty()) {
      return st.escape()
          .apply(
              "No statement of these reports reads on its own; the sessions below list what they"
                  + " cover.");
    }
    if (s.lead().size() == 1) {
      return st.escape().apply(Point.render(s.lead().get(0).points(), "  "));
    }
    StringBuilder out = new StringBuilder();
    for (EventSummary.Lead l : s.lead()) {
      String who = l.title() + (l.author().isEmpty() ? "" : " (" + l.author() + ")");
      out.append(out.length() == 0 ? "" : "\n")
          .append("• ")
          .append(st.escape().apply(who + ": " + Point.render(l.points(), "    ")));
    }
    return out.toString();
  }

  private static String sessionLine(EventSummary.Session ses, DigestText.Style st) {
    StringBuilder out = new StringBuilder("• ").append(st.link().link(ses.url(), ses.title()));
    if (!ses.speaker().isEmpty() && !ses.title().contains(ses.speaker())) {
      out.append(" — ").append(st.escape().apply(ses.speaker()));
    }
    return out.toString();
  }
}
