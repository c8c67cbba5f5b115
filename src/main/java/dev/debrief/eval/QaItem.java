package dev.debrief.eval;

import java.util.List;

/**
 * One evaluation question.
 *
 * @param id question id
 * @param question the question
 * @param reports report file names it is about (may be empty)
 * @param evidence verbatim strings from the report body; empty for unanswerable questions
 * @param answerFacts case-insensitive regular expressions a correct answer matches, all of them
 * @param kind fact, who-said, summary, comparison or unanswerable
 */
public record QaItem(
    String id,
    String question,
    List<String> reports,
    List<String> evidence,
    List<String> answerFacts,
    String kind) {
  public QaItem {
    reports = reports == null ? List.of() : List.copyOf(reports);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    answerFacts = answerFacts == null ? List.of() : List.copyOf(answerFacts);
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question " + id + " is blank");
    }
  }

  /** True for questions the reports do not cover. */
  public boolean unanswerable() {
    return "unanswerable".equals(kind) || evidence.isEmpty();
  }
}
