package dev.debrief.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads a file's {@code url_private_download} with the bot token in the {@code Authorization}
 * header ("Working with files", https://api.slack.com/types/file#authentication). The token only
 * ever goes to Slack: the URL must be https on {@code slack.com}, {@code slack-edge.com} or {@code
 * slack-gov.com} (or a subdomain), or on the same origin as {@code SLACK_API_URL} (GovSlack-style
 * hosts, tests). Redirects are followed by hand, at most 3, and only to such hosts. Bodies over the
 * cap are refused while streaming.
 */
public final class SlackFiles {
  /** Why a download failed, fit to show to the uploader. */
  public static final class DownloadException extends Exception {
    public DownloadException(String message) {
      super(message);
    }
  }

  private static final int MAX_REDIRECTS = 3;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI apiUrl;
  private final String botToken;

  /**
   * @param apiUrl the Web API base URL (its origin is trusted too)
   * @param botToken the bot token (never logged)
   */
  public SlackFiles(String apiUrl, String botToken) {
    this.apiUrl = URI.create(apiUrl);
    this.botToken = botToken;
  }

  /** True when the bot token may be sent to {@code url}. */
  boolean trusted(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals(apiUrl.getScheme())
        && host.equalsIgnoreCase(apiUrl.getHost())
        && url.getPort() == apiUrl.getPort()
        && url.getRawUserInfo() == null) {
      return true;
    }
    if (!scheme.equals("https")
        || url.getRawUserInfo() != null
        || (url.getPort() != -1 && url.getPort() != 443)) {
      return false;
    }
    for (String d : new String[] {"slack.com", "slack-edge.com", "slack-gov.com"}) {
      if (host.equals(d) || host.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Downloads a file.
   *
   * @param url {@code url_private_download}
   * @param fileName the file's name (to recognize Slack's HTML login page served instead of a
   *     non-HTML file)
   * @param maxBytes the size cap
   * @throws DownloadException with the reason
   */
  public byte[] download(String url, String fileName, long maxBytes) throws DownloadException {
    URI current;
    try {
      current = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new DownloadException("Slack gave a malformed download URL");
    }
    for (int redirects = 0; ; redirects++) {
      if (!trusted(current)) {
        throw new DownloadException(
            "the download URL is not on Slack ("
                + current.getHost()
                + "); not sending the"
                + " bot token there");
      }
      HttpResponse<InputStream> r;
      try {
        r =
            client.send(
                HttpRequest.newBuilder(current)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + botToken)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new DownloadException(
            "could not download the file from Slack (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DownloadException("interrupted while downloading the file");
      }
      int status = r.statusCode();
      if (status >= 300 && status < 400) {
        close(r.body());
        Optional<String> location = r.headers().firstValue("Location");
        if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
          throw new DownloadException("Slack's download redirected too often");
        }
        current = current.resolve(location.get());
        continue;
      }
      if (status != 200) {
        close(r.body());
        throw new DownloadException("Slack answered HTTP " + status + " to the download");
      }
      long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        close(r.body());
        throw new DownloadException("the file is " + declared + " bytes; the limit is " + maxBytes);
      }
      String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
      byte[] body = read(r.body(), maxBytes);
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (type.startsWith("text/html") && !lower.endsWith(".html") && !lower.endsWith(".htm")) {
        throw new DownloadException(
            "Slack sent a login page instead of the file; the app needs the files:read" + " scope");
      }
      return body;
    }
  }

  private static byte[] read(InputStream in, long maxBytes) throws DownloadException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw new DownloadException(
              "the file is larger than the limit of " + maxBytes + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new DownloadException(
          "the download from Slack broke off (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
