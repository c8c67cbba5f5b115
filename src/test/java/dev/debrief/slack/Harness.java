package dev.debrief.slack;

import com.google.gson.JsonObject;
import dev.debrief.answer.Answerer;
import dev.debrief.cli.SlackWiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import dev.debrief.state.FileStateStore;
import dev.debrief.state.StateStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: a fake Slack plus a running {@link SlackServer} in HTTP mode, and a signing client.
 */
final class Harness implements AutoCloseable {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  final FakeSlack slack;
  final SlackServer server;

  /** Makes {@link #server} and owns its executors ({@link #close()} stops both). */
  final SlackWiring wiring = new SlackWiring();

  final DebriefConfig config;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final SignatureVerifier signer = new SignatureVerifier(SECRET, Clock.systemUTC());
  private final boolean ownsSlack;
  private final AtomicInteger ids = new AtomicInteger();

  Harness(Answerer answerer, ReportCatalog catalog, Path dir) throws IOException {
    this(answerer, catalog, dir, new FakeSlack());
  }

  Harness(Answerer answerer, ReportCatalog catalog, Path dir, FakeSlack slack) {
    this(answerer, catalog, dir, slack, s -> {});
  }

  /**
   * @param setup configures the server before it starts (intake, signed links)
   */
  Harness(
      Answerer answerer,
      ReportCatalog catalog,
      Path dir,
      FakeSlack slack,
      java.util.function.Consumer<SlackServer> setup) {
    this(answerer, catalog, dir, slack, setup, true, true);
  }

  /**
   * Like the other constructors; with {@code start} false the caller starts {@link #server} itself.
   */
  Harness(
      Answerer answerer,
      ReportCatalog catalog,
      Path dir,
      FakeSlack slack,
      java.util.function.Consumer<SlackServer> setup,
      boolean ownsSlack) {
    this(answerer, catalog, dir, slack, setup, ownsSlack, true);
  }

  /**
   * A server whose state (event claims, answers in progress, thread memory) is a {@code
   * FileStateStore} in {@code dir/slack-state}: a second harness on the same folder after {@link
   * #close()} is the same bot restarted.
   *
   * @param ownsSlack whether {@link #close()} also stops the fake Slack (false: a restart keeps it)
   * @param start whether to start the server now
   */
  Harness(
      Answerer answerer,
      ReportCatalog catalog,
      Path dir,
      FakeSlack slack,
      java.util.function.Consumer<SlackServer> setup,
      boolean ownsSlack,
      boolean start) {
    this(answerer, catalog, dir, slack, setup, ownsSlack, start, Clock.systemUTC(), null);
  }

  /**
   * One of several replicas of one Slack app: its own Bolt app and port, the fake Slack shared (not
   * stopped by {@link #close()}), its state in {@code state} (the SolrCloud state collection every
   * replica shares), time from {@code clock}. Started at once.
   */
  static Harness replica(
      Answerer answerer,
      ReportCatalog catalog,
      Path dir,
      FakeSlack slack,
      Clock clock,
      StateStore state,
      java.util.function.Consumer<SlackServer> setup) {
    return new Harness(answerer, catalog, dir, slack, setup, false, true, clock, state);
  }

