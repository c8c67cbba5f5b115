package dev.debrief.digest;

import dev.debrief.model.Citation;
import dev.debrief.model.Report;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key themes of a brief ({@link BriefWriter}): per cluster ({@link ThemeClusterer}) its name
 * ({@link ThemeNamer}) and one or two central statements (up to three notes), and the other reports
 * that support it. A theme with nothing new to say is left out, unless no theme has anything new.
 */
final class BriefThemes {
  private final SentencePicker picker;
  private final BriefWriter.Weights weights;

  BriefThemes(SentencePicker picker, BriefWriter.Weights weights) {
    this.picker = picker;
    this.weights = weights;
  }

  /**
   * The themes, in cluster order; {@code clusterOf} receives each theme's cluster index.
   *
   * @param sessionTitles titles the brief's sessions show: a theme named exactly like one of them
   *     is that session again, and is left out while another theme remains
   */
  List<EventSummary.Theme> themes(
      BriefWriter.Event e,
      Sources.Numbering numbering,
      Seen seen,
      List<Integer> clusterOf,
      Set<String> sessionTitles) {
    List<EventSummary.Theme> out = new ArrayList<>();
    for (int i = 0; i < e.clusters().size(); i++) {
      ThemeClusterer.Cluster c = e.clusters().get(i);
      if (sessionTitles.contains(Seen.normal(e.names().get(i)))
          && (!out.isEmpty() || i + 1 < e.clusters().size())) {
        continue; // "TC39 Panel" as a theme repeats the session of that name
      }
      List<Sources.Item> central = c.central();
      List<Candidates.Candidate> pool = new ArrayList<>();
      for (Sources.Item it :
          central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
        for (Candidates.Candidate cand :
            BriefWriter.fresh(e.candidates().get(it.passage().id()), seen)) {
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
      List<Point> points =
          BriefWriter.points(chosen, numbering, seen, first != null && first.note());
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
  private boolean anyFresh(BriefWriter.Event e, Seen seen, int from) {
    for (ThemeClusterer.Cluster c : e.clusters().subList(from, e.clusters().size())) {
      List<Sources.Item> central = c.central();
      for (Sources.Item it :
          central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
        if (BriefWriter.fresh(e.candidates().get(it.passage().id()), seen).stream()
            .anyMatch(Candidates.Candidate::ok)) {
          return true;
        }
      }
    }
    return false;
  }
}
