package dev.debrief.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvidenceTest {
  @Test
  void normalizesEntitiesLinksCaseAndPunctuation() {
    assertEquals(
        "bookthefrugalarchitect",
        Evidence.normalize("Book - \"[The Frugal Architect](https://x.y/)\""));
    assertEquals("atts", Evidence.normalize("AT&amp;T&#39;s"));
  }

  @Test
  void holdsAcrossLineBreaksAndMarkup() {
    assertTrue(
        Evidence.holds("Kubelet ->\nCRI shim -> containerd", "Kubelet -> CRI shim -> containerd"));
    assertFalse(Evidence.holds("Kubelet -> CRI", "containerd"));
    assertFalse(Evidence.holds("anything", "!!!"));
  }
}
