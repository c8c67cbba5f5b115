package dev.debrief.digest;

import dev.debrief.model.Report;
import dev.debrief.text.PersonNames;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One report's entry in a digest: 2–3 sentences on what the report is about, up to three takeaways
 * and the sessions it names.
 *
 * <p>The sentences are centroid-based extraction (Radev et al. 2004) with maximal marginal
 * relevance ({@link SentencePicker}): prose of the author's own summary or conclusion section
 * ({@link Conclusions}) first, when it has one, then the statements nearest the report's centroid —
 * only ones that stand on their own. Takeaways are that section's notes (the author's bullets) or,
 * without one, the next picks; for a report of notes, its most central notes. A report of notes
 * with fewer sentences that stand alone is described by its announcements ({@link Announcements})
 * or by how many sessions it covers, in a sentence Debrief composes.
 */
final class ReportSummarizer {
  /**
   * Weights.
   *
   * @param sentences sentences at most (the 2–3)
   * @param maxWords the sentences together at most this long, else fewer; the previous digest's 75
   * @param takeaways takeaways at most (the previous digest's 3)
   * @param takeawayWords longest takeaway (the previous digest's 35)
   * @param centralPassages passages nearest the centroid whose statements are candidates (as {@link
   *     BriefWriter})
   * @param sessionsNamed sessions named in the "Sessions:" line (a choice: one line)
   * @param announcements announcements named, headline first, when the report has fewer sentences
   *     that read on their own than {@code sentences} (a choice: one line; the brief names six)
   */
  record Weights(
      int sentences,
      int maxWords,
      int takeaways,
      int takeawayWords,
      int centralPassages,
      int sessionsNamed,
      int announcements) {
    static final Weights DEFAULT = new Weights(3, 75, 3, 35, 6, 6, 4);

    Weights {
      if (sentences < 1
          || maxWords < 10
          || takeaways < 0
          || takeawayWords < 3
          || centralPassages < 1
          || sessionsNamed < 0
          || announcements < 0) {
        throw new IllegalArgumentException(
            "bad digest weights: "
                + sentences
                + ", "
                + maxWords
                + ", "
                + takeaways
                + ", "
                + takeawayWords
                + ", "
                + centralPassages
                + ", "
                + sessionsNamed
                + ", "
                + announcements);
      }
    }
  }

  /**
   * A report's digest text.
   *
   * @param summary the cited sentences as one paragraph ("" when none)
   * @param takeaways cited takeaways
   * @param sessions names of the sessions it covers ("Title (Speaker)"), at most {@link
   *     Weights#sessionsNamed}
   * @param more how many more sessions it names
   */
  record Summary(String summary, List<String> takeaways, List<String> sessions, int more) {}

  private final Sources sources;
  private final SentencePicker picker;
  private final SessionExtractor extractor;
  private final Weights weights;

  ReportSummarizer(
      Sources sources, SentencePicker picker, SessionExtractor extractor, Weights weights) {
    this.sources = sources;
    this.picker = picker;
    this.extractor = extractor;
    this.weights = weights;
  }

