package dev.debrief.digest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Citation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Renders digests and event briefs as text (plain, or Slack mrkdwn through a {@link Style}) and as
 * JSON. Report text is passed through {@link Style#escape} exactly once; links are only ones
 * Debrief built.
 */
public final class DigestText {
  private DigestText() {}

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

  /**
   * How to mark text up.
   *
   * @param escape applied once to every piece of text from reports or users
   * @param bold wraps an already escaped heading
   * @param link (url, raw label) to a link; the linker escapes the label itself
   */
  public record Style(UnaryOperator<String> escape, UnaryOperator<String> bold, Linker link) {
    /** Plain text: nothing escaped, headings as they are, links as "label <url>". */
    public static final Style PLAIN =
        new Style(s -> s, s -> s, (url, label) -> label + " <" + url + ">");
  }

  /** Makes a link from a URL and a raw (unescaped) label. */
  @FunctionalInterface
  public interface Linker {
    String link(String url, String label);
  }

  /** "nothing new since 2026-11-28 09:00 CET", the empty digest's line. */
  public static String nothingNew(Instant since, ZoneId zone) {
    return "Nothing new since " + WHEN.format(since.atZone(zone)) + ".";
  }

  /** "5 reports, 48 sections; 1 file could not be parsed: NAME". */
  public static String coverageLine(Digest.Coverage c) {
    String s =
        c.reports()
            + (c.reports() == 1 ? " report, " : " reports, ")
            + c.sections()
            + (c.sections() == 1 ? " section" : " sections");
    if (!c.failed().isEmpty()) {
      s +=
          "; "
              + c.failed().size()
              + (c.failed().size() == 1 ? " file" : " files")
              + " could not be parsed: "
              + String.join(", ", c.failed());
    }
    return s;
  }

  /** The digest as text; {@code zone} for dates shown. */
  public static String digest(Digest d, ZoneId zone, Style st) {
    StringBuilder out = new StringBuilder();
    String scope = d.event().isEmpty() ? "" : " — " + st.escape().apply(d.event());
    out.append(
            st.bold()
                .apply(
                    "Digest: "
                        + WHEN.format(d.from().atZone(zone))
                        + " to "
                        + WHEN.format(d.to().atZone(zone))
                        + scope))
        .append("\n\n");
    if (d.isEmpty()) {
      out.append(nothingNew(d.from(), zone));
      if (!d.coverage().failed().isEmpty()) {
        out.append("\n").append(st.escape().apply(coverageLine(d.coverage())));
      }
      return out.toString().strip();
    }
    for (Digest.EventGroup g : d.events()) {
      out.append(st.bold().apply(g.event().isEmpty() ? "(no event)" : st.escape().apply(g.event())))
          .append("\n");
      for (Digest.ReportDigest r : g.reports()) {
        out.append(reportBlock(r, st)).append("\n");
      }
    }
    out.append(st.escape().apply(coverageLine(d.coverage())));
    return out.toString().strip();
  }

  /** One report of a digest: title line, summary, takeaways, sources. */
  public static String reportBlock(Digest.ReportDigest r, Style st) {
    StringBuilder out = new StringBuilder();
    List<String> by = new ArrayList<>();
    if (!r.author().isEmpty()) {
      by.add("by " + r.author());
    }
    if (!r.date().isEmpty()) {
      by.add(r.date());
    }
    out.append("• ").append(st.link().link(r.url(), r.title()));
    if (!by.isEmpty()) {
      out.append(" — ").append(st.escape().apply(String.join(", ", by)));
    }
    out.append("\n  ").append(st.escape().apply(r.summary())).append("\n");
    if (!r.sessions().isEmpty()) {
      out.append("  ")
          .append(
              st.escape()
                  .apply(
                      "Sessions: "
                          + String.join("; ", r.sessions())
                          + (r.moreSessions() > 0 ? "; and " + r.moreSessions() + " more" : "")
                          + "."))
          .append("\n");
    }
    if (!r.takeaways().isEmpty()) {
      out.append("  Takeaways:\n");
      for (String t : r.takeaways()) {
        out.append("    – ").append(st.escape().apply(t)).append("\n");
      }
    }
    out.append(sources(r.citations(), st, "  "));
    return out.toString();
  }

  private static String sources(List<Citation> citations, Style st, String indent) {
    StringBuilder out = new StringBuilder();
    for (Citation c : citations) {
      String section = c.section();
      if (section.startsWith(c.title())) {
        section = section.substring(c.title().length()).replaceFirst("^\\s*›\\s*", "");
      }
      String label = c.title() + (section.isEmpty() ? "" : " — " + section);
      out.append(indent)
          .append('[')
          .append(c.n())
          .append("] ")
          .append(st.link().link(c.url(), label))
          .append("\n");
    }
    return out.toString();
  }

  /**
   * The event brief as text, in reading order: what the authors concluded ("Summary"), the sessions
   * with the authors' notes, the other sessions by name, key themes, follow-ups, sources and
   * coverage.
   */
  public static String summary(EventSummary s, Style st) {
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
          .append(sources(s.citations(), st, ""))
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
  private static String lead(EventSummary s, Style st) {
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

  private static String sessionLine(EventSummary.Session ses, Style st) {
    StringBuilder out = new StringBuilder("• ").append(st.link().link(ses.url(), ses.title()));
    if (!ses.speaker().isEmpty() && !ses.title().contains(ses.speaker())) {
      out.append(" — ").append(st.escape().apply(ses.speaker()));
    }
    return out.toString();
  }

  /** The digest as JSON. */
  public static String digestJson(Digest d) {
    JsonObject o = new JsonObject();
    o.addProperty("from", d.from().toString());
    o.addProperty("to", d.to().toString());
    o.addProperty("event", d.event());
    o.addProperty("empty", d.isEmpty());
    JsonArray events = new JsonArray();
    for (Digest.EventGroup g : d.events()) {
      JsonObject ge = new JsonObject();
      ge.addProperty("event", g.event());
      JsonArray reports = new JsonArray();
      for (Digest.ReportDigest r : g.reports()) {
        JsonObject ro = new JsonObject();
        ro.addProperty("reportId", r.reportId());
        ro.addProperty("title", r.title());
        ro.addProperty("author", r.author());
        ro.addProperty("date", r.date());
        ro.addProperty("url", r.url());
        ro.addProperty("ingestedAt", r.ingestedAt().toString());
        ro.addProperty("sections", r.sections());
        ro.addProperty("summary", r.summary());
        JsonArray tk = new JsonArray();
        r.takeaways().forEach(tk::add);
        ro.add("takeaways", tk);
        JsonArray ss = new JsonArray();
        r.sessions().forEach(ss::add);
        ro.add("sessions", ss);
        ro.addProperty("moreSessions", r.moreSessions());
        ro.add("citations", citations(r.citations()));
        reports.add(ro);
      }
      ge.add("reports", reports);
      events.add(ge);
    }
    o.add("events", events);
    JsonObject cov = new JsonObject();
    cov.addProperty("reports", d.coverage().reports());
    cov.addProperty("sections", d.coverage().sections());
    JsonArray failed = new JsonArray();
    d.coverage().failed().forEach(failed::add);
    cov.add("failed", failed);
    cov.addProperty("line", coverageLine(d.coverage()));
    o.add("coverage", cov);
    return GSON.toJson(o);
  }

  /**
   * The brief as JSON: {@code
   * {"event","summary","lead":[{"reportId","title","author","section","concluded",
   * "points":[{"text","note","composed"}]}],"sessions":[{"title","speaker","reportId","section","url","points"}],
   * "themes":[{"title","text","points","citations":[{"n","reportId","section","url","passageId"}]}],
   * "followUps","citations","coverage":{"reports","sections","sectionsTotal","passages","authors"},"provider",
   * "model","fallback"}}.
   */
  public static String summaryJson(EventSummary s) {
    JsonObject o = new JsonObject();
    o.addProperty("event", s.event());
    o.addProperty("summary", s.summary());
    JsonArray lead = new JsonArray();
    for (EventSummary.Lead l : s.lead()) {
      JsonObject lo = new JsonObject();
      lo.addProperty("reportId", l.reportId());
      lo.addProperty("title", l.title());
      lo.addProperty("author", l.author());
      lo.addProperty("section", l.section());
      lo.addProperty("concluded", l.concluded());
      lo.add("points", points(l.points()));
      lead.add(lo);
    }
    o.add("lead", lead);
    JsonArray sessions = new JsonArray();
    for (EventSummary.Session ses : s.sessions()) {
      JsonObject so = new JsonObject();
      so.addProperty("title", ses.title());
      so.addProperty("speaker", ses.speaker());
      so.addProperty("reportId", ses.reportId());
      so.addProperty("section", ses.section());
      so.addProperty("url", ses.url());
      so.add("points", points(ses.points()));
      sessions.add(so);
    }
    o.add("sessions", sessions);
    JsonArray themes = new JsonArray();
    for (EventSummary.Theme t : s.themes()) {
      JsonObject to = new JsonObject();
      to.addProperty("title", t.title());
      to.addProperty("text", t.text());
      to.add("points", points(t.points()));
      to.add("citations", citations(t.citations()));
      themes.add(to);
    }
    o.add("themes", themes);
    JsonArray follow = new JsonArray();
    s.followUps().forEach(follow::add);
    o.add("followUps", follow);
    o.add("citations", citations(s.citations()));
    JsonObject cov = new JsonObject();
    cov.addProperty("reports", s.coverage().reports());
    cov.addProperty("sections", s.coverage().sections());
    cov.addProperty("sectionsTotal", s.coverage().sectionsTotal());
    cov.addProperty("passages", s.coverage().passages());
    JsonArray authors = new JsonArray();
    s.coverage().authors().forEach(authors::add);
    cov.add("authors", authors);
    o.add("coverage", cov);
    o.addProperty("provider", s.provider());
    o.addProperty("model", s.model());
    o.addProperty("fallback", s.fallback());
    return GSON.toJson(o);
  }

  private static JsonArray points(List<Point> ps) {
    JsonArray a = new JsonArray();
    for (Point p : ps) {
      JsonObject po = new JsonObject();
      po.addProperty("text", p.text());
      po.addProperty("note", p.note());
      po.addProperty("composed", p.composed());
      a.add(po);
    }
    return a;
  }

  private static JsonArray citations(List<Citation> cs) {
    JsonArray a = new JsonArray();
    for (Citation c : cs) {
      JsonObject co = new JsonObject();
      co.addProperty("n", c.n());
      co.addProperty("reportId", c.reportId());
      co.addProperty("section", c.section());
      co.addProperty("url", c.url());
      co.addProperty("passageId", c.passageId());
      a.add(co);
    }
    return a;
  }
}
