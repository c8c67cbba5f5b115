package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.debrief.cli.Wiring;
import dev.debrief.index.Indexer;
import dev.debrief.testing.TestCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code debrief serve} in a child JVM, killed with SIGKILL at four moments of an answer, then
 * started again on the same state folder while Slack (the fake, in this JVM) retries the event. The
 * moments are set exactly by holding one Web API call of the child in the fake: before the
 * placeholder is posted, after it is posted but before the child hears its ts, with the answer on
 * its way into the placeholder, and with the answer in the placeholder but not yet recorded as
 * done. Every question ends with exactly one message in its conversation, holding the answer; the
 * retries post nothing; a follow-up in a thread answered before the restarts needs no mention.
 */
class SlackKillIT {
  static final String SECRET = Harness.SECRET;
  @TempDir Path tmp;
  FakeSlack slack;
  Path index;
  Path config;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final SignatureVerifier signer = new SignatureVerifier(SECRET, Clock.systemUTC());
  Process child;

  @BeforeEach
  void setUp() throws Exception {
    slack = new FakeSlack();
    index = tmp.resolve("index");
    try (Wiring w = TestCorpus.wiring(index)) {
      assertTrue(
          w.indexer()
              .ingestPaths(
                  List.of(TestCorpus.write(tmp.resolve("docs"))), false, Indexer.Progress.NONE)
              .ok());
    }
    config = tmp.resolve("debrief.json");
    Files.writeString(
        config,
        "{\"web\": {\"publicBaseUrl\": \"http://viewer.test\"},"
            + " \"slack\": {\"stateDir\": \""
            + tmp.resolve("state")
            + "\", \"feedbackLog\": \""
            + tmp.resolve("f.jsonl")
            + "\"},"
            + " \"digest\": {\"subscriptionsFile\": \""
            + tmp.resolve("subs.json")
            + "\"},"
            + " \"access\": {\"uploadsFile\": \""
            + tmp.resolve("uploads.json")
            + "\"}}");
  }

  @AfterEach
  void tearDown() {
    if (child != null) {
      child.destroyForcibly();
    }
    slack.close();
  }

