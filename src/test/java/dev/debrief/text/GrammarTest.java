package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grammatical cues on literal text. */
class GrammarTest {
  @Test
  void finiteVerbs() {
    assertTrue(Grammar.hasFiniteVerb("The team ships a release every week"));
    assertTrue(Grammar.hasFiniteVerb("Latency dropped after the upgrade"));
    assertTrue(Grammar.hasFiniteVerb("Acme Queue is now generally available"));
    assertTrue(Grammar.hasFiniteVerb("Maria wrote the first scheduler"));
    assertFalse(Grammar.hasFiniteVerb("The present and future of serverless observability"));
    assertFalse(Grammar.hasFiniteVerb("Lessons from ten years of upgrades"));
  }

  @Test
  void verbFirstOpenings() {
    assertTrue(Grammar.opensWithVerb("Supports five regions"));
    assertTrue(Grammar.opensWithVerb("Talked about retries and backoff"));
    assertTrue(Grammar.opensWithVerb("Presented by Maria Okafor"));
    assertFalse(
        Grammar.opensWithVerb("Measure latency before tuning"),
        "advice in the base form reads on its own");
    assertFalse(Grammar.opensWithVerb("Grants are scoped to one bucket"), "a plural noun subject");
  }

  @Test
  void bulletsAndAnnouncements() {
    assertEquals("Start a mentoring rota", Grammar.stripBullet("• [ ] Start a mentoring rota"));
    assertEquals("second point", Grammar.stripBullet("  2) second point"));
    assertTrue(Grammar.isBullet("- a note"));
    assertFalse(Grammar.isBullet("-1 is an error code"));
    assertTrue(Grammar.announces("• Announcing Acme Queue 2"));
    assertFalse(Grammar.announces("The announcement came late"));
  }
}
