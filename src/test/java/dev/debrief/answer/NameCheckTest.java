package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Literal inputs for {@link NameCheck#revisionIn}. */
class NameCheckTest {
  @Test
  void aPaperNumberIsFoundByItsRevision() {
    assertTrue(NameCheck.revisionIn("P1234", "## P1234R3 Widgets for everyone"));
    assertTrue(NameCheck.revisionIn("p1234", "(see P1234R12)"), "either case");
    assertTrue(NameCheck.revisionIn("N4950", "draft N4950r1 was adopted"));
  }

  @Test
  void otherNumbersAreNot() {
    assertFalse(NameCheck.revisionIn("P1234", "P12345R3 is another paper"), "a longer number");
    assertFalse(NameCheck.revisionIn("P1234", "XP1234R3"), "inside a longer word");
    assertFalse(NameCheck.revisionIn("P1234", "P1234R3x"), "the revision runs on");
    assertFalse(NameCheck.revisionIn("Kubernetes", "KubernetesR2"), "no document number");
    assertFalse(NameCheck.revisionIn("P1234", "P1234 itself"), "no revision to find");
  }
}
