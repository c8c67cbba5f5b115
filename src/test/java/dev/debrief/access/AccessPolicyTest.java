package dev.debrief.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.ReportMeta;
import dev.debrief.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
  final List<String> lookups = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final Map<String, Set<String>> members =
      new java.util.HashMap<>(
          Map.of(
              "CPRIV", Set.of("UANA", "UBEN"),
              "COPS", Set.of("UCHEN")));
  final AccessPolicy policy =
      new AccessPolicy(
          () -> List.of("COPS", "CPRIV", "CPRIV", "CBROKEN"),
          channel -> {
            lookups.add(channel);
            if (channel.equals("CBROKEN")) {
              throw new IOException("ratelimited");
            }
            return members.getOrDefault(channel, Set.of());
          },
          clock,
          Duration.ofSeconds(60),
          warnings::add);

  @Test
  void inAChannelOnlyThatChannel() {
    assertEquals(List.of("CGENERAL"), policy.allowedChannels("CGENERAL", "UANA", false));
    assertEquals(List.of("CPRIV"), policy.allowedChannels("CPRIV", "UCHEN", false));
    assertEquals(List.of(), lookups, "channel questions need no membership lookups");
  }

  @Test
  void inADmTheChannelsTheAskerIsAMemberOf() {
    assertEquals(List.of("DANA", "CPRIV"), policy.allowedChannels("DANA", "UANA", true));
    assertEquals(List.of("DCHEN", "COPS"), policy.allowedChannels("DCHEN", "UCHEN", true));
    assertEquals(
        List.of("DZOE"),
        policy.allowedChannels("DZOE", "UZOE", true),
        "member of no restricted channel");
    assertEquals(
        List.of("CBROKEN", "COPS", "CPRIV"),
        lookups,
        "one lookup per channel, then cached (failures too)");
    assertEquals(
        List.of(
            "membership lookup for CBROKEN failed (IOException); treating askers as not members for 60 s"),
        warnings);
  }

  @Test
  void memberListsAreCachedBriefly() {
    policy.allowedChannels("DANA", "UANA", true);
    members.put("CPRIV", Set.of("UBEN")); // Ana left
    clock.advance(Duration.ofSeconds(59));
    assertEquals(
        List.of("DANA", "CPRIV"), policy.allowedChannels("DANA", "UANA", true), "still cached");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        List.of("DANA"), policy.allowedChannels("DANA", "UANA", true), "expired: looked up again");
    assertEquals(List.of("CBROKEN", "COPS", "CPRIV", "CBROKEN", "COPS", "CPRIV"), lookups);
  }

  @Test
  void permits() {
    ReportMeta open = new ReportMeta("Open", "", "", "", "", List.of(), List.of());
    ReportMeta priv = new ReportMeta("Private", "", "", "", "", List.of(), List.of("CPRIV"));
    assertTrue(AccessPolicy.permits(open, List.of()));
    assertTrue(AccessPolicy.permits(priv, null));
    assertTrue(AccessPolicy.permits(priv, List.of("DANA", "CPRIV")));
    assertFalse(AccessPolicy.permits(priv, List.of("CGENERAL")));
  }
}
