package dev.debrief.digest;

import dev.debrief.text.Chatter;
import dev.debrief.text.Grammar;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Picks the statements that best represent a set of passages: relevance is the cosine of the
 * candidate's vector to a centroid (centroid-based summarization, Radev et al., "Centroid-based
 * summarization of multiple documents", IP&amp;M 2004) plus a small preference for full,
 * informative statements, and the picks are made by maximal marginal relevance ({@link Mmr},
 * Carbonell &amp; Goldstein, SIGIR 1998) so they do not repeat each other. Only candidates that
 * stand on their own are offered ({@link Candidates.Candidate#ok()}).
 */
final class SentencePicker {
  /**
   * Weights.
   *
   * @param lambda MMR trade-off between relevance and novelty; 0.7, Carbonell &amp; Goldstein's
   *     setting for summaries, kept from the previous brief
   * @param nearDuplicate cosine above which a candidate is never picked next to a picked one.
   *     Measured with e5-small-v2-q over the 47,000 pairs of standing statements within each report
   *     of ../shared/reports: pairs {@link Seen} calls the same lie at 0.93–1.0 (median 1.0);
   *     different statements pass 0.95 in 0.5% of pairs and 0.978 in 0.1%. At 0.98 the cap only
   *     stops repeats and MMR's redundancy term keeps distinct statements apart; 0.90, tuned for
   *     MiniLM, would rule out one pair of distinct statements in ten
   * @param proseBonus added for a full sentence over a note
   * @param namedBonus added for a statement with a name, product or number ({@link
   *     Chatter#hasNameOrNumber})
   * @param lengthPenalty subtracted for statements longer than {@link #LONG_WORDS} words or shorter
   *     than {@link #SHORT_WORDS}
   * @param noisePenalty subtracted per mark of unedited notes ({@link Candidates#noise})
   * @param newsBonus added for a statement that reports an announcement, a launch or a release —
   *     what a team lead asks about first.
   *     <p>The preferences are sized against the relevances they shift: over the 13 shared reports
   *     with six or more standing statements in their six most central passages, e5 relevance falls
   *     by 0.023 from the best statement to the fifth (median; quartiles 0.018 and 0.028) and by
   *     0.089 to the last. A preference of 0.02–0.03 lifts a statement about four places; all of
   *     them together (0.08 at most) cannot lift the least relevant statement of a median report to
   *     the top
   */
  record Weights(
      double lambda,
      double nearDuplicate,
      double proseBonus,
      double namedBonus,
      double lengthPenalty,
      double noisePenalty,
      double newsBonus) {
    static final Weights DEFAULT = new Weights(0.7, 0.98, 0.03, 0.02, 0.03, 0.02, 0.03);

    Weights {
      if (lambda < 0 || lambda > 1 || nearDuplicate <= 0 || nearDuplicate > 1) {
        throw new IllegalArgumentException(
            "lambda and nearDuplicate must be in (0, 1], got " + lambda + ", " + nearDuplicate);
      }
    }
  }

  private static final java.util.regex.Pattern NEWS =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:announc\\w*|"
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
   * @param bonus extra relevance per candidate (0 for none)
   */
  List<Pick> pick(
      List<Candidates.Candidate> candidates,
      float[] centroid,
      ToDoubleFunction<Candidates.Candidate> bonus,
      int k) {
    List<Candidates.Candidate> pool = candidates.stream().filter(Candidates.Candidate::ok).toList();
    if (pool.isEmpty() || k <= 0) {
      return List.of();
    }
    List<float[]> vs = sources.embed(pool);
    double[] rel = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      rel[i] =
          Vectors.dot(vs.get(i), centroid)
              + preference(pool.get(i))
              + bonus.applyAsDouble(pool.get(i));
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
