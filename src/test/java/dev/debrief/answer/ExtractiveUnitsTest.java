package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveUnitsTest {
  @Test
  void citationMarkerGoesBeforeTheFinalPeriod() {
    assertEquals("It scales [1].", ExtractiveComposer.cite("It scales.", 1));
    assertEquals("Does it scale? [2]", ExtractiveComposer.cite("Does it scale?", 2));
    assertEquals("Wait... [3]", ExtractiveComposer.cite("Wait...", 3));
    assertEquals("Book - The Frugal Architect [4].", ExtractiveComposer.cite("Book - The Frugal Architect", 4));
  }

  @Test
  void bulletsAndNumbersAreStripped() {
    assertEquals("Networking", ExtractiveComposer.clean("• Networking"));
    assertEquals("Second item", ExtractiveComposer.clean("2) Second item"));
    assertEquals("-5 degrees", ExtractiveComposer.clean("-5 degrees"));
  }

  @Test
  void headingLikeLinesAreRecognised() {
    assertTrue(ExtractiveComposer.looksLikeHeading("The Future of the PSF"));
    assertFalse(ExtractiveComposer.looksLikeHeading("• Book - The Frugal Architect"));
    assertFalse(ExtractiveComposer.looksLikeHeading("It works."));
  }

  @Test
  void aShortSentenceTakesTheOneThatContinuesIt() {
    List<Sentences.Span> spans = Sentences.split("Joe Beda gets on stage. He talks about growing users 10x. Then lunch.");
    assertEquals("Joe Beda gets on stage. He talks about growing users 10x.",
        ExtractiveComposer.unit(spans, 0).text());
  }

  @Test
  void aColonTakesTheItemsItIntroduces() {
    List<Sentences.Span> spans = Sentences.split("Dominant areas seem to be:\n• Setup\n• Networking\n• Monitoring\n\nOther text.");
    assertEquals("Dominant areas seem to be: Setup; Networking; Monitoring; Other text.",
        ExtractiveComposer.unit(spans, 0).text());
  }

  @Test
  void statLinesGroupIntoOneUnit() {
    List<Sentences.Span> spans = Sentences.split("2500 people\nEvery state in the US\n20%+ women\n\nA long sentence follows here.");
    assertEquals("2500 people; Every state in the US; 20%+ women", ExtractiveComposer.unit(spans, 0).text());
  }

  @Test
  void sentencesSplitPerLineAndKeepAbbreviations() {
    List<Sentences.Span> spans = Sentences.split("Use e.g. Helm here. Then stop.\n• An item");
    assertEquals(List.of("Use e.g. Helm here.", "Then stop.", "• An item"),
        spans.stream().map(Sentences.Span::text).toList());
    assertEquals(0, spans.get(0).start());
  }
}
