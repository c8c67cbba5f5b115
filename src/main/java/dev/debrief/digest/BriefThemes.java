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
 * ({@link ThemeNamer}) and one or two central statements (up to three notes) about that name
 * ({@link ThemeSupport}), and the other reports that support it. A theme with nothing new to say
 * about its name is left out, and so is a cluster that has no name.
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
   * @param sessionTitles titles and speakers the brief's sessions show: a theme named exactly like
   *     one of them is that session again, and is left out while another theme remains
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
      List<String> parts = ThemeSupport.parts(e.names().get(i));
      if (parts.isEmpty()) {
        continue; // "Other notes" is no theme
      }
      List<Sources.Item> central = c.central();
      List<Candidates.Candidate> pool = new ArrayList<>();
      for (Sources.Item it :
          central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
        for (Candidates.Candidate cand :
            BriefWriter.fresh(e.candidates().get(it.passage().id()), seen)) {
          boolean about =
              cand.note()
                  ? ThemeSupport.sectionPart(cand, parts) != null
                  : ThemeSupport.aboutAny(cand, parts);
          if (cand.words() <= weights.maxWords() && about) {
            pool.add(cand);
          }
        }
      }
      List<SentencePicker.Pick> picks =
          picker.pick(pool, c.centroid(), x -> 0, weights.themeNotes() + 1);
      if (picks.isEmpty()) {
        continue; // a theme with nothing new to say about its name is left out
      }
      Candidates.Candidate first = picks.get(0).candidate();
      List<Candidates.Candidate> chosen = new ArrayList<>(List.of(first));
      String name = null;
      if (first.note()) {
        // notes are shown under the one talk whose section holds them, named after it
        name = ThemeSupport.sectionPart(first, parts);
        for (SentencePicker.Pick p : picks.subList(1, picks.size())) {
          Candidates.Candidate n = p.candidate();
          if (n.note()
              && name.equals(ThemeSupport.sectionPart(n, parts))
              && chosen.size() < weights.themeNotes()) {
            chosen.add(n);
          }
        }
      } else if (picks.size() > 1
          && !picks.get(1).candidate().note()
          && first.words() + picks.get(1).candidate().words() <= weights.themePairWords()) {
        chosen.add(picks.get(1).candidate());
      }
      name = first.note() ? name : ThemeSupport.renamed(parts, chosen);
      if (sessionTitles.contains(Seen.normal(name))) {
        continue; // renamed after a session the brief shows ("WebRTC"): that session again
      }
      List<Point> points = BriefWriter.points(chosen, numbering, seen, first.note());
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
      out.add(new EventSummary.Theme(name, points, also, cited, c.members().size(), reportIds));
      clusterOf.add(i);
    }
    return out;
  }
}