  /** Starts {@code serve} and returns its port once it says it serves Slack. */
  private int serve(int n) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // slf4j-simple as in production (the tests' own SLF4J provider keeps log lines in memory).
    ProcessBuilder pb =
        new ProcessBuilder(
                javaBin,
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.debrief.cli.Main",
                "--config",
                config.toString(),
                "--index",
                index.toString(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port))
            .redirectErrorStream(true);
    pb.environment().put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
    pb.environment().put("SLACK_API_URL", slack.apiUrl());
    child = pb.start();
    CountDownLatch serving = new CountDownLatch(1);
    Path log = tmp.resolve("serve-" + n + ".log");
    Process me = child;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(me.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  Files.writeString(
                      log,
                      line + "\n",
                      StandardCharsets.UTF_8,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                  if (line.startsWith("Debrief is serving Slack")) {
                    serving.countDown();
                  }
                }
              } catch (IOException e) {
                // the child is gone
              }
            },
            "serve-" + n + "-output");
    reader.setDaemon(true);
    reader.start();
    assertTrue(
        serving.await(120, TimeUnit.SECONDS),
        "serve did not start:\n" + (Files.exists(log) ? Files.readString(log) : ""));
    return port;
  }

  private void kill() throws Exception {
    child.destroyForcibly(); // SIGKILL on Unix
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
  }

  private int event(int port, String eventId, JsonObject event, int retry) throws Exception {
    byte[] body = Harness.envelope(eventId, event).getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signer.sign(ts, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (retry > 0) {
      b.header("X-Slack-Retry-Num", String.valueOf(retry))
          .header("X-Slack-Retry-Reason", "http_timeout");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static JsonObject ask(String channel, String ts, String question) {
    return Harness.mention(channel, ts, null, "UASKER", "<@UDEBRIEF> " + question);
  }

  private FakeSlack.Message onlyMessage(String channel) {
    List<FakeSlack.Message> ms = slack.messagesIn(channel);
    assertEquals(1, ms.size(), channel + " holds " + ms.size() + " messages");
    return ms.get(0);
  }

  private void assertAnswered(FakeSlack.Message m, String fact) {
    assertFalse(m.text.contains("Looking through the reports"), "a stuck placeholder: " + m.text);
    assertTrue(m.text.contains(fact), m.text);
  }

  @Test
  void killedAtFourMomentsOfAnAnswerEachQuestionEndsWithOneAnswer() throws Exception {
    JsonObject q1 = ask("C1", "100.1", "how does the scheduler filter and score nodes?");
    JsonObject q2 = ask("C2", "200.1", "what did the storage panel say about snapshots?");
    JsonObject q3 = ask("C3", "300.1", "how many attendees did the closing keynote celebrate?");
    JsonObject q4 = ask("C4", "400.1", "what is the venue next year?");

    // 1. The answer is on its way into the placeholder.
    int port = serve(1);
    FakeSlack.Hold update = slack.holdNext("chat.update", false);
    assertEquals(200, event(port, "Ev1", q1, 0));
    assertTrue(update.arrived.await(60, TimeUnit.SECONDS));
    kill();
    update.drop();

    // 2. Restarted: the placeholder of 1 is replaced. Then: the answer is in the placeholder, not
    // yet recorded.
    port = serve(2);
    assertTrue(slack.awaitCalls("chat.update", 1, Duration.ofSeconds(60)));
    assertAnswered(onlyMessage("C1"), "scoring ranks");
    assertEquals(200, event(port, "Ev1", q1, 1));
    FakeSlack.Hold answered = slack.holdNext("chat.update", true);
    assertEquals(200, event(port, "Ev2", q2, 0));
    assertTrue(answered.arrived.await(60, TimeUnit.SECONDS));
    kill();
    answered.release.countDown();

    // 3. Restarted. Then: the placeholder is posted, but the bot never hears its ts.
    port = serve(3);
    assertTrue(slack.awaitCalls("chat.update", 3, Duration.ofSeconds(60)));
    assertAnswered(onlyMessage("C2"), "snapshots");
    FakeSlack.Hold posted = slack.holdNext("chat.postMessage", true);
    assertEquals(200, event(port, "Ev3", q3, 0));
    assertTrue(posted.arrived.await(60, TimeUnit.SECONDS));
    kill();
    posted.release.countDown();

    // 4. Restarted: the placeholder of 3 is found in the thread and replaced. Then: killed before
    // any post.
    port = serve(4);
    assertTrue(slack.awaitCalls("chat.update", 4, Duration.ofSeconds(60)));
    assertAnswered(onlyMessage("C3"), "1500");
    FakeSlack.Hold before = slack.holdNext("chat.postMessage", false);
    assertEquals(200, event(port, "Ev4", q4, 0));
    assertTrue(before.arrived.await(60, TimeUnit.SECONDS));
    kill();
    before.drop();

    // 5. Restarted: 4 is answered in a new message. Slack retries everything; a follow-up needs no
    // mention.
    port = serve(5);
    // Placeholders of 1, 2 and 3 were posted; now the answer of 4.
    assertTrue(slack.awaitCalls("chat.postMessage", 4, Duration.ofSeconds(60)));
    for (int i = 1; i <= 4; i++) {
      assertEquals(200, event(port, "Ev" + i, List.of(q1, q2, q3, q4).get(i - 1), 2));
    }
    assertEquals(
        200,
        event(
            port,
            "Ev5",
            Harness.message(
                "C1",
                "channel",
                "100.2",
                "100.1",
                "UASKER",
                "and what about the priority functions?"),
            0));
    assertTrue(
        slack.awaitCalls("chat.update", 5, Duration.ofSeconds(60)), "the follow-up is answered");
    child.destroy(); // SIGTERM: the shutdown hook lets queued work finish
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));

    assertAnswered(onlyMessage("C2"), "snapshots");
    assertAnswered(onlyMessage("C3"), "1500");
    assertAnswered(onlyMessage("C4"), "Copenhagen");
    List<FakeSlack.Message> c1 = slack.messagesIn("C1");
    assertEquals(2, c1.size(), "the answer and the follow-up's answer");
    assertTrue(c1.stream().allMatch(m -> "100.1".equals(m.threadTs)));
    assertAnswered(c1.get(1), "scoring");
    String log = Files.readString(tmp.resolve("serve-2.log"));
    assertTrue(
        log.contains("Restart: finishing 1 answer left unfinished by the previous run"), log);
    assertTrue(
        log.contains("Recovered the answer to UASKER's question in C1 (placeholder replaced"), log);
    assertTrue(
        Files.readString(tmp.resolve("serve-5.log")).contains("in C4 (posted, 0 parts"),
        Files.readString(tmp.resolve("serve-5.log")));
  }
}
