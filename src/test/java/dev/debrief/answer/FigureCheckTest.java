package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal passages: when an amount asked for is given nowhere in what was found. */
class FigureCheckTest {
  private static Hit hit(String text) {
    return new Hit(
        "r1-p0",
        "r1",
        "Harbor Summit 2023 recap",
        "Harbor Summit 2023",
        "2023-06-02",
        "Wrap-up",
        List.of("Wrap-up"),
        "wrap-up",
        "https://example.org/h23#wrap-up",
        text,
        1.0);
  }

  @Test
  void aPriceNoPassageGivesHasNoAnswer() {
    List<Hit> hits = List.of(hit("The price is fair. Buy a ticket for one of the meetups."));
    assertTrue(
        FigureCheck.noFigure("how much was a ticket for harbor summit 2023?", List.of(), hits));
    assertFalse(
        FigureCheck.noFigure(
            "how much was a ticket?", List.of(), List.of(hit("Tickets were €450 this year."))),
        "the price is in a passage found, though not in the sentences chosen");
  }

  @Test
  void aHeadCountNeedsAFigureNextToPeople() {
    assertTrue(
        FigureCheck.noFigure(
            "how many people watched the stream?",
            List.of(),
            List.of(hit("The livestream ran for 14 hours in three blocks."))));
    assertFalse(
        FigureCheck.noFigure(
            "how many people attended harbor summit 2023?",
            List.of(),
            List.of(hit("Lunch was great. There were 2500 people this year."))));
  }

  @Test
  void otherQuestionsAreNeverRefusedHere() {
    assertFalse(FigureCheck.noFigure("what did the keynote announce?", List.of(), List.of()));
  }
}
