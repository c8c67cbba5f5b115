package dev.debrief.eval;

import dev.debrief.answer.Answerer;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Runs a question set and computes:
 * <ul>
 *   <li>recall@k: share of answerable questions with an evidence string held by one of the top-k passages;</li>
 *   <li>MRR: mean of 1/rank of the first passage holding evidence (0 when none in the top k);</li>
 *   <li>fact coverage: share of answerable questions whose answer matches all answer_facts regexes;</li>
 *   <li>citation hit: share of answered, answerable questions with a citation whose quote holds evidence;</li>
 *   <li>refusal accuracy: share of unanswerable questions refused;</li>
 *   <li>false refusals: share of answerable questions refused.</li>
 * </ul>
 */
public final class Evaluator {
  private final BiFunction<String, Integer, List<Hit>> search;
  private final Answerer answerer;

  /**
   * @param search   (question, k) to hits, best first
   * @param answerer answers questions; null to skip answer metrics
   */
  public Evaluator(BiFunction<String, Integer, List<Hit>> search, Answerer answerer) {
    this.search = search;
    this.answerer = answerer;
  }

  /** Per-question outcome. */
  public record Outcome(String id, String kind, int firstRank, boolean factsOk, boolean citationHit,
                        boolean answered, String answer) {}

  /** Aggregates; counts are of questions. */
  public record Metrics(int questions, int answerable, int unanswerable, double recallAtK, double mrr,
                        double factCoverage, double citationHit, double refusalAccuracy, double falseRefusals,
                        int k, List<Outcome> outcomes) {}

  /** Evaluates {@code items} at depth {@code k}. */
  public Metrics run(List<QaItem> items, int k) {
    List<Outcome> outcomes = new ArrayList<>();
    int answerable = 0;
    int unanswerable = 0;
    int recalled = 0;
    double rr = 0;
    int facts = 0;
    int cited = 0;
    int answeredAnswerable = 0;
    int refusedUnanswerable = 0;
    int falseRefusals = 0;
    for (QaItem item : items) {
      List<Hit> hits = search.apply(item.question(), k);
      int first = 0;
      for (int i = 0; i < hits.size() && first == 0; i++) {
        for (String e : item.evidence()) {
          if (Evidence.holds(hits.get(i).text(), e)) {
            first = i + 1;
            break;
          }
        }
      }
      Answer a = answerer == null ? null
          : answerer.answer(new Question(item.question(), List.of(), SearchFilters.NONE));
      boolean answered = a != null && a.answered();
      boolean factsOk = a != null && answered && !item.answerFacts().isEmpty()
          && item.answerFacts().stream().allMatch(f -> Pattern.compile(f, Pattern.CASE_INSENSITIVE)
          .matcher(a.text()).find());
      boolean citationHit = a != null && answered && a.citations().stream()
          .map(Citation::quote).anyMatch(q -> item.evidence().stream().anyMatch(e -> Evidence.holds(q, e)));
      if (item.unanswerable()) {
        unanswerable++;
        if (a != null && !answered) {
          refusedUnanswerable++;
        }
      } else {
        answerable++;
        if (first > 0) {
          recalled++;
          rr += 1.0 / first;
        }
        if (factsOk) {
          facts++;
        }
        if (citationHit) {
          cited++;
        }
        if (answered) {
          answeredAnswerable++;
        } else if (a != null) {
          falseRefusals++;
        }
      }
      outcomes.add(new Outcome(item.id(), item.kind(), first, factsOk, citationHit, answered,
          a == null ? "" : a.text()));
    }
    return new Metrics(items.size(), answerable, unanswerable, ratio(recalled, answerable), ratio(rr, answerable),
        ratio(facts, answerable), ratio(cited, answeredAnswerable), ratio(refusedUnanswerable, unanswerable),
        ratio(falseRefusals, answerable), k, outcomes);
  }

  private static double ratio(double a, int b) {
    return b == 0 ? 0 : a / b;
  }
}
