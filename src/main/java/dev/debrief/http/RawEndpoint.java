package dev.debrief.http;

import java.util.List;
import java.util.Map;

/**
 * An endpoint that needs the request exactly as it arrived: raw body bytes (request signatures are
 * computed over them) and every header. The Slack package implements it for {@code POST
 * /slack/events}.
 */
@FunctionalInterface
public interface RawEndpoint {
  /** Handles one request; never throws (errors become a 4xx/5xx {@link RawResponse}). */
  RawResponse handle(RawRequest request);

  /**
   * The request as received.
   *
   * @param path request path
   * @param query query parameters
   * @param headers headers, names as sent
   * @param body the raw body bytes
   * @param remoteAddress the peer address
   */
  record RawRequest(
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      byte[] body,
      String remoteAddress) {}

  /**
   * The response to send.
   *
   * @param status HTTP status
   * @param contentType content type ("" for none)
   * @param body body text (UTF-8)
   * @param headers extra headers
   */
  record RawResponse(
      int status, String contentType, String body, Map<String, List<String>> headers) {
    /** A plain-text response. */
    public static RawResponse text(int status, String body) {
      return new RawResponse(status, "text/plain; charset=utf-8", body, Map.of());
    }
  }
}
