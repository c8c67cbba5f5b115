package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LongQuestionTest {
  private static final String CONTEXT =
      "Pasting my standup notes so you have context. ".repeat(100);

  @Test
  void theLastSentenceThatAsksIsTheQuestion() {
    assertEquals(
        "Anyway: who filled in for the keynote?",
        LongQuestion.asked(CONTEXT + "Anyway: who filled in for the keynote?", 4000));
    assertEquals(
        "who spoke first?",
        LongQuestion.asked(CONTEXT + "Thanks!\nwho spoke first? ok. bye", 4000));
  }

  @Test
  void withoutAQuestionOfThreeWordsThereIsNone() {
    assertNull(LongQuestion.asked(CONTEXT, 4000));
    assertNull(LongQuestion.asked(CONTEXT + "Really?", 4000));
    // "1.33" cuts the sentence short: "33?" is too short to be the question
    assertNull(LongQuestion.asked(CONTEXT + "what about Kubernetes 1.33?", 4000));
    // a question longer than the limit is not one sentence to answer
    assertNull(LongQuestion.asked("storage ".repeat(600) + "what then?", 4000));
  }

  @Test
  void theKeptEndStartsAtAWordWhenOneIsNear() {
    assertEquals(4, LongQuestion.wordStart("age storage", 1));
    assertEquals(0, LongQuestion.wordStart("storage", 0));
    String token = "x".repeat(100);
    assertEquals(10, LongQuestion.wordStart(token, 10));
  }
}
