package dev.debrief.digest;

import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Citation;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.text.PersonNames;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the brief of one event from its prepared parts, in reading order, numbering citations by
 * first use and never showing a statement twice ({@link Seen}):
 *
 * <ol>
 *   <li>Lead: per report, the statements of its own conclusion sections ({@link Conclusions})
 *       closest to the report's centroid ({@link SentencePicker}); for a report without one, its
 *       most central statements.
 *   <li>Sessions: the longest sessions (taking each report's in turn) with up to three of the
 *       author's notes ({@link SessionNotes}); the other sessions listed by name.
 *   <li>Themes: per cluster ({@link ThemeClusterer}) its name ({@link ThemeNamer}) and one or two
 *       central statements (up to three notes), and the other reports that support it.
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
  private final SentencePicker picker;
  private final SessionNotes notes;
  private final Weights weights;

  BriefWriter(Sources sources, SentencePicker picker, SessionNotes notes, Weights weights) {
    this.sources = sources;
    this.picker = picker;
    this.notes = notes;
    this.weights = weights;
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
      EventSummary.Lead l = lead(r, e, numbering, seen);
      if (!l.points().isEmpty()) {
        lead.add(l);
      }
    }
    List<EventSummary.Session> sessions = sessions(e, numbering, seen);
    List<Integer> themeClusters = new ArrayList<>();
    List<EventSummary.Theme> themes = themes(e, numbering, seen, themeClusters);
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

  /** What one report's author concluded, or what the report is about. */
  EventSummary.Lead lead(Report r, Event e, Sources.Numbering numbering, Seen seen) {
    List<Sources.Item> items = e.items().getOrDefault(r.id(), List.of());
    if (items.isEmpty()) {
      return new EventSummary.Lead(r.id(), r.meta().title(), r.meta().author(), "", List.of());
    }
    float[] centroid =
        Mmr.centroid(
            items.stream().map(Sources.Item::vector).toList(), items.get(0).vector().length);
    Set<Integer> conclusion = Conclusions.sections(r);
    int wanted = e.reports().size() == 1 ? weights.leadSingle() : weights.leadEach();
    List<Candidates.Candidate> pool = new ArrayList<>();
    for (Sources.Item it : items) {
      if (conclusion.contains(it.passage().sectionOrdinal())) {
        pool.addAll(fresh(e.candidates().get(it.passage().id()), seen));
      }
    }
    List<SentencePicker.Pick> picks = picker.pick(pool, centroid, c -> 0, wanted);
    String section = "";
    if (!picks.isEmpty()) {
      section =
          r.sections().get(picks.get(0).candidate().item().passage().sectionOrdinal()).heading();
    } else {
      List<Candidates.Candidate> central = new ArrayList<>();
      for (Sources.Item it : byCentrality(items, centroid, 2 * weights.centralPassages())) {
        for (Candidates.Candidate c : fresh(e.candidates().get(it.passage().id()), seen)) {
          if (!c.note()) {
            central.add(c);
          }
        }
      }
      picks = picker.pick(central, centroid, c -> 0, weights.leadCentral());
    }
    List<Candidates.Candidate> chosen = new ArrayList<>();
    int words = 0;
    for (SentencePicker.Pick p : picks) {
      int w = p.candidate().note() ? 0 : p.candidate().words();
      if (!chosen.isEmpty() && words + w > weights.leadMaxWords()) {
        continue;
      }
      chosen.add(p.candidate());
      words += w;
    }
    chosen.sort(Comparator.comparingInt(Candidates.Candidate::start));
    List<Point> points = new ArrayList<>(points(chosen, numbering, seen, false));
    Point announced = announcements(r, items, e, numbering, seen);
    if (announced != null) {
      points.add(announced);
    }
    int sessions = e.sessions().getOrDefault(r.id(), List.of()).size();
    if (points.isEmpty() && sessions > 0) {
      points.add(
          new Point(
              "The report is the author's notes on "
                  + sessions
                  + (sessions == 1 ? " session" : " sessions")
                  + ", listed below.",
              false,
              true));
    }
    return new EventSummary.Lead(r.id(), r.meta().title(), r.meta().author(), section, points);
  }

  /**
   * "Announcements the report returns to most: A [1], B [4] and C [7].", or null with fewer than
   * two.
   */
  private Point announcements(
      Report r, List<Sources.Item> items, Event e, Sources.Numbering numbering, Seen seen) {
    List<Candidates.Candidate> all = new ArrayList<>();
    items.forEach(it -> all.addAll(e.candidates().getOrDefault(it.passage().id(), List.of())));
    List<Announcements.Announcement> ann = Announcements.of(r.text(), all);
    if (ann.size() < 2 || weights.announcements() == 0) {
      return null;
    }
    List<String> named = new ArrayList<>();
    for (Announcements.Announcement a :
        ann.subList(0, Math.min(weights.announcements(), ann.size()))) {
      named.add(a.name() + " [" + numbering.number(a.source().item(), a.source().text()) + "]");
      seen.add(a.source().text());
    }
    return new Point(Announcements.sentence(named, ann.size() - named.size()), false, true);
  }

  private List<EventSummary.Session> sessions(Event e, Sources.Numbering numbering, Seen seen) {
    List<SessionExtractor.Found> all = new ArrayList<>();
    List<List<SessionExtractor.Found>> perReport = new ArrayList<>();
    for (Report r : e.reports()) {
      List<SessionExtractor.Found> s = e.sessions().getOrDefault(r.id(), List.of());
      all.addAll(s);
      List<SessionExtractor.Found> longest = new ArrayList<>(s);
      longest.sort(
          Comparator.comparingInt((SessionExtractor.Found f) -> -f.length())
              .thenComparingInt(SessionExtractor.Found::start));
      perReport.add(longest);
    }
    Set<SessionExtractor.Found> detailed = new LinkedHashSet<>();
    for (int round = 0;
        detailed.size() < weights.detailedSessions() && detailed.size() < all.size();
        round++) {
      for (List<SessionExtractor.Found> l : perReport) {
        if (round < l.size() && detailed.size() < weights.detailedSessions()) {
          detailed.add(l.get(round));
        }
      }
    }
    List<List<String>> bodies = new ArrayList<>();
    Map<SessionExtractor.Found, List<Candidates.Candidate>> inSession = new HashMap<>();
    for (SessionExtractor.Found f : all) {
      List<Candidates.Candidate> cs = new ArrayList<>();
      for (Sources.Item it : e.items().getOrDefault(f.report().id(), List.of())) {
        Passage p = it.passage();
        if (p.end() <= f.start() || p.start() >= f.end()) {
          continue;
        }
        for (Candidates.Candidate c : e.candidates().get(p.id())) {
          if (f.contains(c.start()) && c.words() <= weights.maxWords()) {
            cs.add(c);
          }
        }
      }
      inSession.put(f, cs);
      List<String> words = new ArrayList<>();
      cs.forEach(c -> words.addAll(Text.topicWords(c.text())));
      bodies.add(words);
    }
    Map<String, Double> idf = SessionNotes.idf(bodies);
    // one session reported by two reports ("Opening keynote — Ann Lee", "Keynote: Ann Lee") is
    // listed once
    Map<SessionExtractor.Found, SessionExtractor.Found> sameAs = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (!sameAs.containsKey(all.get(j)) && sameSession(all.get(j), all.get(i))) {
          sameAs.put(all.get(i), all.get(j));
          break;
        }
      }
    }
    Map<SessionExtractor.Found, List<Point>> pointsOf = new LinkedHashMap<>();
    for (SessionExtractor.Found f : all) {
      SessionExtractor.Found into = sameAs.getOrDefault(f, f);
      boolean detail = detailed.contains(f) || detailed.contains(into);
      List<Point> ps = pointsOf.computeIfAbsent(into, k -> new ArrayList<>());
      if (detail) {
        List<Candidates.Candidate> picked =
            notes.pick(inSession.get(f), e.people().get(f.report().id()), seen, idf);
        ps.addAll(points(picked, numbering, seen, true));
      }
    }
    List<EventSummary.Session> out = new ArrayList<>();
    List<EventSummary.Session> listed = new ArrayList<>();
    for (Map.Entry<SessionExtractor.Found, List<Point>> en : pointsOf.entrySet()) {
      if (!en.getValue().isEmpty()) {
        out.add(session(en.getKey(), e, en.getValue()));
      } else if (listed.size() < weights.listedSessions()) {
        listed.add(session(en.getKey(), e, List.of()));
      }
    }
    out.addAll(listed);
    return out;
  }

  /**
   * Two reports' entries for one session: of different reports, the same speaker, and titles one of
   * whose words are all in the other (or both only a session word, "Keynote" and "Opening
   * keynote").
   */
  static boolean sameSession(SessionExtractor.Found a, SessionExtractor.Found b) {
    if (a.report().id().equals(b.report().id())
        || a.speaker().isEmpty()
        || !Seen.normal(a.speaker()).equals(Seen.normal(b.speaker()))) {
      return false;
    }
    Set<String> x = new java.util.HashSet<>(List.of(Seen.normal(a.title()).split(" ")));
    Set<String> y = new java.util.HashSet<>(List.of(Seen.normal(b.title()).split(" ")));
    return x.containsAll(y) || y.containsAll(x);
  }

  private EventSummary.Session session(SessionExtractor.Found f, Event e, List<Point> points) {
    Report r = f.report();
    Sources.Item at = null;
    for (Sources.Item it : e.items().getOrDefault(r.id(), List.of())) {
      if (it.passage().end() > f.start()) {
        at = it;
        break;
      }
    }
    String url =
        at == null ? sources.reportUrl(r) : sources.citation(1, at, f.label().strip()).url();
    String section = r.sections().get(f.section()).pathLabel();
    return new EventSummary.Session(f.title(), f.speaker(), r.id(), section, url, points);
  }

  private List<EventSummary.Theme> themes(
      Event e, Sources.Numbering numbering, Seen seen, List<Integer> clusterOf) {
    List<EventSummary.Theme> out = new ArrayList<>();
    for (int i = 0; i < e.clusters().size(); i++) {
      ThemeClusterer.Cluster c = e.clusters().get(i);
      List<Sources.Item> central = c.central();
      List<Candidates.Candidate> pool = new ArrayList<>();
      for (Sources.Item it :
          central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
        for (Candidates.Candidate cand : fresh(e.candidates().get(it.passage().id()), seen)) {
          if (cand.words() <= weights.maxWords()) {
            pool.add(cand);
          }
        }
      }
      List<SentencePicker.Pick> picks =
          picker.pick(pool, c.centroid(), x -> 0, weights.themeNotes() + 1);
      List<Candidates.Candidate> chosen = new ArrayList<>();
      Candidates.Candidate first = picks.isEmpty() ? null : picks.get(0).candidate();
      if (first != null) {
        chosen.add(first);
      }
      if (first == null) {
        // every statement of the theme is shown above: the theme is named and its passages cited,
        // nothing repeated
      } else if (first.note()) {
        for (SentencePicker.Pick p : picks.subList(1, picks.size())) {
          if (p.candidate().note() && chosen.size() < weights.themeNotes()) {
            chosen.add(p.candidate());
          }
        }
      } else if (picks.size() > 1
          && !picks.get(1).candidate().note()
          && first.words() + picks.get(1).candidate().words() <= weights.themePairWords()) {
        chosen.add(picks.get(1).candidate());
      }
      if (first == null
          && (!out.isEmpty() || i + 1 < e.clusters().size() && anyFresh(e, seen, i + 1))) {
        continue; // a theme with nothing new to say is left out, unless no theme has anything new
      }
      List<Point> points = points(chosen, numbering, seen, first != null && first.note());
      Set<Integer> used = new LinkedHashSet<>();
      Set<String> citedReports = new LinkedHashSet<>();
      for (Candidates.Candidate ch : chosen) {
        used.add(numbering.number(ch.item(), ch.text()));
        citedReports.add(ch.item().report().id());
      }
      List<Integer> also = new ArrayList<>();
      for (Report r : e.reports()) {
        if (citedReports.contains(r.id())) {
          continue;
        }
        c.members().stream()
            .filter(it -> it.report().id().equals(r.id()))
            .max(Comparator.comparingDouble(it -> Vectors.dot(it.vector(), c.centroid())))
            .ifPresent(
                it -> {
                  int n = numbering.number(it, null);
                  used.add(n);
                  also.add(n);
                });
      }
      List<Citation> cited = used.stream().map(numbering::get).toList();
      List<String> reportIds = c.members().stream().map(it -> it.report().id()).distinct().toList();
      out.add(
          new EventSummary.Theme(
              e.names().get(i), points, also, cited, c.members().size(), reportIds));
      clusterOf.add(i);
    }
    return out;
  }

  /** True when a cluster from {@code from} on still has a statement the brief has not shown. */
  private boolean anyFresh(Event e, Seen seen, int from) {
    for (ThemeClusterer.Cluster c : e.clusters().subList(from, e.clusters().size())) {
      List<Sources.Item> central = c.central();
      for (Sources.Item it :
          central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
        if (fresh(e.candidates().get(it.passage().id()), seen).stream()
            .anyMatch(Candidates.Candidate::ok)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Cited points of {@code chosen}, each recorded as seen; {@code asNotes} shows every one as a
   * note.
   */
  private static List<Point> points(
      List<Candidates.Candidate> chosen, Sources.Numbering numbering, Seen seen, boolean asNotes) {
    List<Point> out = new ArrayList<>();
    for (Candidates.Candidate c : chosen) {
      seen.add(c.text());
      String cited = Text.cite(c.text(), "[" + numbering.number(c.item(), c.text()) + "]");
      out.add(new Point(cited, asNotes || c.note()));
    }
    return out;
  }

  private static List<Candidates.Candidate> fresh(List<Candidates.Candidate> cs, Seen seen) {
    return cs == null ? List.of() : cs.stream().filter(c -> !seen.repeats(c.text())).toList();
  }

  private static List<Sources.Item> byCentrality(
      List<Sources.Item> items, float[] centroid, int n) {
    List<Sources.Item> top = new ArrayList<>(items);
    top.sort(Comparator.comparingDouble((Sources.Item it) -> -Vectors.dot(it.vector(), centroid)));
    return top.subList(0, Math.min(n, top.size()));
  }
}
