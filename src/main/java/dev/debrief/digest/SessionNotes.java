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
 * The author's own notes (or sentences) that say what a session was about, shown under its title:
 * the candidates of the session's part of the report that stand on their own under a heading
 * ({@link StandAlone.Form#NOTE}), ranked by how central their words are to that part — the TF-IDF
 * centroid of the part's words, the original form of centroid-based summarization (Radev et al.
 * 2004), which needs no embedding — announcements first, with a preference for names and numbers,
 * and shown in the author's order.
 */
final class SessionNotes {
  /**
   * Weights.
   *
   * @param maxNotes notes per session (a choice: three keep eight sessions within one Slack screen)
   * @param maxSentences prose sentences per session (sentences run about twice as long as notes)
   * @param namedBonus added for a name, product or number; and
   * @param noisePenalty subtracted per mark of unedited notes ({@link Candidates#noise}) — both on
   *     the scale of the centrality score, whose spread within one talk of ../shared is 0.7 to 1.0
   *     (quartiles over 56 talks with four or more notes); chosen by reading the 28 of 100 shared
   *     talks whose picks change: at 0.3 / 0.3 anecdotes with a name and formulas displaced the
   *     gist, at 0 / 0 lower-case fragments came in
   * @param maxWords longest note shown (a note runs to one line; longer ones are pasted paragraphs)
   */
  record Weights(
      int maxNotes, int maxSentences, double namedBonus, double noisePenalty, int maxWords) {
    static final Weights DEFAULT = new Weights(3, 2, 0.1, 0.15, 30);

    Weights {
      if (maxNotes < 0
          || maxSentences < 0
          || maxWords < StandAlone.MIN_NOTE_WORDS
          || namedBonus < 0
          || noisePenalty < 0) {
        throw new IllegalArgumentException(
            "bad session-note weights: " + maxNotes + ", " + maxSentences + ", " + maxWords);
      }
    }
  }

  private final Weights weights;

  SessionNotes(Weights weights) {
    this.weights = weights;
  }

  /**
   * The candidates to show under {@code session}, in document order; {@code inSession} are all
   * candidates of its part of the report, {@code seen} what the brief already shows (never
   * repeated).
   */
  List<Candidates.Candidate> pick(
      List<Candidates.Candidate> inSession,
      PersonNames people,
      Seen seen,
      Map<String, Double> idf) {
    Map<String, Double> centroid = new HashMap<>();
    for (Candidates.Candidate c : inSession) {
      for (String w : new HashSet<>(Text.topicWords(c.text()))) {
        centroid.merge(w, idf.getOrDefault(w, 1.0), Double::sum);
      }
    }
    List<Candidates.Candidate> ok = new ArrayList<>();
    for (Candidates.Candidate c : inSession) {
      if (!c.label()
          && c.words() <= weights.maxWords()
          && StandAlone.check(c.text(), StandAlone.Form.NOTE, people).ok()
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
      if (Chatter.hasNameOrNumber(c.text())) {
        s += weights.namedBonus();
      }
      s -= weights.noisePenalty() * c.noise();
      score.put(c, s);
    }
    // announcements first (what a team lead asks about first), then by centrality
    ok.sort(
        Comparator.comparing((Candidates.Candidate c) -> !Grammar.announces(c.text()))
            .thenComparingDouble(c -> -score.get(c))
            .thenComparingInt(Candidates.Candidate::start));
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

  /**
   * Inverse document frequency of topic words over {@code documents} (each a bag of words), ln(1 +
   * N/df).
   */
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