  private Harness(
      Answerer answerer,
      ReportCatalog catalog,
      Path dir,
      FakeSlack slack,
      java.util.function.Consumer<SlackServer> setup,
      boolean ownsSlack,
      boolean start,
      Clock clock,
      StateStore state) {
    this.slack = slack;
    this.ownsSlack = ownsSlack;
    config = DebriefConfig.defaults();
    config.web.publicBaseUrl = "http://viewer.test";
    config.slack.feedbackLog = dir.resolve("feedback.jsonl").toString();
    config.digest.subscriptionsFile = dir.resolve("subscriptions.json").toString();
    config.slack.stateDir = dir.resolve("slack-state").toString();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    server =
        wiring
            .server(
                answerer, catalog, config, env, clock, new SlackServerOptions("127.0.0.1", 0, 4))
            .withStateStore(
                state != null ? state : new FileStateStore(Path.of(config.slack.stateDir), clock));
    setup.accept(server);
    if (start) {
      server.start();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  HttpResponse<String> postSigned(String body, String contentType, Map<String, String> extraHeaders)
      throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    return postRaw(bytes, contentType, ts, signer.sign(ts, bytes), extraHeaders);
  }

  HttpResponse<String> postRaw(
      byte[] body,
      String contentType,
      String ts,
      String signature,
      Map<String, String> extraHeaders)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url("/slack/events")))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (ts != null) b.header("X-Slack-Request-Timestamp", ts);
    if (signature != null) b.header("X-Slack-Signature", signature);
    extraHeaders.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts an event_callback; returns the HTTP status. */
  int event(String eventId, JsonObject event, Map<String, String> headers) throws Exception {
    return postSigned(envelope(eventId, event), "application/json", headers).statusCode();
  }

  /** The Events API envelope ({@code event_callback}) of one event, as Slack posts it. */
  static String envelope(String eventId, JsonObject event) {
    JsonObject env = new JsonObject();
    env.addProperty("token", "legacy");
    env.addProperty("team_id", "T0FAKE");
    env.addProperty("api_app_id", "A0DEBRIEF");
    env.add("event", event);
    env.addProperty("type", "event_callback");
    env.addProperty("event_id", eventId);
    env.addProperty("event_time", System.currentTimeMillis() / 1000);
    return env.toString();
  }

  int event(String eventId, JsonObject event) throws Exception {
    return event(eventId, event, Map.of());
  }

  static JsonObject mention(String channel, String ts, String threadTs, String user, String text) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "app_mention");
    e.addProperty("user", user);
    e.addProperty("text", text);
    e.addProperty("ts", ts);
    e.addProperty("channel", channel);
    e.addProperty("event_ts", ts);
    if (threadTs != null) e.addProperty("thread_ts", threadTs);
    return e;
  }

  static JsonObject message(
      String channel, String channelType, String ts, String threadTs, String user, String text) {
    JsonObject e = new JsonObject();
    e.addProperty("type", "message");
    e.addProperty("channel_type", channelType);
    if (user != null) e.addProperty("user", user);
    if (text != null) e.addProperty("text", text);
    e.addProperty("ts", ts);
    e.addProperty("channel", channel);
    e.addProperty("event_ts", ts);
    if (threadTs != null) e.addProperty("thread_ts", threadTs);
    return e;
  }

  /** Posts a slash command; returns the response. */
  HttpResponse<String> command(String command, String text, String channel, String responseId)
      throws Exception {
    return command(command, text, channel, responseId, "UASKER");
  }

  /** Posts a slash command typed by {@code user}; returns the response. */
  HttpResponse<String> command(
      String command, String text, String channel, String responseId, String user)
      throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", "legacy");
    f.put("team_id", "T0FAKE");
    f.put("team_domain", "fake");
    f.put("channel_id", channel);
    f.put("channel_name", "general");
    f.put("user_id", user);
    f.put("user_name", "asker");
    f.put("command", command);
    f.put("text", text);
    f.put("api_app_id", "A0DEBRIEF");
    f.put("response_url", slack.responseUrl(responseId));
    f.put("trigger_id", "1.2.3");
    return postSigned(form(f), "application/x-www-form-urlencoded", Map.of());
  }

  /** Clicks a button; returns the HTTP status. */
  int click(String actionId, String value, String channel, String responseId) throws Exception {
    JsonObject p = new JsonObject();
    p.addProperty("type", "block_actions");
    JsonObject team = new JsonObject();
    team.addProperty("id", "T0FAKE");
    p.add("team", team);
    JsonObject user = new JsonObject();
    user.addProperty("id", "UCLICKER");
    p.add("user", user);
    p.addProperty("api_app_id", "A0DEBRIEF");
    p.addProperty("token", "legacy");
    JsonObject ch = new JsonObject();
    ch.addProperty("id", channel);
    p.add("channel", ch);
    p.addProperty("response_url", slack.responseUrl(responseId));
    p.addProperty("trigger_id", "1.2.4");
    com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
    JsonObject a = new JsonObject();
    a.addProperty("action_id", actionId);
    a.addProperty("block_id", "debrief_answer_actions");
    a.addProperty("value", value);
    a.addProperty("type", "button");
    a.addProperty("action_ts", "1.2");
    actions.add(a);
    p.add("actions", actions);
    return postSigned(
            form(Map.of("payload", p.toString())), "application/x-www-form-urlencoded", Map.of())
        .statusCode();
  }

  static String form(Map<String, String> f) {
    StringBuilder b = new StringBuilder();
    f.forEach(
        (k, v) -> {
          if (b.length() > 0) b.append('&');
          b.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return b.toString();
  }

  String nextEventId() {
    return "Ev" + ids.incrementAndGet();
  }

  void idle() throws InterruptedException {
    if (!server.awaitIdle(Duration.ofSeconds(60))) {
      throw new AssertionError("work did not finish");
    }
  }

  @Override
  public void close() {
    wiring.close();
    if (ownsSlack) {
      slack.close();
    }
  }
}
