package dev.debrief.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.debrief.http.RawEndpoint;
import dev.debrief.metrics.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events} in HTTP mode: events (Events API,
 * https://api.slack.com/apis/events-api), slash commands and interactivity arrive here. The
 * signature is checked over the raw body bytes first (bad or stale → 401 and nothing runs), the
 * body must be UTF-8 and parse as a Slack request (else 400), then Bolt's {@code App#run} handles
 * it (Bolt verifies the signature again) and its response is the ack. Retries carry {@code
 * X-Slack-Retry-Num}; the listeners dedupe them by {@code event_id}.
 */
public final class BoltHttpEndpoint implements RawEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(BoltHttpEndpoint.class);
  private final App app;
  private final SlackRequestParser parser;
  private final SignatureVerifier verifier;
  private final Metrics metrics;

  /** One warning a minute at most, so a flood of forged requests cannot flood the log. */
  private static final long SIGNATURE_WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final java.util.concurrent.atomic.AtomicLong lastSignatureWarning =
      new java.util.concurrent.atomic.AtomicLong(
          System.nanoTime() - SIGNATURE_WARNING_INTERVAL_NANOS - 1);

  /**
   * @param app the Bolt app with Debrief's listeners
   * @param verifier checks signatures
   * @param metrics ack latency and request counts
   */
  public BoltHttpEndpoint(App app, SignatureVerifier verifier, Metrics metrics) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.verifier = verifier;
    this.metrics = metrics;
  }

  @Override
  public RawResponse handle(RawRequest raw) {
    long start = System.nanoTime();
    try {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(raw.headers());
      String ts = first(headers, "X-Slack-Request-Timestamp");
      String sig = first(headers, "X-Slack-Signature");
      if (!verifier.verify(ts, sig, raw.body())) {
        metrics.slackRequests.labelValues("unauthorized").inc();
        long now = System.nanoTime();
        long last = lastSignatureWarning.get();
        if (now - last > SIGNATURE_WARNING_INTERVAL_NANOS
            && lastSignatureWarning.compareAndSet(last, now)) {
          LOG.warn(
              "Slack request signature did not verify: check SLACK_SIGNING_SECRET (Basic Information > App"
                  + " Credentials > Signing Secret) and the server clock (answered 401)");
        }
        return RawResponse.text(401, "invalid request signature");
      }
      String body;
      try {
        body =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(raw.body()))
                .toString();
      } catch (CharacterCodingException e) {
        return RawResponse.text(400, "body is not UTF-8");
      }
      Request<?> request;
      try {
        request =
            parser.parse(
                SlackRequestParser.HttpRequest.builder()
                    .requestUri(raw.path())
                    .queryString(raw.query())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(raw.remoteAddress())
                    .build());
      } catch (RuntimeException e) {
        metrics.slackRequests.labelValues("malformed").inc();
        return RawResponse.text(400, "malformed Slack request");
      }
      if (request == null) {
        metrics.slackRequests.labelValues("malformed").inc();
        return RawResponse.text(400, "not a Slack request");
      }
      Response r = app.run(request);
      Map<String, List<String>> out = r.getHeaders() == null ? Map.of() : r.getHeaders();
      String type = r.getContentType() == null ? "" : r.getContentType();
      return new RawResponse(
          r.getStatusCode() == null ? 200 : r.getStatusCode(),
          type,
          r.getBody() == null ? "" : r.getBody(),
          out);
    } catch (Exception e) {
      metrics.errors.labelValues("slack_http").inc();
      LOG.error("Slack request failed: {}", e.toString());
      return RawResponse.text(500, "internal error");
    } finally {
      metrics.ackSeconds.observe((System.nanoTime() - start) / 1e9);
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
