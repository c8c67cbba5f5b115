package dev.debrief.digest;

import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Citation;
import dev.debrief.model.Report;
import dev.debrief.text.PersonNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the brief of one event from its prepared parts, in reading order, numbering citations by
 * first use and never showing a statement twice ({@link Seen}):
 *
 * <ol>
 *   <li>Lead ({@link BriefLead}): per report, the statements of its own conclusion sections ({@link
 *       Conclusions}) closest to the report's centroid ({@link SentencePicker}); for a report
 *       without one, its most central statements.
 *   <li>Sessions ({@link BriefSessions}): the longest sessions (taking each report's in turn) with
 *       up to three of the author's notes ({@link SessionNotes}); the other sessions listed by
 *       name.
 *   <li>Themes ({@link BriefThemes}): per cluster ({@link ThemeClusterer}) its name ({@link
 *       ThemeNamer}) and one or two central statements (up to three notes), and the other reports
 *       that support it.
 *   <li>Follow-ups ({@link FollowUps}) and coverage.
 * </ol>
 */
final class BriefWriter {
  /** The provider recorded on briefs written here. */
  private static final String EXTRACTIVE = AnswerProvider.EXTRACTIVE.id();

  /**
   * Weights.
   *
   * @param leadSingle lead statements of the only report of an event (the issue's 3–5 sentences at
   *     the low end, because the sessions follow; a choice, not a measurement)
   * @param leadEach lead statements per report when an event has several (a choice)
   * @param leadCentral statements for a report without a conclusion section (a choice)
   * @param leadMaxWords words of one report's prose lead at most; the previous brief's 130 (about
   *     five lines)
   * @param detailedSessions sessions shown with notes; eight fill about one Slack screen (a choice)
   * @param listedSessions sessions listed by name after them (a choice; RailsConf's and
   *     Monitorama's lists fit)
   * @param themePairWords two theme sentences together at most this long, else one; the previous
   *     brief's 60
   * @param themeNotes notes per theme when its statements are notes (as {@link SessionNotes})
   * @param centralPassages passages nearest a theme's centroid whose statements are candidates; six
   *     is the previous brief's value (chosen with MiniLM, not re-measured with e5) and bounds the
   *     sentences embedded per theme; twice as many for the lead of a report without a conclusion
   *     section, whose key statement can sit anywhere (the DockerCon report's announcement sat
   *     outside its six most central passages)
   * @param maxWords longest statement in sessions and themes (the previous brief's 45; the lead
   *     takes up to {@link EventSummarizer#MAX_CANDIDATE_WORDS})
   * @param announcements announcements named in the lead, headline first ({@link Announcements}).
   *     Six: the shared report with most announcements (re:Invent, 20) returns most to six that
   *     include the four launches issue 9 names; four would have left out the one it names least (a
   *     fit to that report, said so)
   */
  record Weights(
      int leadSingle,
      int leadEach,
      int leadCentral,
      int leadMaxWords,
      int detailedSessions,
      int listedSessions,
      int themePairWords,
      int themeNotes,
      int centralPassages,
      int maxWords,
      int announcements) {
    static final Weights DEFAULT = new Weights(3, 2, 2, 130, 8, 30, 60, 3, 6, 45, 6);

    Weights {
      if (leadSingle < 1
          || leadEach < 1
          || leadCentral < 0
          || leadMaxWords < 10
          || detailedSessions < 0
          || listedSessions < 0
          || themePairWords < 10
          || themeNotes < 1
          || centralPassages < 1
          || maxWords < 10) {
        throw new IllegalArgumentException(
            "bad brief weights: "
                + leadSingle
                + ", "
                + leadEach
                + ", "
                + leadCentral
                + ", "
                + leadMaxWords
                + ", "
                + detailedSessions
                + ", "
                + listedSessions
                + ", "
                + themePairWords
                + ", "
                + themeNotes
                + ", "
                + centralPassages
                + ", "
                + maxWords);
      }
    }
  }

  /**
   * What the writer works from.
   *
   * @param event the event's name
   * @param reports its reports, oldest first
   * @param items passages with vectors, per report id, in document order
   * @param people per report id, the people it names
   * @param candidates statements per passage id
   * @param sessions per report id, its sessions in document order
   * @param clusters the themes' clusters, biggest first
   * @param names the themes' names, parallel to {@code clusters}
   */
  record Event(
      String event,
      List<Report> reports,
      Map<String, List<Sources.Item>> items,
      Map<String, PersonNames> people,
      Map<String, List<Candidates.Candidate>> candidates,
      Map<String, List<SessionExtractor.Found>> sessions,
      List<ThemeClusterer.Cluster> clusters,
      List<String> names) {}

  private final Sources sources;
  private final BriefLead leadWriter;
  private final BriefSessions sessionWriter;
  private final BriefThemes themeWriter;

  BriefWriter(Sources sources, SentencePicker picker, SessionNotes notes, Weights weights) {
    this.sources = sources;
    this.leadWriter = new BriefLead(picker, weights);
    this.sessionWriter = new BriefSessions(sources, notes, weights);
    this.themeWriter = new BriefThemes(picker, weights);
  }

  /** A brief and, per theme, the index of its cluster in {@link Event#clusters()}. */
  record Written(EventSummary brief, List<Integer> themeClusters) {}

  Written write(Event e, int sectionsTotal, List<String> authors) {
    Sources.Numbering numbering = sources.numbering();
    Seen seen = new Seen();
    // titles, headings and talk lines are names, never statements
    e.sessions().values().forEach(l -> l.forEach(f -> seen.add(f.label())));
    for (Report r : e.reports()) {
      seen.add(r.meta().title());
      r.sections().forEach(x -> seen.add(x.heading()));
    }
    List<EventSummary.Lead> lead = new ArrayList<>();
    for (Report r : e.reports()) {
      EventSummary.Lead l = leadWriter.lead(r, e, numbering, seen);
      if (!l.points().isEmpty()) {
        lead.add(l);
      }
    }
    List<EventSummary.Session> sessions = sessionWriter.sessions(e, numbering, seen);
    List<Integer> themeClusters = new ArrayList<>();
    Set<String> sessionTitles = new HashSet<>();
    sessions.forEach(x -> sessionTitles.add(Seen.normal(x.title())));
    // a theme named after a shown session's speaker ("Henrik Joreteg") is that session again
    sessions.stream()
        .filter(x -> !x.speaker().isBlank())
        .forEach(x -> sessionTitles.add(Seen.normal(x.speaker())));
    List<EventSummary.Theme> themes =
        themeWriter.themes(e, numbering, seen, themeClusters, sessionTitles);
    List<Sources.Item> all = e.items().values().stream().flatMap(List::stream).toList();
    float[] centroid =
        Mmr.centroid(all.stream().map(Sources.Item::vector).toList(), all.get(0).vector().length);
    List<String> followUps =
        FollowUps.of(
            all,
            e.people(),
            centroid,
            themes.stream().map(EventSummary.Theme::title).toList(),
            numbering,
            seen,
            e.event());
    List<Citation> citations = numbering.citations();
    int sectionsUsed =
        (int) citations.stream().map(c -> c.reportId() + "#" + c.section()).distinct().count();
    return new Written(
        new EventSummary(
            e.event(),
            lead,
            sessions,
            themes,
            followUps,
            new EventSummary.Coverage(
                e.reports().size(), authors, sectionsUsed, sectionsTotal, all.size()),
            citations,
            EXTRACTIVE,
            "",
            false),
        themeClusters);
  }

  /**
   * Cited points of {@code chosen}, each recorded as seen; {@code asNotes} shows every one as a
   * note.
   */
  static List<Point> points(
      List<Candidates.Candidate> chosen, Sources.Numbering numbering, Seen seen, boolean asNotes) {
    List<Point> out = new ArrayList<>();
    for (Candidates.Candidate c : chosen) {
      seen.add(c.text());
      String cited = Text.cite(c.text(), "[" + numbering.number(c.item(), c.text()) + "]");
      out.add(new Point(cited, asNotes || c.note()));
    }
    return out;
  }

  /** The statements of {@code cs} (null: none) the brief has not shown yet. */
  static List<Candidates.Candidate> fresh(List<Candidates.Candidate> cs, Seen seen) {
    return cs == null ? List.of() : cs.stream().filter(c -> !seen.repeats(c.text())).toList();
  }
}
