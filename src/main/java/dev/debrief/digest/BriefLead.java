package dev.debrief.digest;

import dev.debrief.model.Report;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The lead of a brief ({@link BriefWriter}): per report, the statements of its own conclusion
 * sections ({@link Conclusions}) closest to the report's centroid ({@link SentencePicker}); for a
 * report without one, its most central statements; then the announcements it returns to most
 * ({@link Announcements}).
 */
final class BriefLead {
  private final SentencePicker picker;
  private final BriefWriter.Weights weights;

  BriefLead(SentencePicker picker, BriefWriter.Weights weights) {
    this.picker = picker;
    this.weights = weights;
  }

  /** What one report's author concluded, or what the report is about. */
  EventSummary.Lead lead(Report r, BriefWriter.Event e, Sources.Numbering numbering, Seen seen) {
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
        pool.addAll(BriefWriter.fresh(e.candidates().get(it.passage().id()), seen));
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
        for (Candidates.Candidate c :
            BriefWriter.fresh(e.candidates().get(it.passage().id()), seen)) {
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
    List<Point> points = new ArrayList<>(BriefWriter.points(chosen, numbering, seen, false));
    Point announced = announcements(r, items, e, numbering, seen);
    if (announced != null) {
      points.add(announced);
    }
    List<SessionExtractor.Found> found = e.sessions().getOrDefault(r.id(), List.of());
    int sessions = found.size();
    if (points.isEmpty() && sessions > 0) {
      points.add(new Point(notesOn(found), false, true));
    }
    return new EventSummary.Lead(r.id(), r.meta().title(), r.meta().author(), section, points);
  }

  /** Sessions a lead of raw notes names: the ones the author wrote most about. */
  static final int LEAD_SESSIONS = 3;

  /**
   * The lead of a report of raw notes: "The report is the author's notes on 20 sessions; it has
   * most on “A” (Ann Lee), “B” and “C”." (the {@link #LEAD_SESSIONS} longest, in report order).
   */
  static String notesOn(List<SessionExtractor.Found> found) {
    String count =
        "The report is the author's notes on "
            + found.size()
            + (found.size() == 1 ? " session" : " sessions");
    if (found.size() < 2) {
      return count + ", listed below.";
    }
    List<SessionExtractor.Found> longest = new ArrayList<>(found);
    longest.sort(Comparator.comparingInt((SessionExtractor.Found f) -> -f.length()));
    longest = new ArrayList<>(longest.subList(0, Math.min(LEAD_SESSIONS, longest.size())));
    longest.sort(Comparator.comparingInt(SessionExtractor.Found::start));
    List<String> named = new ArrayList<>();
    for (SessionExtractor.Found f : longest) {
      String title = f.title().strip();
      named.add(
          "“"
              + title
              + "”"
              + (f.speaker().isEmpty() || title.contains(f.speaker())
                  ? ""
                  : " (" + f.speaker() + ")"));
    }
    return count + "; it has most on " + Announcements.series(named) + ".";
  }

  /**
   * "Announcements the report returns to most: A [1], B [4] and C [7].", or null with fewer than
   * two.
   */
  private Point announcements(
      Report r,
      List<Sources.Item> items,
      BriefWriter.Event e,
      Sources.Numbering numbering,
      Seen seen) {
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

  private static List<Sources.Item> byCentrality(
      List<Sources.Item> items, float[] centroid, int n) {
    List<Sources.Item> top = new ArrayList<>(items);
    top.sort(Comparator.comparingDouble((Sources.Item it) -> -Vectors.dot(it.vector(), centroid)));
    return top.subList(0, Math.min(n, top.size()));
  }
}
