package dev.debrief.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answer provider ids parse exactly and a bad one is named. */
class AnswerProviderTest {
  @Test
  void idsParseAndABadValueIsNamed() {
    assertEquals(List.of("extractive", "openai", "anthropic", "gemini"), AnswerProvider.ids());
    assertEquals(AnswerProvider.GEMINI, AnswerProvider.parse("gemini"));
    assertTrue(AnswerProvider.EXTRACTIVE.is("extractive"));
    assertFalse(AnswerProvider.EXTRACTIVE.isLlm());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AnswerProvider.parse("OpenAI"));
    assertEquals(
        "unknown answer provider \"OpenAI\"; use one of [extractive, openai, anthropic, gemini]",
        e.getMessage());
  }
}
