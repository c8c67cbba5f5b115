package dev.debrief.digest;

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
 * JSON ({@link DigestJson}). Report text is passed through {@link Style#escape} exactly once; links
 * are only ones Debrief built.
 */
public final class DigestText {
  private DigestText() {}

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

  /**
   * The numbered source lines "[n] title — section" (section without the title it repeats), each a
   * link, each line starting with {@code indent}.
   */
  static String sources(List<Citation> citations, Style st, String indent) {
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
   * coverage ({@link BriefText}).
   */
  public static String summary(EventSummary s, Style st) {
    return BriefText.summary(s, st);
  }

  /** The digest as JSON ({@link DigestJson#digest}). */
  public static String digestJson(Digest d) {
    return DigestJson.digest(d);
  }

  /** The brief as JSON ({@link DigestJson#summary}, which gives its shape). */
  public static String summaryJson(EventSummary s) {
    return DigestJson.summary(s);
  }
}
