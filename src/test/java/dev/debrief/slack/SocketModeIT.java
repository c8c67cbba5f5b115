package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.cli.SlackWiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.testing.TestLogs;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * Socket Mode with Bolt's Java-WebSocket backend against a local WebSocket server that the fake
 * {@code apps.connections.open} hands out: envelopes are acked, re-deliveries answered once, a
 * server-sent {@code disconnect} and a dropped socket both lead to a new connection, and one live
 * connection remains.
 */
class SocketModeIT {
  /** Test fixture: a Socket Mode server on loopback. */
  static final class FakeSocketServer extends WebSocketServer {
    final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
    final List<String> received = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    FakeSocketServer() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      open.add(conn);
      opened.incrementAndGet();
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":"
              + open.size()
              + ",\"debug_info\":{\"host\":\"fake\"},"
              + "\"connection_info\":{\"app_id\":\"A0DEBRIEF\"}}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      open.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      // connections may be dropped on purpose
    }

    @Override
    public void onStart() {}

    WebSocket only() {
      assertEquals(1, open.size(), "exactly one live connection");
      return open.iterator().next();
    }

    boolean acked(String envelopeId) {
      return received.stream().anyMatch(m -> m.contains("\"envelope_id\":\"" + envelopeId + "\""));
    }
  }

  @TempDir Path dir;
  FakeSlack slack;
  FakeSocketServer ws;
  SlackServer server;
  SlackWiring wiring;
  Fixtures.ScriptedAnswerer answerer;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    ws = new FakeSocketServer();
    ws.start();
    await(() -> ws.getPort() > 0, "ws server bound");
    AtomicInteger n = new AtomicInteger();
    slack.socketUrl =
        () -> "ws://127.0.0.1:" + ws.getPort() + "/link/?ticket=" + n.incrementAndGet();
    answerer = new Fixtures.ScriptedAnswerer();
    DebriefConfig config = DebriefConfig.defaults();
    config.web.publicBaseUrl = "http://viewer.test";
    config.slack.feedbackLog = dir.resolve("feedback.jsonl").toString();
    wiring = new SlackWiring();
    server =
        wiring.server(
            answerer,
            new Fixtures.Catalog(Fixtures.report()),
            config,
            Map.of(
                "SLACK_BOT_TOKEN",
                FakeSlack.BOT_TOKEN,
                "SLACK_APP_TOKEN",
                FakeSlack.APP_TOKEN,
                "SLACK_API_URL",
                slack.apiUrl()),
            Clock.systemUTC(),
            new SlackServerOptions("127.0.0.1", 0, 2));
    server.session().socketCheckInterval(Duration.ofMillis(300));
    server.start();
    await(() -> ws.open.size() == 1, "first connection");
  }

  @AfterEach
  void stop() throws Exception {
    wiring.close();
    ws.stop(1000);
    slack.close();
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(20);
    }
  }

  static String envelope(
      String envelopeId, String eventId, String channel, String ts, int retryAttempt) {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", "legacy");
    payload.addProperty("team_id", "T0FAKE");
    payload.addProperty("api_app_id", "A0DEBRIEF");
    payload.add(
        "event", Harness.mention(channel, ts, null, "UASKER", "<@UDEBRIEF> what about storage?"));
    payload.addProperty("type", "event_callback");
    payload.addProperty("event_id", eventId);
    payload.addProperty("event_time", 1);
    JsonObject env = new JsonObject();
    env.addProperty("envelope_id", envelopeId);
    env.add("payload", payload);
    env.addProperty("type", "events_api");
    env.addProperty("accepts_response_payload", false);
    env.addProperty("retry_attempt", retryAttempt);
    env.addProperty("retry_reason", retryAttempt == 0 ? "" : "timeout");
    return env.toString();
  }

  private void sendAndWaitAck(
      String envelopeId, String eventId, String channel, String ts, int retry) throws Exception {
    ws.only().send(envelope(envelopeId, eventId, channel, ts, retry));
    await(() -> ws.acked(envelopeId), "ack of " + envelopeId);
    assertTrue(server.awaitIdle(Duration.ofSeconds(30)));
  }

  @Test
  void answersOnceAcrossRedeliveryDisconnectAndDroppedSocket() throws Exception {
    // (Bolt's SocketModeApp may issue a URL in its constructor and again on start; one socket is
    // opened.)
    int opensAtStart = slack.calls("apps.connections.open").size();
    assertEquals(1, ws.opened.get());
    sendAndWaitAck("env-1", "EvS1", "C1", "1.1", 0);
    assertEquals(1, slack.messagesIn("C1").size());
    assertTrue(slack.messagesIn("C1").get(0).blocks.contains("CSI drivers"));

    // Re-delivery of the same event with retry_attempt 0 and a new envelope: acked, not answered
    // again.
    sendAndWaitAck("env-2", "EvS1", "C1", "1.1", 0);
    sendAndWaitAck("env-3", "EvS1", "C1", "1.1", 1);
    assertEquals(1, slack.messagesIn("C1").size());
    assertEquals(1, answerer.questions.size());

    // Server-sent disconnect: the client opens a new connection and the old one goes away.
    WebSocket first = ws.only();
    first.send(
        "{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
    await(
        () -> ws.opened.get() >= 2 && ws.open.size() == 1 && !ws.open.contains(first),
        "reconnect after disconnect");
    assertTrue(slack.calls("apps.connections.open").size() > opensAtStart);
    sendAndWaitAck("env-4", "EvS2", "C2", "2.1", 0);
    assertEquals(1, slack.messagesIn("C2").size());

    // Dropped socket (no close handshake): the supervisor reconnects.
    WebSocket second = ws.only();
    second.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
    await(
        () -> ws.opened.get() >= 3 && ws.open.size() == 1 && !ws.open.contains(second),
        "reconnect after drop");
    sendAndWaitAck("env-5", "EvS3", "C3", "3.1", 0);
    assertEquals(1, slack.messagesIn("C3").size());
    assertEquals(1, ws.open.size(), "one live connection");

    // The web server still serves health in Socket Mode.
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
    assertEquals(SlackEnv.Mode.SOCKET, server.mode());
    assertTrue(JsonParser.parseString(health.body()).getAsJsonObject().get("ok").getAsBoolean());
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertTrue(metrics.body().contains("debrief_slack_ack_seconds_count 5"), metrics.body());
  }

  @Test
  void slashCommandOverSocketModeIsAckedWithItsPayload() throws Exception {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", "legacy");
    payload.addProperty("team_id", "T0FAKE");
    payload.addProperty("channel_id", "C1");
    payload.addProperty("user_id", "UASKER");
    payload.addProperty("command", "/debrief");
    payload.addProperty("text", "help");
    payload.addProperty("api_app_id", "A0DEBRIEF");
    payload.addProperty("response_url", slack.responseUrl("sm-help"));
    payload.addProperty("trigger_id", "1.2.3");
    JsonObject env = new JsonObject();
    env.addProperty("envelope_id", "env-cmd");
    env.add("payload", payload);
    env.addProperty("type", "slash_commands");
    env.addProperty("accepts_response_payload", true);
    ws.only().send(env.toString());
    await(() -> ws.acked("env-cmd"), "ack of the command");
    String ack = ws.received.stream().filter(m -> m.contains("env-cmd")).findFirst().orElseThrow();
    assertTrue(ack.contains("/debrief ask QUESTION"), ack);
    assertTrue(ack.contains("\"response_type\":\"ephemeral\""), ack);
  }

  @Test
  void reconnectsWithBackoffWhenConnectionsOpenFails() throws Exception {
    TestLogs.clear();
    slack.errorNext("apps.connections.open", "internal_error");
    slack.failNext("apps.connections.open", 500, 0, 1);
    WebSocket first = ws.only();
    first.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
    await(() -> ws.open.size() == 1 && !ws.open.contains(first), "reconnect after failed attempts");
    assertTrue(slack.allCalls("apps.connections.open").size() >= 3, "retried after failures");
    sendAndWaitAck("env-9", "EvS9", "C9", "9.1", 0);
    assertEquals(1, slack.messagesIn("C9").size());
    assertTrue(
        TestLogs.lines(Level.WARN).stream()
            .anyMatch(
                l ->
                    l.startsWith(
                        "WARN dev.debrief.slack.SocketModeSupervisor - Socket Mode reconnect failed: ")),
        TestLogs.lines(Level.WARN).toString());
  }
}
