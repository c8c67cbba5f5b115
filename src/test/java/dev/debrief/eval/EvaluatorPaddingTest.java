package dev.debrief.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.model.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal answers: sentences counted and the share of them around the facts. */
class EvaluatorPaddingTest {
  private static final QaItem ATTENDANCE =
      new QaItem(
          "t1",
          "how many people came?",
          List.of("r.md"),
          List.of("1500 attendees"),
          List.of("1,?500"),
          "fact");

  private static Evaluator.Outcome outcome(String text, boolean answered) {
    Answer a = new Answer("q", text, answered, List.of(), List.of(), "extractive", "", false, 0, 1);
    List<String> missing = text.contains("1500") && answered ? List.of() : List.of("1,?500");
    return new Evaluator.Outcome("set", ATTENDANCE, 1, a, missing, true);
  }

  @Test
  void sentencesBeforeAndAfterTheFactArePadding() {
    Evaluator.Outcome o =
        outcome(
            "Thanks to my employer I went [1]. There were 1500 attendees [1]. The wifi held up [1]."
                + " Lunch was fine [2].",
            true);
    assertEquals(4, o.sentences());
    assertEquals(0.75, o.padding(), 1e-9);
  }

  @Test
  void anAnswerOfOnlyTheFactHasNoPadding() {
    Evaluator.Outcome o = outcome("There were 1500 attendees [1].", true);
    assertEquals(1, o.sentences());
    assertEquals(0.0, o.padding(), 1e-9);
  }

  @Test
  void refusalsAndWrongAnswersAreNotMeasured() {
    assertEquals(0, outcome("The reports don't cover that.", false).sentences());
    assertEquals(0.0, outcome("There were many [1]. It was loud [1].", true).padding(), 1e-9);
    Evaluator.Metrics m =
        Evaluator.Metrics.of(
            List.of(
                outcome("There were 1500 attendees [1]. The wifi held up [1].", true),
                outcome("There were 1500 attendees [1].", true)),
            5);
    assertEquals(1.5, m.sentences(), 1e-9);
    assertEquals(0.25, m.padding(), 1e-9);
  }
}