  Summary summarize(Report report, List<Sources.Item> items, Sources.Numbering numbering) {
    PersonNames people = PersonNames.in(report.text());
    List<SessionExtractor.Found> sessions = extractor.find(report, people);
    List<String> names = new ArrayList<>();
    for (SessionExtractor.Found f : sessions) {
      if (names.size() < weights.sessionsNamed()) {
        names.add(
            Text.shorten(f.title(), 70)
                + (f.speaker().isEmpty() || f.title().contains(f.speaker())
                    ? ""
                    : " (" + f.speaker() + ")"));
      }
    }
    int more = Math.max(0, sessions.size() - names.size());
    if (items.isEmpty()) {
      return new Summary("", List.of(), names, more);
    }
    float[] centroid =
        Mmr.centroid(
            items.stream().map(Sources.Item::vector).toList(), items.get(0).vector().length);
    Set<Integer> conclusion = Conclusions.sections(report);
    List<Candidates.Candidate> own = new ArrayList<>();
    List<Candidates.Candidate> ownNotes = new ArrayList<>();
    for (Sources.Item it : items) {
      if (conclusion.contains(it.passage().sectionOrdinal())) {
        for (Candidates.Candidate c :
            Candidates.of(it, people, EventSummarizer.MAX_CANDIDATE_WORDS)) {
          (c.note() ? ownNotes : own).add(c);
        }
      }
    }
    List<Sources.Item> central = new ArrayList<>(items);
    central.sort(
        Comparator.comparingDouble((Sources.Item it) -> -Vectors.dot(it.vector(), centroid)));
    List<Candidates.Candidate> pool = new ArrayList<>(own);
    Set<String> ownPassages = new HashSet<>();
    own.forEach(c -> ownPassages.add(c.item().passage().id()));
    for (Sources.Item it :
        central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
      if (!conclusion.contains(it.passage().sectionOrdinal())) {
        pool.addAll(Candidates.of(it, people, EventSummarizer.MAX_CANDIDATE_WORDS));
      }
    }
    // the author's own summary competes with a head start of the prose bonus
    double head = picker.weights().proseBonus();
    List<SentencePicker.Pick> picks =
        picker.pick(
            pool.stream().filter(c -> !c.note()).toList(),
            centroid,
            c -> ownPassages.contains(c.item().passage().id()) ? head : 0,
            weights.sentences() + weights.takeaways());
    Seen seen = new Seen();
    seen.add(report.meta().title());
    report.sections().forEach(x -> seen.add(x.heading()));
    sessions.forEach(f -> seen.add(f.label()));
    List<Candidates.Candidate> chosen = new ArrayList<>();
    int words = 0;
    for (SentencePicker.Pick p : picks) {
      if (chosen.size() == weights.sentences()) {
        break;
      }
      if (seen.repeats(p.candidate().text())) {
        continue;
      }
      if (!chosen.isEmpty() && words + p.candidate().words() > weights.maxWords()) {
        continue;
      }
      chosen.add(p.candidate());
      words += p.candidate().words();
      seen.add(p.candidate().text());
    }
    chosen.sort(Comparator.comparingInt(Candidates.Candidate::start));
    StringBuilder text = new StringBuilder();
    for (Candidates.Candidate c : chosen) {
      text.append(text.length() == 0 ? "" : " ")
          .append(Text.cite(c.text(), "[" + numbering.number(c.item(), c.text()) + "]"));
    }
    List<Candidates.Candidate> all = new ArrayList<>();
    items.forEach(it -> all.addAll(Candidates.of(it, people, EventSummarizer.MAX_CANDIDATE_WORDS)));
    if (chosen.size() < weights.sentences()) {
      // what a report of notes is about: its announcements, else how many sessions its notes cover
      List<Announcements.Announcement> ann = Announcements.of(report.text(), all);
      if (ann.size() >= 2) {
        List<String> named = new ArrayList<>();
        for (Announcements.Announcement a :
            ann.subList(0, Math.min(weights.announcements(), ann.size()))) {
          named.add(a.name() + " [" + numbering.number(a.source().item(), a.source().text()) + "]");
          seen.add(a.source().text());
        }
        text.append(text.length() == 0 ? "" : " ")
            .append(Announcements.sentence(named, ann.size() - named.size()));
      } else if (chosen.isEmpty() && !sessions.isEmpty()) {
        text.append("The report is the author's notes on ")
            .append(sessions.size())
            .append(sessions.size() == 1 ? " session." : " sessions.");
      }
    }
    List<String> takeaways = new ArrayList<>();
    List<Candidates.Candidate> tk =
        new ArrayList<>(ownNotes.stream().filter(Candidates.Candidate::ok).toList());
    for (SentencePicker.Pick p : picks) {
      tk.add(p.candidate());
    }
    if (tk.isEmpty()) {
      // notes only: the author's most central notes
      List<Candidates.Candidate> notesPool = new ArrayList<>();
      for (Sources.Item it :
          central.subList(0, Math.min(weights.centralPassages(), central.size()))) {
        for (Candidates.Candidate c :
            Candidates.of(it, people, EventSummarizer.MAX_CANDIDATE_WORDS)) {
          if (c.note() && !seen.repeats(c.text())) {
            notesPool.add(c);
          }
        }
      }
      for (SentencePicker.Pick p : picker.pick(notesPool, centroid, c -> 0, weights.takeaways())) {
        tk.add(p.candidate());
      }
      tk.sort(Comparator.comparingInt(Candidates.Candidate::start));
    }
    for (Candidates.Candidate c : tk) {
      if (takeaways.size() == weights.takeaways()) {
        break;
      }
      if (c.words() <= weights.takeawayWords() && seen.addIfNew(c.text())) {
        takeaways.add(Text.cite(c.text(), "[" + numbering.number(c.item(), c.text()) + "]"));
      }
    }
    return new Summary(text.toString(), takeaways, names, more);
  }
}
