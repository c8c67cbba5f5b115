package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.text.Sentences;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Literal inputs and outputs for the sentence-level pieces of the extractive answer. */
class ExtractiveUnitsTest {
  @Test
  void citationMarkerGoesBeforeTheFinalPeriod() {
    assertEquals("It scales [1].", AnswerWriter.cite("It scales.", 1));
    assertEquals("Does it scale? [2]", AnswerWriter.cite("Does it scale?", 2));
    assertEquals("Wait... [3]", AnswerWriter.cite("Wait...", 3));
    assertEquals(
        "Book - The Frugal Architect [4].", AnswerWriter.cite("Book - The Frugal Architect", 4));
    assertEquals(
        "Dominant areas seem to be [5].", AnswerWriter.cite("Dominant areas seem to be:", 5));
  }

  @Test
  void everySentenceOfAUnitIsCited() {
    assertEquals(
        "Joe Beda gets on stage [1]. He talks about growing users 10x [1].",
        AnswerWriter.citeEach("Joe Beda gets on stage. He talks about growing users 10x.", 1));
  }

  @Test
  void aRefusalQuotesTheOpeningOfSectionsWhoseHeadingIsOnlyATimeOrADay() {
    dev.debrief.model.Hit stamp =
        new dev.debrief.model.Hit(
            "p1",
            "r1",
            "PyConf notes",
            "",
            "",
            "Sun Mar 17 11:59:43 EDT 2013",
            List.of(),
            "a1",
            "",
            "- Guido talks about the new async library and what it replaces in Python 3",
            1);
    dev.debrief.model.Hit named =
        new dev.debrief.model.Hit(
            "p2", "r1", "PyConf notes", "", "", "Lightning talks", List.of(), "a2", "", "x", 1);
    assertEquals(
        "No. Closest I found: “Sun Mar 17 11:59:43 EDT 2013” in PyConf notes (“Guido talks about"
            + " the new async library and what it…”); “Lightning talks” in PyConf notes.",
        Refusals.text("No.", List.of(stamp, named)));
    assertTrue(Refusals.bareLabel("DAY 1"));
    assertTrue(Refusals.bareLabel("2013-03-17"));
    assertFalse(Refusals.bareLabel("Day of the Dead parade"));
  }

  @Test
  void numeralsAreFoundInLinearTimeOnALineOfLettersOnly() {
    assertEquals(
        Set.of("1200", "24x", "2024"), LineTerms.numerals("over 1,200 people, 24x, 2024."));
    // three million letters with no digit: a backtracking pattern would take minutes here
    assertEquals(Set.of(), LineTerms.numerals("a".repeat(3_000_000)));
  }

  @Test
  void bulletsAndCheckboxesAreStripped() {
    assertEquals("Networking", SentenceShape.withoutBullet("• Networking"));
    assertEquals("Second item", SentenceShape.withoutBullet("2) Second item"));
    assertEquals(
        "Build an on-call simulator",
        SentenceShape.withoutBullet("[ ] Build an on-call simulator"));
    assertEquals("-5 degrees", SentenceShape.withoutBullet("-5 degrees"));
  }

  @Test
  void chromeIsRecognisedAndStatementsAreNot() {
    assertTrue(SentenceShape.chrome("The Future of the PSF"));
    assertTrue(SentenceShape.chrome("Guido Van Rossum, BDFL"));
    assertTrue(SentenceShape.chrome("https://www.youtube.com/watch?v=abc"));
    assertTrue(SentenceShape.chrome("Length 26:49, watched on 2023-12-10"));
    assertTrue(SentenceShape.chrome("Sun Mar 17 11:59:43 EDT 2013"));
    assertTrue(SentenceShape.chrome("Image: the expo hall at noon"));
    assertFalse(
        SentenceShape.chrome("• Header compression"),
        "a short item in notes is the author's point");
    assertTrue(SentenceShape.subLabel("Recommendations"));
    assertFalse(SentenceShape.subLabel("YouTube"), "a link's label heads nothing");
    assertFalse(SentenceShape.chrome("• 2500 people"));
    assertFalse(
        SentenceShape.chrome("• Kubernetes Operators Are Everywhere Now"),
        "a longer item is a note");
    assertFalse(SentenceShape.chrome("2500 people"));
    assertFalse(SentenceShape.chrome("Every state in the US"));
    assertFalse(SentenceShape.chrome("It works."));
    assertFalse(SentenceShape.chrome("• Book - The Frugal Architect"));
    assertFalse(
        SentenceShape.chrome("Aparna Sinha (PM at Google) gets on stage to talk about K8s 1.6."));
  }

  @Test
  void sentencesThatLeanBackOrIntroduce() {
    assertTrue(SentenceShape.leansBack("He talks about growing users 10x."));
    assertTrue(SentenceShape.leansBack("• This means fewer pages."));
    assertFalse(SentenceShape.leansBack("Helm is a package manager."));
    assertFalse(SentenceShape.leansBack("Thesis: none."));
    assertTrue(SentenceShape.introduces("Dominant areas seem to be:"));
  }

  @Test
  void sentencesSplitPerLineAndKeepAbbreviations() {
    assertEquals(
        List.of(
            "speaker: Thomas J. Fan",
            "J. R. Example wrote it.",
            "It ships in plan B.",
            "Then stop."),
        Sentences.split(
                "speaker: Thomas J. Fan\nJ. R. Example wrote it.\nIt ships in plan B. Then stop.")
            .stream()
            .map(Sentences.Span::text)
            .toList(),
        "a middle initial does not end a sentence");
    List<Sentences.Span> spans = Sentences.split("Use e.g. Helm here. Then stop.\n• An item");
    assertEquals(
        List.of("Use e.g. Helm here.", "Then stop.", "• An item"),
        spans.stream().map(Sentences.Span::text).toList());
    assertEquals(0, spans.get(0).start());
  }

  @Test
  void punctuationInsideAParenthesisEndsNoSentence() {
    assertEquals(
        List.of("They run 1M (one million!) VMs a day.", "Next."),
        Sentences.split("They run 1M (one million!) VMs a day. Next.").stream()
            .map(Sentences.Span::text)
            .toList());
    assertEquals(
        List.of("Resource use (CPU? memory?) climbs first.", "Then latency."),
        Sentences.split("Resource use (CPU? memory?) climbs first. Then latency.").stream()
            .map(Sentences.Span::text)
            .toList());
    assertEquals(
        List.of("An open (paren here. It closes never."),
        Sentences.split("An open (paren here. It closes never.").stream()
            .map(Sentences.Span::text)
            .toList(),
        "a parenthesis still open glues the line, up to the cap");
    String longLine = "An open (paren " + "word ".repeat(70) + "here. It closes never.";
    assertEquals(
        2, Sentences.split(longLine).size(), "past the cap the sentence rules decide again");
  }
}
