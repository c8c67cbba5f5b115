package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text toolkit: stop lists, words, stripEnd, extensions, dot product. */
class ToolkitTest {
  @Test
  void eachStopListIsTheBasePlusItsOwnAddition() {
    assertEquals(121, StopWords.BASE.size());
    assertEquals(350, StopWords.TOPIC.size(), "the digest's list as it was");
    assertEquals(139, StopWords.CLAIM.size(), "citation verification's list as it was");
    assertTrue(
        StopWords.TOPIC.containsAll(StopWords.BASE) && StopWords.CLAIM.containsAll(StopWords.BASE));
    assertTrue(StopWords.TOPIC.contains("folks") && !StopWords.CLAIM.contains("folks"));
    assertTrue(StopWords.CLAIM.contains("according") && !StopWords.TOPIC.contains("according"));
  }

  @Test
  void wordsKeepInnerPunctuationAndFoldMakesAKey() {
    assertEquals(
        List.of("c++", "and", "node.js", "on-call", "1.6"),
        Tokens.words("C++ and Node.js, on-call 1.6!"));
    assertEquals("key takeaways", Tokens.fold("  Key — Takeaways: "));
  }

  @Test
  void stripEndRemovesTheClosingPunctuationRun() {
    assertEquals("It scales", Sentences.stripEnd(" It scales. ! "));
    assertEquals("", Sentences.stripEnd("?!"));
  }

  @Test
  void extensionsAreOneList() {
    assertEquals(
        ".md, .markdown, .html, .htm, .txt, .rst, .pdf, .docx, .pptx, .odt, .epub",
        ReportExtensions.FOR_MESSAGES);
  }

  @Test
  void dotRefusesVectorsOfDifferentLengths() {
    assertEquals(0.5, Vectors.dot(new float[] {1, 0}, new float[] {0.5f, 3}), 1e-12);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Vectors.dot(new float[] {1, 0}, new float[] {1, 0, 0}));
    assertEquals("vector lengths differ: 2 vs 3", e.getMessage());
  }
}
