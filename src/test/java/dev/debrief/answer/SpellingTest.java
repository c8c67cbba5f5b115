package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpellingTest {
  @Test
  void oneLetterOffFromFiveLetters() {
    assertTrue(Spelling.variant("caeser", "caesar"));
    assertTrue(Spelling.variant("boykis", "boykiss"));
    assertTrue(Spelling.variant("hashicorp", "hashicrop"), "a transposition is one edit");
    assertFalse(Spelling.variant("joel", "joey"), "four letters are exact");
    assertFalse(Spelling.variant("caesar", "baesar"), "the first letter agrees");
    assertFalse(Spelling.variant("smith", "smyths"), "two edits on a five-letter word");
  }

  @Test
  void twoLettersOffFromNineLetters() {
    assertTrue(Spelling.variant("kubernetes", "kubernetees"));
    assertTrue(Spelling.variant("monitorama", "monitarama"));
    assertFalse(Spelling.variant("kubernetes", "kubernetxxx"));
  }

  @Test
  void digitsAreExact() {
    assertFalse(Spelling.variant("p3691", "p3692"));
    assertFalse(Spelling.holdsVariant(Set.of("kubernet", "19"), List.of("kubernet", "16")));
  }

  @Test
  void writtenTogetherOrApart() {
    assertTrue(Spelling.holdsVariant(Set.of("app", "sec", "talk"), List.of("appsec")));
    assertTrue(Spelling.holdsVariant(Set.of("appsec"), List.of("app", "sec")));
    assertFalse(
        Spelling.holdsVariant(Set.of("ap", "psec"), List.of("appsec")),
        "parts of three letters or more");
  }

  @Test
  void everyTermMustMatch() {
    assertTrue(Spelling.holdsVariant(Set.of("caesar", "palac"), List.of("caeser", "palac")));
    assertFalse(Spelling.holdsVariant(Set.of("caesar"), List.of("caeser", "palac")));
    assertFalse(Spelling.holdsVariant(Set.of("caesar"), List.of()));
  }

  @Test
  void distanceStopsAtTheLimit() {
    assertEquals(1, Spelling.distance("caeser", "caesar", 2));
    assertEquals(3, Spelling.distance("abcdef", "uvwxyz", 2));
  }
}
