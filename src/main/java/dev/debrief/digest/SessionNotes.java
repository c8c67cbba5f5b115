package dev.debrief.digest;

import dev.debrief.text.Chatter;
import dev.debrief.text.Grammar;
import dev.debrief.text.PersonNames;
import dev.debrief.text.StandAlone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The author's own notes (or sentences) that say what a session was about, shown under its title: the
 * candidates of the session's part of the report that stand on their own under a heading
 * ({@link StandAlone.Form#NOTE}), ranked by how central their words are to that part — the TF-IDF centroid of
 * the part's words, the original form of centroid-based summarization (Radev et al. 2004), which needs no
 * embedding — with a preference for announcements, names and numbers, and shown in the author's order.
 */
final class SessionNotes {
  /**
   * Weights.
   *
   * @param maxNotes     notes per session; three fit one screen line each for the raw-notes reports in ../shared
   * @param maxSentences prose sentences per session (sentences run longer than notes)
   * @param announceBonus added for "Announcing …" lines, what a team lead asks about first; larger than the
   *                      centrality spread of a talk's notes (about 0.4), so every announcement of a keynote
   *                      outranks its other notes
   * @param namedBonus   added for a name, product or number
   * @param noisePenalty subtracted per mark of unedited notes ({@link Candidates#noise}); a third of the
   *                     centrality spread, so a clean note beats a messier one about as central
   * @param maxWords     longest note shown
   */
  record Weights(int maxNotes, int maxSentences, double announceBonus, double namedBonus, double noisePenalty,
                 int maxWords) {
    static final Weights DEFAULT = new Weights(3, 2, 0.5, 0.1, 0.15, 30);

    Weights {
      if (maxNotes < 0 || maxSentences < 0 || maxWords < StandAlone.MIN_NOTE_WORDS) {
        throw new IllegalArgumentException("bad session-note weights: " + maxNotes + ", " + maxSentences + ", "
            + maxWords);
      }
    }
  }

  private final Weights weights;

  SessionNotes(Weights weights) {
    this.weights = weights;
  }

  /**
   * The candidates to show under {@code session}, in document order; {@code inSession} are all candidates of
   * its part of the report, {@code seen} what the brief already shows (never repeated).
   */
  List<Candidates.Candidate> pick(List<Candidates.Candidate> inSession, PersonNames people, Seen seen,
                                  Map<String, Double> idf) {
    Map<String, Double> centroid = new HashMap<>();
    for (Candidates.Candidate c : inSession) {
      for (String w : new HashSet<>(Text.topicWords(c.text()))) {
        centroid.merge(w, idf.getOrDefault(w, 1.0), Double::sum);
      }
    }
    List<Candidates.Candidate> ok = new ArrayList<>();
    for (Candidates.Candidate c : inSession) {
      if (c.words() <= weights.maxWords() && StandAlone.check(c.text(), StandAlone.Form.NOTE, people).ok()
          && !seen.repeats(c.text())) {
        ok.add(c);
      }
    }
    Map<Candidates.Candidate, Double> score = new HashMap<>();
    double max = centroid.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    for (Candidates.Candidate c : ok) {
      List<String> ws = Text.topicWords(c.text());
      double s = 0;
      for (String w : new HashSet<>(ws)) {
        s += centroid.getOrDefault(w, 0.0) / max;
      }
      s /= Math.sqrt(Math.max(1, ws.size()));
      if (Grammar.announces(c.text())) {
        s += weights.announceBonus();
      }
      if (Chatter.hasNameOrNumber(c.text())) {
        s += weights.namedBonus();
      }
      s -= weights.noisePenalty() * c.noise();
      score.put(c, s);
    }
    ok.sort(Comparator.comparingDouble((Candidates.Candidate c) -> -score.get(c)).thenComparingInt(Candidates.Candidate::start));
    boolean prose = ok.stream().filter(c -> !c.note()).count() * 2 > ok.size();
    int limit = prose ? weights.maxSentences() : weights.maxNotes();
    List<Candidates.Candidate> out = new ArrayList<>();
    Seen local = new Seen();
    for (Candidates.Candidate c : ok) {
      if (out.size() == limit) {
        break;
      }
      if (local.addIfNew(c.text())) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingInt(Candidates.Candidate::start));
    return out;
  }

  /** Inverse document frequency of topic words over {@code documents} (each a bag of words), ln(1 + N/df). */
  static Map<String, Double> idf(List<List<String>> documents) {
    Map<String, Integer> df = new HashMap<>();
    for (List<String> d : documents) {
      for (String w : new HashSet<>(d)) {
        df.merge(w, 1, Integer::sum);
      }
    }
    Map<String, Double> out = new HashMap<>();
    int n = Math.max(1, documents.size());
    df.forEach((w, f) -> out.put(w, Math.log(1.0 + (double) n / f)));
    return out;
  }
}
