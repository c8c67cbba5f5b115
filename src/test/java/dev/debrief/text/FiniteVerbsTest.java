package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Finite verbs on literal text. */
class FiniteVerbsTest {
  @Test
  void finiteVerbs() {
    assertTrue(FiniteVerbs.hasFiniteVerb("The team ships a release every week"));
    assertTrue(FiniteVerbs.hasFiniteVerb("Latency dropped after the upgrade"));
    assertTrue(FiniteVerbs.hasFiniteVerb("Acme Queue is now generally available"));
    assertTrue(FiniteVerbs.hasFiniteVerb("Maria wrote the first scheduler"));
    assertFalse(FiniteVerbs.hasFiniteVerb("The present and future of serverless observability"));
    assertFalse(FiniteVerbs.hasFiniteVerb("Lessons from ten years of upgrades"));
  }
}
