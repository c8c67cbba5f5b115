package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An edition the library lacks, spoken of in another edition's report: literal passages in, exact
 * text out.
 */
class AbsentEditionMentionTest {
  private static Hit hit(String id, String text) {
    return new Hit(
        id,
        "r23",
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
  void theSentenceNamingTheEditionIsQuotedAfterSayingThereIsNoReport() {
    Answer a =
        AbsentEdition.mentionOf(
            Question.of("where is harbor summit 2024?"),
            "harbor summit 2024",
            List.of(
                hit(
                    "p1",
                    "The venue was great. Harbor Summit 2024 moves to Rotterdam, which suits us. See you there!"),
                hit("p2", "Nothing about next year here.")));
    assertEquals(
        "I have no report from harbor summit 2024; the report “Harbor Summit 2023 recap” mentions it: "
            + "Harbor Summit 2024 moves to Rotterdam, which suits us [1].",
        a.text());
    assertTrue(a.answered());
    assertEquals(List.of("p1"), a.citations().stream().map(c -> c.passageId()).toList());
  }

  @Test
  void aYearAloneOrAnotherEditionIsNoMention() {
    assertNull(
        AbsentEdition.mentionOf(
            Question.of("where is harbor summit 2024?"),
            "harbor summit 2024",
            List.of(
                hit("p1", "In 2024 we plan to go again."),
                hit("p2", "Harbor Summit 2023 was in Antwerp."))));
  }

  @Test
  void onlyQuestionsAboutTheEditionItselfMayBeAnsweredSo() {
    assertTrue(AbsentEdition.WHERE_OR_WHEN.matcher("where is it held next year?").find());
    assertTrue(AbsentEdition.WHERE_OR_WHEN.matcher("When is Harbor Summit 2024").find());
    assertEquals(
        false,
        AbsentEdition.WHERE_OR_WHEN
            .matcher("what were the best talks at harbor summit 2024?")
            .find());
  }
}
