package dev.debrief.answer;

/**
 * Whether the evidence an extractive answer found is enough to answer from, or the honest answer is
 * that the reports do not cover the question. Judged on the best sentence's score ({@link
 * EvidenceSelector}): its cosine similarity to the question plus its weighted concept overlap and
 * its passage's relevance. The score joins the two signals that separate covered from uncovered
 * questions: a paraphrase has a high similarity and little overlap, a question about something the
 * reports never say has neither.
 *
 * <p>Names and editions the library does not hold are refused before composing ({@link
 * AnswerService}); an overview question is answered whenever something could be quoted.
 *
 * <p>A sentence that only names what the question names ("Look up Morgan's Istio talk" for "what
 * did they say about Istio or service meshes?") scores high on overlap for one rare word; when such
 * a sentence is also far in meaning and holds less than {@code passingCover} of the subject with
 * its heading, it is a mention in passing, and the answer is a refusal, unless the best passage as
 * a whole holds that share: then the sentence is the best of a passage about the question (seed-13,
 * "which monitoring companies were mentioned at the expo?": the expo passage holds the whole
 * subject; its best sentence, "The Expo was pretty standard…", only part of it).
 *
 * @param minScore below this best-sentence score, refuse
 * @param passingSim below this cosine of the best sentence …
 * @param passingCover … and below this share of the subject in the best sentence and its heading,
 *     and in the best passage, refuse
 */
public record RefusalPolicy(double minScore, double passingSim, double passingCover) {
  /**
   * Calibrated for e5-small-v2 and {@link EvidenceSelector.Weights#DEFAULT} with {@code debrief
   * eval} on the tuning questions (../shared/qa/seed-dev.jsonl, reports-dev.jsonl, round2
   * n001–n024): the unanswerable ones that reached the composer scored at most 0.96, the answerable
   * ones at least 1.00; the one answerable question whose best sentence was below 0.80 in cosine
   * held its whole subject (README, "Refusal calibration").
   */
  public static final RefusalPolicy DEFAULT = new RefusalPolicy(0.98, 0.80, 0.5);

  public RefusalPolicy {
    for (double v : new double[] {minScore, passingSim, passingCover}) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("thresholds must be finite numbers >= 0, got " + this);
      }
    }
  }

  /**
   * @param selection what the selector chose
   * @param summary true for an overview question
   * @return true when the answer should be a refusal
   */
  public boolean refuse(EvidenceSelector.Selection selection, boolean summary) {
    if (selection.best() == null || selection.stretches().isEmpty()) {
      return true;
    }
    if (summary) {
      return false;
    }
    Evidence.Scored best = selection.best();
    return best.score() < minScore
        || best.similarity() < passingSim
            && selection.anchorCover() < passingCover
            && selection.coverage() < passingCover
            && !selection.focused();
  }
}
