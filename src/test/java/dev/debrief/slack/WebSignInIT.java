package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.Indexer;
import dev.debrief.metrics.Health;
import dev.debrief.metrics.Metrics;
import dev.debrief.testing.TestCorpus;
import dev.debrief.web.WebServer;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ask page with {@code web.auth: slack}: Sign in with Slack (OpenID Connect) against the fake
 * Slack's authorize page, {@code openid.connect.token} and {@code openid.connect.userInfo};
 * answers, the library and the viewer then include the reports restricted to the person's channels,
 * and only those.
 */
class WebSignInIT {
  static final String FALCON =
      """
      ---
      title: Project Falcon budget review
      event: Internal offsite 2024
      date: 2024-05-02
      channels: [CPRIV]
      ---
      # Project Falcon budget review

      ## Budget

      The Falcon migration budget was approved at 340 thousand euros for the second half, with a review of the
      vendor contract in October.
      """;

  @TempDir Path tmp;
  FakeSlack slack;
  Wiring wiring;
  WebServer web;
  String base;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    slack.members.put("CPRIV", List.of("UANA"));
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    Files.writeString(docs.resolve("falcon.md"), FALCON);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    DebriefConfig config = DebriefConfig.defaults();
    config.web.auth = "slack";
    config.web.publicBaseUrl = base;
    Map<String, String> env =
        Map.of(
            "SLACK_API_URL",
            slack.apiUrl(),
            "SLACK_CLIENT_ID",
            FakeSlack.CLIENT_ID,
            "SLACK_CLIENT_SECRET",
            FakeSlack.CLIENT_SECRET,
            "SLACK_BOT_TOKEN",
            FakeSlack.BOT_TOKEN,
            "DEBRIEF_LINK_SECRET",
            "a-link-secret-of-at-least-thirty-two-bytes");
    wiring = new Wiring(config, tmp.resolve("index"), Clock.systemUTC()).withEnv(env);
    assertEquals(
        4, wiring.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE).added());
    SlackSignIn signIn = SlackSignIn.fromEnv(env, new Metrics());
    web =
        new WebServer(
                wiring.catalog(),
                base,
                wiring.signedLinks(),
                new Metrics(),
                () -> new Health(true, "ok"),
                null,
                "127.0.0.1",
                port)
            .withAsk(wiring.askSite(signIn, signIn.membership()));
    web.start();
  }

  @AfterEach
  void stop() {
    if (web != null) web.stop();
    if (wiring != null) wiring.close();
    if (slack != null) slack.close();
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private Document get(HttpClient client, String path) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    Document d = Jsoup.parse(r.body());
    d.attr("status", Integer.toString(r.statusCode()));
    return d;
  }

  private Document signedIn(String userId, String name) throws Exception {
    slack.signInAs.clear();
    slack.signInAs.put(userId, name);
    HttpClient client = browser();
    clients.put(userId, client);
    return get(client, "/login");
  }

  private final Map<String, HttpClient> clients = new java.util.HashMap<>();

  private static String q(String s) {
    return "/ask?q=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void withoutASessionEveryPageAsksToSignIn() throws Exception {
    HttpClient anonymous = browser();
    for (String path : List.of("/", q("what is the falcon budget?"), "/reports")) {
      Document d = get(anonymous, path);
      assertEquals("Sign in with Slack", d.select("#sign-in-with-slack").text(), path);
      assertTrue(d.select("#answer").isEmpty(), path);
    }
    assertTrue(slack.calls("openid.connect.token").isEmpty());
  }

  @Test
  void aMemberSignsInAndGetsTheChannelsReportsAndANonMemberDoesNot() throws Exception {
    Document home = signedIn("UANA", "Ana Lima");
    assertEquals("Signed in as Ana Lima · Sign out", home.select("#signed-in").text());
    assertEquals(1, slack.calls("openid.connect.token").size());
    assertEquals(
        FakeSlack.CLIENT_ID, slack.calls("openid.connect.token").get(0).params().get("client_id"));
    assertEquals(
        base + "/auth/slack/callback",
        slack.calls("openid.connect.token").get(0).params().get("redirect_uri"));
    HttpClient ana = clients.get("UANA");
    Document answer = get(ana, q("what budget was approved for the Falcon migration?"));
    assertEquals(
        "Project Falcon budget review — Budget",
        answer.select("#sources li a.source-link").first().text());
    String falconLink = answer.select("#sources li a.source-link").first().attr("href");
    assertEquals("200", get(ana, falconLink).attr("status"));
    assertTrue(get(ana, "/reports").text().contains("Project Falcon budget review"));

    signedIn("UBEN", "Ben Ode");
    HttpClient ben = clients.get("UBEN");
    Document benAnswer = get(ben, q("what budget was approved for the Falcon migration?"));
    assertFalse(
        benAnswer.select("#answer").text().contains("340 thousand"),
        benAnswer.select("#answer").text());
    assertEquals("403", get(ben, falconLink).attr("status"));
    assertFalse(get(ben, "/reports").text().contains("Project Falcon budget review"));
    assertTrue(get(ben, "/reports").text().contains("Storage panel notes"));
  }

  @Test
  void aCancelledOrForgedSignInIsRefusedWithAReason() throws Exception {
    slack.signInAs.clear(); // the person presses Cancel
    HttpClient client = browser();
    Document cancelled = get(client, "/login");
    assertEquals("403", cancelled.attr("status"));
    assertEquals("Sign-in was cancelled", cancelled.select("#message").text());
    Document forged = get(browser(), "/auth/slack/callback?code=code-1&state=deadbeef");
    assertEquals("400", forged.attr("status"));
    assertEquals("Sign-in expired", forged.select("#message").text());
    assertTrue(
        slack.calls("openid.connect.token").isEmpty(),
        "no code is exchanged without the state cookie");
  }
}
