package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/slack.md and config/slack-manifest.yml tell the same story: the manifest is the one source
 * of the request URLs (all on one host, all {@code /slack/events}, as many as the doc says), and
 * every bot event and scope it asks for is explained in the doc or the manifest's own comments.
 */
class SlackSetupDocsTest {
  static final Path MANIFEST = Path.of("config/slack-manifest.yml");
  static final Path DOC = Path.of("docs/slack.md");
  static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six");

  @SuppressWarnings("unchecked")
  static <T> T at(Map<String, Object> map, String... path) {
    Object o = map;
    for (String p : path) {
      o = ((Map<String, Object>) o).get(p);
    }
    return (T) o;
  }

  @Test
  void theManifestIsTheOneSourceOfTheRequestUrlsAndTheDocCountsThem() throws Exception {
    Map<String, Object> m = new Yaml().load(Files.readString(MANIFEST));
    List<String> urls = new ArrayList<>();
    List<Map<String, Object>> commands = at(m, "features", "slash_commands");
    for (Map<String, Object> c : commands) {
      urls.add((String) c.get("url"));
    }
    urls.add(at(m, "settings", "event_subscriptions", "request_url"));
    urls.add(at(m, "settings", "interactivity", "request_url"));
    assertEquals(
        List.of("https://debrief.example.com/slack/events"), urls.stream().distinct().toList());
    List<String> redirects = at(m, "oauth_config", "redirect_urls");
    assertEquals(List.of("https://debrief.example.com/auth/slack/callback"), redirects);
    String doc = Files.readString(DOC);
    String count = NUMBERS.get(urls.size());
    assertTrue(
        doc.contains("in all " + count + " request URLs"),
        "docs/slack.md says how many request URLs: " + count);
    assertTrue(Files.readString(MANIFEST).contains("in all " + count + " request URLs"));
    assertTrue(doc.contains("the one redirect URL (`…/auth/slack/callback`"));
    assertTrue(
        doc.contains("`https://debrief.example.com`"),
        "the doc names the placeholder the manifest uses");
  }

  @Test
  void everyBotEventAndScopeIsExplained() throws Exception {
    Map<String, Object> m = new Yaml().load(Files.readString(MANIFEST));
    String doc = Files.readString(DOC);
    String manifest = Files.readString(MANIFEST);
    List<String> events = at(m, "settings", "event_subscriptions", "bot_events");
    assertTrue(
        events.containsAll(
            List.of(
                "app_mention", "message.im", "message.channels", "message.groups", "message.mpim")),
        events.toString());
    for (String e : events) {
      assertTrue(
          manifest.matches("(?s).*- " + java.util.regex.Pattern.quote(e) + " +# \\S.*"),
          "event " + e + " has a comment saying what it is for");
    }
    assertTrue(doc.contains("`message.mpim`"), "the doc explains group DMs");
    List<String> scopes = at(m, "oauth_config", "scopes", "bot");
    assertTrue(scopes.containsAll(List.of("mpim:history", "mpim:read")), scopes.toString());
    for (String s : scopes) {
      assertTrue(
          manifest.matches("(?s).*- " + java.util.regex.Pattern.quote(s) + " +# \\S.*"),
          "scope " + s + " has a comment saying what it is for");
    }
  }

  @Test
  void theStepsComeInTheOrderSlackNeedsThem() throws Exception {
    String doc = Files.readString(DOC);
    String http = doc.substring(doc.indexOf("## 1. HTTP mode"), doc.indexOf("## 2. Socket Mode"));
    int create = http.indexOf("Create New App");
    int install = http.indexOf("Install to Workspace");
    int serve = http.indexOf("serve --port");
    int verify = http.indexOf("Verified");
    assertTrue(
        create > 0 && create < install && install < serve && serve < verify,
        "HTTP mode: create, install, start serve, then verify the request URL");
    String socket = doc.substring(doc.indexOf("## 2. Socket Mode"), doc.indexOf("## 3. Try it"));
    int enable = socket.indexOf("socket_mode_enabled: true");
    int appToken = socket.indexOf("connections:write");
    int sInstall = socket.indexOf("Install to Workspace");
    int sServe = socket.indexOf("serve --port");
    assertTrue(
        enable > 0
            && enable < socket.indexOf("Create New App")
            && appToken < sInstall
            && sInstall < sServe,
        "Socket Mode: enable it in the manifest, create, app-level token, install, then serve");
  }
}
