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

  @Test
  void aCountOfPeopleIsAFigureNextToPeople() {
    assertTrue(LineTerms.countsPeople("There are 1500 attendees circa at the conference."));
    assertTrue(LineTerms.countsPeople("I believe 40 people were in the room at 9:00."));
    assertTrue(LineTerms.countsPeople("attendance was close to 2,300 this year"));
    assertTrue(LineTerms.countsPeople("roughly a dozen folks stayed for the Q&A"));
    assertFalse(LineTerms.countsPeople("a livestream of 14 hours in three blocks"), "no people");
    assertFalse(
        LineTerms.countsPeople("people met at 10:30 in the lobby"), "a time of day counts nobody");
    assertFalse(
        LineTerms.countsPeople("2017 was a year of many new attendees and far more sessions"),
        "a year, five words from the people");
    assertTrue(QuestionForms.asksPeopleCount("how many ppl showed up to the meetup?"));
    assertTrue(QuestionForms.asksPeopleCount("How many actually attended?"));
    assertFalse(QuestionForms.asksPeopleCount("how many talks were there?"));
  }
}
