package dev.debrief.digest;

import dev.debrief.embed.Vectors;
import dev.debrief.text.Chatter;
import dev.debrief.text.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Picks the statements that best represent a set of passages: relevance is the cosine of the candidate's
 * vector to a centroid (centroid-based summarization, Radev et al., "Centroid-based summarization of multiple
 * documents", IP&amp;M 2004) plus a small preference for full, informative statements, and the picks are made by
 * maximal marginal relevance ({@link Mmr}, Carbonell &amp; Goldstein, SIGIR 1998) so they do not repeat each
 * other. Only candidates that stand on their own are offered ({@link Candidates.Candidate#ok()}).
 */
final class SentencePicker {
  /**
   * Weights.
   *
   * @param lambda        MMR trade-off between relevance and novelty; 0.7 is Carbonell &amp; Goldstein's
   *                      setting for summaries and kept the shared briefs' picks on different sub-topics
   * @param nearDuplicate cosine above which a candidate is never picked next to a picked one. Measured with
   *                      e5-small-v2 on the sentence pairs of the shared reports: pairs a reader calls the same
   *                      statement sit above 0.95, different statements of one talk reach 0.93, so 0.95 (0.90,
   *                      tuned for MiniLM, dropped distinct statements)
   * @param proseBonus    added for a full sentence over a note; about the spread of e5 relevances between a
   *                      passage's best and fifth-best sentence (0.03), so a note wins only when clearly closer
   * @param namedBonus    added for a statement with a name, product or number ({@link Chatter#hasNameOrNumber})
   * @param lengthPenalty subtracted for statements longer than {@link #LONG_WORDS} words or shorter than
   *                      {@link #SHORT_WORDS}
   * @param noisePenalty  subtracted per mark of unedited notes ({@link Candidates#noise})
   * @param newsBonus     added for a statement that reports an announcement, a launch or a release — what a team
   *                      lead asks about first
   */
  record Weights(double lambda, double nearDuplicate, double proseBonus, double namedBonus, double lengthPenalty,
                 double noisePenalty, double newsBonus) {
    static final Weights DEFAULT = new Weights(0.7, 0.95, 0.03, 0.02, 0.03, 0.02, 0.03);

    Weights {
      if (lambda < 0 || lambda > 1 || nearDuplicate <= 0 || nearDuplicate > 1) {
        throw new IllegalArgumentException("lambda and nearDuplicate must be in (0, 1], got " + lambda + ", "
            + nearDuplicate);
      }
    }
  }

  private static final java.util.regex.Pattern NEWS = java.util.regex.Pattern.compile("(?i)\\b(?:announc\\w*|"
      + "launch(?:ed|es|ing)?|released?|unveil\\w*|now (?:generally )?available|general availability|"
      + "is joining|joins the|deprecat\\w*|open[- ]sourc\\w*)\\b");

  /** Longest statement that reads well in a brief, in words. */
  static final int LONG_WORDS = 40;
  /** Shortest statement that says something, in words. */
  static final int SHORT_WORDS = 6;

  /** A pick: the candidate, its vector and its relevance. */
  record Pick(Candidates.Candidate candidate, float[] vector, double relevance) {}

  private final Sources sources;
  private final Weights weights;

  SentencePicker(Sources sources, Weights weights) {
    this.sources = sources;
    this.weights = weights;
  }

  Weights weights() {
    return weights;
  }

  /**
   * Up to {@code k} picks among the candidates that stand on their own, in pick order.
   *
   * @param centroid unit vector the picks should be close to
   * @param bonus    extra relevance per candidate (0 for none)
   */
  List<Pick> pick(List<Candidates.Candidate> candidates, float[] centroid,
                  ToDoubleFunction<Candidates.Candidate> bonus, int k) {
    List<Candidates.Candidate> pool = candidates.stream().filter(Candidates.Candidate::ok).toList();
    if (pool.isEmpty() || k <= 0) {
      return List.of();
    }
    List<float[]> vs = sources.embed(pool);
    double[] rel = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      rel[i] = Vectors.dot(vs.get(i), centroid) + preference(pool.get(i)) + bonus.applyAsDouble(pool.get(i));
    }
    List<Pick> out = new ArrayList<>();
    for (int i : Mmr.select(rel, vs, k, weights.lambda(), weights.nearDuplicate())) {
      out.add(new Pick(pool.get(i), vs.get(i), rel[i]));
    }
    return out;
  }

  /** The preference for full, informative statements of a good length. */
  double preference(Candidates.Candidate c) {
    double p = 0;
    if (!c.note()) {
      p += weights.proseBonus();
    }
    if (Chatter.hasNameOrNumber(c.text()) || Grammar.announces(c.text())) {
      p += weights.namedBonus();
    }
    if (NEWS.matcher(c.text()).find()) {
      p += weights.newsBonus();
    }
    int w = c.words();
    if (w > LONG_WORDS || w < SHORT_WORDS) {
      p -= weights.lengthPenalty();
    }
    return p - weights.noisePenalty() * c.noise();
  }
}
