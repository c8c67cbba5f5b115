package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.SlackWiring;
import dev.debrief.config.DebriefConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-up: secrets only from the environment, one clear line on a missing or invalid token, never
 * a secret.
 */
class SlackStartupTest {
  private static SlackStartupException fail(Map<String, String> env) {
    try (SlackWiring wiring = new SlackWiring()) {
      SlackServer s =
          wiring.server(
              new Fixtures.ScriptedAnswerer(),
              new Fixtures.Catalog(),
              DebriefConfig.defaults(),
              env,
              Clock.systemUTC(),
              new SlackServerOptions("127.0.0.1", 0, 1));
      return assertThrows(SlackStartupException.class, s::start);
    }
  }

  private static void oneLine(SlackStartupException e, String... secrets) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    for (String s : secrets) {
      assertFalse(e.getMessage().contains(s), "secret leaked: " + e.getMessage());
    }
  }

  @Test
  void missingOrMalformedTokens() {
    SlackStartupException noBot = fail(Map.of("SLACK_SIGNING_SECRET", "s3cr3t"));
    assertTrue(noBot.getMessage().startsWith("SLACK_BOT_TOKEN is not set"), noBot.getMessage());
    oneLine(noBot, "s3cr3t");
    SlackStartupException wrongKind =
        fail(Map.of("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_SIGNING_SECRET", "s"));
    assertTrue(wrongKind.getMessage().contains("must start with xoxb-"), wrongKind.getMessage());
    oneLine(wrongKind, "xoxp-user-token");
    SlackStartupException noMode = fail(Map.of("SLACK_BOT_TOKEN", "xoxb-abc"));
    assertTrue(
        noMode.getMessage().contains("SLACK_SIGNING_SECRET")
            && noMode.getMessage().contains("SLACK_APP_TOKEN"));
    oneLine(noMode, "xoxb-abc");
    SlackStartupException badApp =
        fail(Map.of("SLACK_BOT_TOKEN", "xoxb-abc", "SLACK_APP_TOKEN", "xoxb-not-app"));
    assertTrue(badApp.getMessage().contains("xapp-"), badApp.getMessage());
    oneLine(badApp, "xoxb-not-app", "xoxb-abc");
  }

  @Test
  void invalidTokenFailsWithOneClearLine() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Map<String, String> env = new HashMap<>();
      env.put("SLACK_BOT_TOKEN", "xoxb-wrong-token-42");
      env.put("SLACK_SIGNING_SECRET", "topsecret");
      env.put("SLACK_API_URL", slack.apiUrl());
      SlackStartupException e = fail(env);
      assertTrue(
          e.getMessage().startsWith("Slack rejected SLACK_BOT_TOKEN (auth.test: invalid_auth)"),
          e.getMessage());
      oneLine(e, "xoxb-wrong-token-42", "topsecret");
      assertEquals(1, slack.allCalls("auth.test").size());
    }
  }

  @Test
  void aRefusedAppTokenIsNamed() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      SlackStartupException e =
          fail(
              Map.of(
                  "SLACK_BOT_TOKEN",
                  FakeSlack.BOT_TOKEN,
                  "SLACK_APP_TOKEN",
                  "xapp-1-wrong-token",
                  "SLACK_API_URL",
                  slack.apiUrl()));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "Slack rejected SLACK_APP_TOKEN (apps.connections.open: invalid_auth); use"
                      + " the app-level token (xapp-...) with the connections:write scope"),
          e.getMessage());
      oneLine(e, "xapp-1-wrong-token", FakeSlack.BOT_TOKEN);
    }
  }

  @Test
  void withoutAnySlackVariableServeRunsTheWebSideOnly() {
    assertTrue(SlackEnv.noneSet(Map.of("PORT", "3000", "SLACK_API_URL", "https://slack.com/api/")));
    assertFalse(SlackEnv.noneSet(Map.of("SLACK_APP_TOKEN", "xapp-1")));
    assertFalse(
        SlackEnv.noneSet(Map.of("SLACK_SIGNING_SECRET", "s")),
        "a half-configured Slack app is an error that names the missing variable, not a silent web-only start");
  }

  @Test
  void unreachableSlackFailsClearly() {
    SlackStartupException e =
        fail(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-abc",
                "SLACK_SIGNING_SECRET",
                "s",
                "SLACK_API_URL",
                "http://127.0.0.1:1/api/"));
    assertTrue(e.getMessage().contains("auth.test: network error"), e.getMessage());
    oneLine(e, "xoxb-abc");
  }

  @Test
  void envToStringRedactsSecrets() {
    SlackEnv env =
        SlackEnv.from(
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-123-secret",
                "SLACK_SIGNING_SECRET",
                "sig-secret",
                "SLACK_APP_TOKEN",
                "xapp-1-secret",
                "SLACK_API_URL",
                "https://slack-gov.example/api"));
    assertEquals(SlackEnv.Mode.SOCKET, env.mode());
    assertEquals("https://slack-gov.example/api/", env.apiUrl());
    String s = env.toString();
    assertFalse(s.contains("secret"), s);
  }
}
