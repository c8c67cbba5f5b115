package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Literal sentences: which of their words are quantities a number question can be answered by. */
class LineTermsTest {
  @Test
  void quantitiesOpenWithADigit() {
    assertEquals(Set.of("1000", "24x", "80"), LineTerms.numerals("1,000 people, 24x faster, 80%"));
  }

  @Test
  void namesWithDigitsAndTimesOfDayAreNotQuantities() {
    assertEquals(Set.of(), LineTerms.numerals("Questions came in through #tc39qs at 9:27 on K8s"));
    assertFalse(
        LineTerms.of(List.of("question"), "Questions via #tc39qs at 9:27.", Set.of())
            .contains(LineTerms.NUMBER));
    assertTrue(
        LineTerms.of(List.of("peopl"), "There were 1000 people.", Set.of())
            .contains(LineTerms.NUMBER));
  }

  @Test
  void aNumberTheQuestionHoldsIsNoAnswer() {
    assertFalse(
        LineTerms.of(List.of(), "EuroPython 2024 was fun.", LineTerms.numerals("in 2024?"))
            .contains(LineTerms.NUMBER));
  }

  @Test
  void aFigureIsANumeralOrANumberWord() {
    assertTrue(LineTerms.holdsFigure("Tickets were 450 EUR."));
    assertTrue(LineTerms.holdsFigure("only a dozen people came"));
    assertTrue(LineTerms.holdsFigure("entry was free for students"));
    assertFalse(LineTerms.holdsFigure("Buy a ticket for one of the meetups near you."), "one of");
    assertFalse(LineTerms.holdsFigure("It ran at 9:30 on K8s."), "a time and a name");
  }

  @Test
  void anAmountIsAskedByHowManyHowMuchPriceCostFee() {
    assertTrue(QuestionForms.asksAmount("how much was the workshop?"));
    assertTrue(QuestionForms.asksAmount("what did the ticket cost"));
    assertTrue(QuestionForms.asksAmount("ticket price for the summit?"));
    assertTrue(QuestionForms.asksAmount("How many people showed up?"));
    assertFalse(QuestionForms.asksAmount("how long was the keynote?"), "a duration is no amount");
    assertFalse(QuestionForms.asksAmount("what did she say about costing?"));
  }
}
