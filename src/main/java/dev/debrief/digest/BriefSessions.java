package dev.debrief.digest;

import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sessions of a brief ({@link BriefWriter}): the longest sessions, taking each report's in
 * turn, with up to three of the author's notes ({@link SessionNotes}); the other sessions listed by
 * name; one session reported by two reports listed once.
 */
final class BriefSessions {
  private final Sources sources;
  private final SessionNotes notes;
  private final BriefWriter.Weights weights;

  BriefSessions(Sources sources, SessionNotes notes, BriefWriter.Weights weights) {
    this.sources = sources;
    this.notes = notes;
    this.weights = weights;
  }

  List<EventSummary.Session> sessions(BriefWriter.Event e, Sources.Numbering numbering, Seen seen) {
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
        ps.addAll(BriefWriter.points(picked, numbering, seen, true));
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

  private EventSummary.Session session(
      SessionExtractor.Found f, BriefWriter.Event e, List<Point> points) {
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
}
