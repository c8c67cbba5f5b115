package dev.debrief.slack;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * {@link SlackBench}'s load: bursts of correctly signed {@code app_mention} events (one per
 * channel, user and event id, a distinct text each) sent at once to {@code POST /slack/events},
 * each from its own sender thread (at most {@value #MAX_SENDERS}), timing each HTTP round trip.
 */
final class BenchMentions {
  /** Sender threads of one burst at most. */
  private static final int MAX_SENDERS = 64;

  private final HttpClient http;
  private final URI endpoint;
  private final SignatureVerifier signer;

  /**
   * @param http the client the mentions go through
   * @param endpoint the server's {@code /slack/events}
   * @param signer signs each request with the server's signing secret
   */
  BenchMentions(HttpClient http, URI endpoint, SignatureVerifier signer) {
    this.http = http;
    this.endpoint = endpoint;
    this.signer = signer;
  }

  /**
   * Sends {@code n} mentions at once, in channels {@code C<prefix>0} … (see the class comment).
   *
   * @return the ack latency of each mention answered 200, in milliseconds
   */
  List<Double> fire(String prefix, int n, List<String> questions) throws Exception {
    return fire(prefix, n, questions, new ConcurrentHashMap<>());
  }

  /**
   * As {@link #fire(String, int, List)}, noting in {@code sentAt} when each channel's mention was
   * sent ({@link System#nanoTime()}).
   */
  List<Double> fire(String prefix, int n, List<String> questions, Map<String, Long> sentAt)
      throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String channel = "C" + prefix + i;
      String ts = "1700000000." + String.format("%06d", i);
      JsonObject event = new JsonObject();
      event.addProperty("type", "app_mention");
      event.addProperty("user", "UBENCH" + i);
      // a distinct text per mention, so no answer is served from the embedder's query cache
      event.addProperty(
          "text",
          "<@"
              + BenchSlackStub.BOT_USER
              + "> "
              + questions.get(i % questions.size())
              + " (ref "
              + prefix
              + i
              + ")");
      event.addProperty("ts", ts);
      event.addProperty("channel", channel);
      event.addProperty("event_ts", ts);
      JsonObject env = new JsonObject();
      env.addProperty("type", "event_callback");
      env.addProperty("team_id", "TBENCH");
      env.addProperty("api_app_id", "ABENCH");
      env.addProperty("event_id", "Ev" + prefix + i);
      env.addProperty("event_time", System.currentTimeMillis() / 1000);
      env.add("event", event);
      byte[] body = env.toString().getBytes(StandardCharsets.UTF_8);
      String now = Long.toString(System.currentTimeMillis() / 1000);
      requests.add(
          HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/json")
              .header("X-Slack-Request-Timestamp", now)
              .header("X-Slack-Signature", signer.sign(now, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build());
      channels.add(channel);
    }
    List<Double> acks = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    var pool =
        Executors.newFixedThreadPool(Math.min(n, MAX_SENDERS), SlackBench.daemon("bench-sender"));
    for (int i = 0; i < n; i++) {
      HttpRequest r = requests.get(i);
      String channel = channels.get(i);
      all.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  start.await();
                  long t0 = System.nanoTime();
                  sentAt.put(channel, t0);
                  HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
                  if (resp.statusCode() == 200) {
                    acks.add((System.nanoTime() - t0) / 1e6);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              pool));
    }
    start.countDown();
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
    pool.shutdown();
    return acks;
  }
}
