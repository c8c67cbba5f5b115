package dev.debrief.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.debrief.testing.TestLogs;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * The bot stopped and started again on the same state folder (a clean restart, in this JVM;
 * SIGKILLs at chosen moments are in {@code SlackKillIT}): redeliveries of answered events post
 * nothing, follow-ups in a thread answered before the restart need no mention, and Slack traffic
 * waits until start-up is done while {@code /healthz} says what is missing.
 */
class SlackRestartIT {
  @TempDir Path dir;
  FakeSlack slack;
  Harness h;
  final Fixtures.ScriptedAnswerer answerer = new Fixtures.ScriptedAnswerer();

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    h = new Harness(answerer, new Fixtures.Catalog(Fixtures.report()), dir, slack, s -> {}, false);
  }

  @AfterEach
  void stop() {
    h.close();
    slack.close();
  }

  private void restart() {
    h.close();
    h = new Harness(answerer, new Fixtures.Catalog(Fixtures.report()), dir, slack, s -> {}, false);
  }

  @Test
  void aRedeliveryAfterARestartPostsNothing() throws Exception {
    var mention = Harness.mention("C1", "100.1", null, "UASKER", "<@UDEBRIEF> what about storage?");
    h.event("EvA", mention);
    h.idle();
    restart();

    assertEquals(
        200,
        h.event(
            "EvA",
            mention,
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")));
    assertEquals(
        200,
        h.event(
            "EvA2",
            Harness.message(
                "C1", "channel", "100.1", null, "UASKER", "<@UDEBRIEF> what about storage?")),
        "the message event of the same message, first seen now");
    h.idle();

    assertEquals(1, answerer.questions.size());
    assertEquals(1, slack.calls("chat.postMessage").size());
    assertEquals(1, slack.messagesIn("C1").size());
  }

  @Test
  void aFollowUpInAThreadAnsweredBeforeTheRestartNeedsNoMention() throws Exception {
    h.event(
        h.nextEventId(),
        Harness.mention("C4", "500.1", null, "UASKER", "<@UDEBRIEF> what about the keynote?"));
    h.idle();
    restart();

    h.event(
        "EvFollow",
        Harness.message("C4", "channel", "500.2", "500.1", "UASKER", "and what about storage?"));
    h.idle();

    assertEquals(2, answerer.questions.size());
    assertEquals(List.of("what about the keynote?"), answerer.questions.get(1).history());
    assertEquals("what about the keynote?", answerer.questions.get(1).previous().question());
    assertEquals(
        2,
        answerer.questions.get(1).previous().cited().size(),
        "cited passages survive the restart");
    assertEquals(2, slack.messagesIn("C4").size());
  }

  @Test
  void slackTrafficWaitsForTheModelAndHealthzSaysWhatIsLoading() throws Exception {
    h.close();
    CountDownLatch modelLoaded = new CountDownLatch(1);
    h =
        new Harness(
            answerer,
            new Fixtures.Catalog(Fixtures.report()),
            dir,
            slack,
            s -> s.readiness().expect("model"),
            false,
            false);
    h.server.startWeb();
    Thread starter =
        new Thread(
            () -> {
              h.server
                  .readiness()
                  .run(
                      "model",
                      () -> {
                        try {
                          modelLoaded.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      });
              h.server.start();
            },
            "starter");
    TestLogs.clear();
    starter.start();
    HttpResponse<String> health = h.get("/healthz");
    int status =
        h.event("EvEarly", Harness.mention("C7", "700.1", null, "UASKER", "<@UDEBRIEF> storage?"));

    assertEquals(503, health.statusCode());
    var body = JsonParser.parseString(health.body()).getAsJsonObject();
    assertEquals(
        "starting: model "
            + body.getAsJsonObject("checks").get("model").getAsString()
            + ", slack waiting",
        body.get("detail").getAsString());
    assertTrue(
        List.of("waiting", "loading")
            .contains(body.getAsJsonObject("checks").get("model").getAsString()));
    assertEquals("waiting", body.getAsJsonObject("checks").get("slack").getAsString());
    assertEquals(503, status, "an event before start-up is done is refused, so Slack retries it");
    assertTrue(
        TestLogs.lines(Level.INFO).stream()
            .anyMatch(
                l ->
                    l.startsWith("INFO dev.debrief.slack.StartupGate - Not" + " ready (model ")
                        && l.endsWith("): answered 503 to a Slack request; Slack retries events")),
        TestLogs.lines(Level.INFO).toString());
    assertTrue(slack.calls("chat.postMessage").isEmpty());

    modelLoaded.countDown();
    starter.join(TimeUnit.SECONDS.toMillis(60));
    HttpResponse<String> ready = h.get("/healthz");
    assertEquals(200, ready.statusCode());
    assertEquals(
        "{\"index\":\"ok\",\"model\":\"ok\",\"slack\":\"ok\"}",
        JsonParser.parseString(ready.body()).getAsJsonObject().get("checks").toString());
    assertEquals(
        200,
        h.event(
            "EvEarly",
            Harness.mention("C7", "700.1", null, "UASKER", "<@UDEBRIEF> storage?"),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error")));
    h.idle();
    assertEquals(1, slack.messagesIn("C7").size(), "the retry, once ready, is answered");
  }

  @Test
  void rateLimitedUpdatesAreWaitedOutAndLoggedAtInfo() throws Exception {
    slack.failNext("chat.update", 429, 1, 1);
    TestLogs.clear();
    h.event(
        h.nextEventId(), Harness.mention("C8", "800.1", null, "UASKER", "<@UDEBRIEF> storage?"));
    h.idle();
    assertTrue(slack.awaitCalls("chat.update", 1, Duration.ofSeconds(30)));
    assertEquals(1, slack.messagesIn("C8").size());
    assertTrue(
        TestLogs.lines(Level.INFO)
            .contains(
                "INFO dev.debrief.slack.SlackApi - chat.update rate limited;"
                    + " retrying after 1000 ms (attempt 1 of 5)"),
        TestLogs.lines(Level.INFO).toString());
  }
}
