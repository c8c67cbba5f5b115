package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal passages cut into sentences. */
class SentencesTest {
  private static List<String> split(String text) {
    return Sentences.split(text).stream().map(Sentences.Span::text).toList();
  }

  @Test
  void anOrderedListItemKeepsItsNumber() {
    assertEquals(
        List.of(
            "My top list.",
            "1. Continuous Delivery with Containers",
            "2. Devops @Scale.",
            "It won."),
        split("My top list.\n1. Continuous Delivery with Containers\n2. Devops @Scale. It won."));
  }

  @Test
  void aNumberEndingASentenceStillEndsIt() {
    assertEquals(
        List.of("Tickets cost 300.", "Nobody complained."),
        split("Tickets cost 300. Nobody complained."));
  }
}
