package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grammatical cues on literal text. */
class GrammarTest {
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
    assertEquals("Start a mentoring rota", Bullets.stripBullet("• [ ] Start a mentoring rota"));
    assertEquals("second point", Bullets.stripBullet("  2) second point"));
    assertTrue(Bullets.isBullet("- a note"));
    assertFalse(Bullets.isBullet("-1 is an error code"));
    assertTrue(Grammar.announces("• Announcing Acme Queue 2"));
    assertFalse(Grammar.announces("The announcement came late"));
  }
}
