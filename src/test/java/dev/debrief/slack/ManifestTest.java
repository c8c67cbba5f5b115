package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** config/slack-manifest.yml declares what the code listens to. */
class ManifestTest {
  @Test
  @SuppressWarnings("unchecked")
  void manifestMatchesTheListeners() throws Exception {
    Map<String, Object> m = new Yaml().load(Files.readString(Path.of("config/slack-manifest.yml")));
    Map<String, Object> features = (Map<String, Object>) m.get("features");
    List<Map<String, Object>> commands = (List<Map<String, Object>>) features.get("slash_commands");
    assertEquals(
        List.of("/debrief", "/digest"), commands.stream().map(c -> c.get("command")).toList());
    assertTrue(commands.stream().allMatch(c -> c.get("url").toString().endsWith("/slack/events")));
    assertEquals(true, ((Map<String, Object>) features.get("app_home")).get("home_tab_enabled"));
    Map<String, Object> settings = (Map<String, Object>) m.get("settings");
    Map<String, Object> events = (Map<String, Object>) settings.get("event_subscriptions");
    assertTrue(events.get("request_url").toString().endsWith("/slack/events"));
    assertTrue(
        ((List<String>) events.get("bot_events"))
            .containsAll(
                List.of(
                    "app_mention",
                    "app_home_opened",
                    "message.im",
                    "message.channels",
                    "message.groups")));
    assertEquals(true, ((Map<String, Object>) settings.get("interactivity")).get("is_enabled"));
    List<String> scopes =
        (List<String>)
            ((Map<String, Object>) ((Map<String, Object>) m.get("oauth_config")).get("scopes"))
                .get("bot");
    assertTrue(
        scopes.containsAll(
            List.of(
                "app_mentions:read",
                "chat:write",
                "commands",
                "im:history",
                "channels:history",
                "groups:history")));
  }
}
