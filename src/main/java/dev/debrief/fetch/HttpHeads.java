package dev.debrief.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * The HTTP/1.1 message heads that {@link PinnedRoutes} reads and passes on: a head read up to its
 * blank line, a plain http request rewritten from absolute form to origin form ({@code GET
 * /path?query HTTP/1.1} with {@code Host}, RFC 9112 §3.2.1) without the fields of one connection,
 * and a response head that closes its connection.
 */
final class HttpHeads {
  private HttpHeads() {}

  /** Header fields that belong to one connection (RFC 9110 §7.6.1) and are not passed on. */
  private static final java.util.Set<String> HOP_BY_HOP =
      java.util.Set.of(
          "connection",
          "proxy-connection",
          "keep-alive",
          "proxy-authorization",
          "te",
          "upgrade",
          "trailer");

  /**
   * The request head to send to the origin server for a plain http request received in absolute
   * form: the request line in origin form, the client's header fields but the hop-by-hop ones,
   * {@code Host} from the target when the client sent none, and {@code Connection: close}.
   *
   * @param head the client's request head, as read by {@link #readHead(InputStream)}
   * @param first its request line split on spaces (method, absolute target, version)
   * @param target the absolute target, parsed
   */
  static String originForm(String head, String[] first, URI target) {
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    StringBuilder out =
        new StringBuilder(first[0])
            .append(' ')
            .append(path)
            .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
            .append(' ')
            .append(first[2])
            .append("\r\n");
    boolean host = false;
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name)) {
        continue;
      }
      host |= name.equals("host");
      out.append(line).append("\r\n");
    }
    if (!host) {
      out.append("Host: ").append(target.getRawAuthority()).append("\r\n");
    }
    out.append("Connection: close\r\n\r\n");
    return out.toString();
  }

  /** A response head with its connection fields replaced by {@code Connection: close}. */
  static String closing(String responseHead) {
    String[] lines = responseHead.split("\r\n");
    StringBuilder out = new StringBuilder(lines.length == 0 ? "" : lines[0]).append("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = colon <= 0 ? "" : lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!lines[i].isEmpty()
          && !name.equals("connection")
          && !name.equals("keep-alive")
          && !name.equals("proxy-connection")) {
        out.append(lines[i]).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** Longest request head read from the client, in bytes. */
  private static final int MAX_REQUEST_HEAD = 8192;

  /** Longest response head accepted from an origin server (cookies can be long), in bytes. */
  static final int MAX_RESPONSE_HEAD = 65536;

  /**
   * A request head from the client: {@link #readHead(InputStream, int)} of at most {@link
   * #MAX_REQUEST_HEAD}.
   */
  static String readHead(InputStream in) throws IOException {
    return readHead(in, MAX_REQUEST_HEAD);
  }

  /**
   * Bytes up to and including the first blank line (as ISO-8859-1), or fewer at end of stream or
   * {@code max}.
   */
  static String readHead(InputStream in, int max) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while (sb.length() < max && (c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return sb.toString();
  }
}
