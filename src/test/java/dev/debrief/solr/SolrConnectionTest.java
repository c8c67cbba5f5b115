package dev.debrief.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.index.IndexUnavailableException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.junit.jupiter.api.Test;

/**
 * Bounded retries with exponential backoff against a port where nothing listens (loopback, no
 * Solr).
 */
class SolrConnectionTest {
  @Test
  void triesTheConfiguredNumberOfTimesDoublingTheWaitThenNamesTheUrls() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/solr";
    List<Duration> waits = new ArrayList<>();
    SolrConnection.Settings settings =
        new SolrConnection.Settings(
            List.of(url),
            "c",
            "c_state",
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            4,
            Duration.ofMillis(250),
            null,
            null);
    try (SolrConnection c = new SolrConnection(settings, waits::add)) {
      IndexUnavailableException e =
          assertThrows(
              IndexUnavailableException.class,
              () -> c.call("search", client -> client.query("c", new SolrQuery("*:*"))));
      assertEquals(
          List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000)), waits);
      assertTrue(
          e.getMessage().startsWith("Solr at " + url + " did not answer (search, 4 tries): "),
          e.getMessage());
      waits.clear();
      assertThrows(
          IndexUnavailableException.class,
          () -> c.call("probe", 1, client -> client.query("c", new SolrQuery("*:*"))));
      assertEquals(List.of(), waits, "one try waits for nothing");
    }
  }

  @Test
  void credentialsComeInPairs() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SolrConnection.Settings(
                    List.of("http://127.0.0.1:1/solr"),
                    "c",
                    "s",
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    1,
                    Duration.ZERO,
                    "user",
                    null));
    assertEquals(
        "set both DEBRIEF_SOLR_USER and DEBRIEF_SOLR_PASSWORD, or neither", e.getMessage());
  }

  @Test
  void aTryThatNeverAnswersIsAbandonedAtItsDeadlineAndInterrupted() throws InterruptedException {
    SolrConnection.Settings settings =
        new SolrConnection.Settings(
            List.of("http://127.0.0.1:1/solr"),
            "c",
            "c_state",
            Duration.ofMillis(20),
            Duration.ofMillis(50),
            2,
            Duration.ZERO,
            null,
            null);
    java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(2);
    try (SolrConnection c = new SolrConnection(settings, d -> {})) {
      try (SolrTries tries = new SolrTries(settings)) {
        assertEquals(Duration.ofMillis(220), tries.deadline());
      }
      IndexUnavailableException e =
          assertThrows(
              IndexUnavailableException.class,
              () ->
                  c.call(
                      "clear",
                      client -> {
                        try {
                          new java.util.concurrent.CountDownLatch(1).await(); // a stuck refresh
                        } catch (InterruptedException ie) {
                          interrupted.countDown();
                        }
                        return null;
                      }));
      assertTrue(
          e.getMessage().contains("(clear, 2 tries): no answer within 0.2 s"), e.getMessage());
      assertTrue(
          interrupted.await(30, java.util.concurrent.TimeUnit.SECONDS),
          "each abandoned try is interrupted");
    }
  }
}
