package dev.debrief.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * Fetches one web page or document for ingest, refusing server-side request forgery (see the
 * package description): only http and https; every resolved address of the host, and of every
 * redirect target, must be public unless the host is allow-listed; the connection goes to the
 * vetted address; at most {@value #MAX_REDIRECTS} redirects, followed by hand; a connect timeout, a
 * timeout for the response head and one for the body; bodies over the size cap are refused (by
 * {@code Content-Length}, or while streaming).
 *
 * <p>Thread-safe; close it to stop its loopback tunnel. The URL rules and file names are {@link
 * FetchUrls}'; the capped body read is {@link CappedBody}'s.
 */
public final class SafeFetcher implements AutoCloseable {
  /** Redirects followed at most. */
  public static final int MAX_REDIRECTS = 5;

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * @param connectTimeout TCP (and tunnel) connect timeout
   * @param readTimeout time for the response head, and again for the whole body
   * @param maxBytes largest body accepted
   * @param allowHosts host names (or IP literals) exempt from the address check, case-insensitive
   */
  public record Settings(
      Duration connectTimeout, Duration readTimeout, long maxBytes, List<String> allowHosts) {
    public Settings {
      allowHosts =
          allowHosts.stream()
              .map(h -> h.toLowerCase(Locale.ROOT).replace("[", "").replace("]", ""))
              .toList();
    }
  }

  private final Settings settings;
  private final HostResolver resolver;
  private final PinnedRoutes routes;
  private final HttpClient client;
  private final ScheduledExecutorService timer;

  /**
   * A new timer for {@link SafeFetcher}'s body deadlines: one daemon thread named {@code
   * debrief-fetch-timer}. Its creator owns it and shuts it down (cli's {@code Wiring} on close;
   * tests their own).
   */
  public static ScheduledExecutorService newTimer() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "debrief-fetch-timer");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * @param settings timeouts, size cap and allowed hosts
   * @param resolver turns host names into the addresses that are checked and then connected to
   * @param timer closes a body that is still streaming when the read timeout ends ({@link
   *     #newTimer()}); owned by the caller, which shuts it down (closing this fetcher does not)
   */
  public SafeFetcher(Settings settings, HostResolver resolver, ScheduledExecutorService timer) {
    this.settings = settings;
    this.timer = java.util.Objects.requireNonNull(timer, "timer");
    this.resolver = resolver;
    this.routes =
        new PinnedRoutes(
            (int) settings.connectTimeout().toMillis(), (int) settings.readTimeout().toMillis());
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(routes)
            .build();
  }

  /** Outbound connections made so far (each one to a vetted address). */
  public int outboundConnections() {
    return routes.outboundConnections();
  }

  /**
   * Fetches a URL.
   *
   * @throws FetchException with the reason, e.g. {@code refused: 10.0.0.5 is a private address}
   */
  public FetchedPage fetch(String url) throws FetchException {
    URI requested = FetchUrls.parse(url);
    URI current = requested;
    for (int redirects = 0; ; redirects++) {
      vetAndPin(current);
      HttpResponse<InputStream> response = send(current);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        CappedBody.closeQuietly(response.body());
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new FetchException("HTTP " + status + " without a Location header from " + current);
        }
        if (redirects == MAX_REDIRECTS) {
          throw new FetchException(
              "refused: more than " + MAX_REDIRECTS + " redirects (last: " + current + ")");
        }
        URI next;
        try {
          next = current.resolve(new URI(location.get().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new FetchException(
              "bad redirect Location \"" + location.get() + "\" from " + current);
        }
        current = FetchUrls.parse(next.toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        CappedBody.closeQuietly(response.body());
        throw new FetchException("HTTP " + status + " from " + current);
      }
      String contentType =
          response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .split(";", 2)[0]
              .strip()
              .toLowerCase(Locale.ROOT);
      String fileName = FetchUrls.fileName(current, contentType);
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > settings.maxBytes()) {
        CappedBody.closeQuietly(response.body());
        throw new FetchException(
            "refused: "
                + current
                + " is "
                + declared
                + " bytes, over the limit of "
                + settings.maxBytes()
                + " bytes");
      }
      byte[] body =
          CappedBody.read(
              response.body(), current, timer, settings.readTimeout(), settings.maxBytes());
      return new FetchedPage(requested, current, contentType, fileName, body, redirects);
    }
  }

  private void vetAndPin(URI uri) throws FetchException {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    Optional<String> badName = AddressPolicy.blockedName(host);
    if (badName.isPresent()) {
      throw new FetchException("refused: " + host + " is " + badName.get());
    }
    List<InetAddress> addresses;
    try {
      addresses = isLiteral(host) ? List.of(InetAddress.getByName(host)) : resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new FetchException("cannot resolve host " + host);
    }
    if (addresses.isEmpty()) {
      throw new FetchException("cannot resolve host " + host);
    }
    boolean allowed = settings.allowHosts().contains(host);
    for (InetAddress a : addresses) {
      Optional<String> why = AddressPolicy.blockedReason(a);
      if (why.isPresent() && (!allowed || AddressPolicy.isMetadata(a))) {
        throw new FetchException(
            isLiteral(host)
                ? "refused: " + host + " is " + why.get()
                : "refused: "
                    + host
                    + " resolves to "
                    + a.getHostAddress()
                    + ", which is "
                    + why.get());
      }
    }
    routes.pin(scheme, host, port, addresses.get(0));
  }

  private static boolean isLiteral(String host) {
    return host.contains(":") || IPV4_LITERAL.matcher(host).matches();
  }

  private HttpResponse<InputStream> send(URI uri) throws FetchException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.readTimeout())
            .header("User-Agent", "Debrief/0.1 (report fetcher)")
            .header(
                "Accept",
                "text/html,application/xhtml+xml,text/markdown,text/plain,application/pdf;q=0.9,*/*;q=0.1")
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new FetchException(
          "could not connect to "
              + uri.getHost()
              + " within "
              + settings.connectTimeout().toSeconds()
              + " s");
    } catch (HttpTimeoutException e) {
      throw new FetchException(
          "no response from "
              + uri.getHost()
              + " within "
              + settings.readTimeout().toSeconds()
              + " s");
    } catch (ConnectException e) {
      throw new FetchException("could not connect to " + uri.getHost());
    } catch (IOException e) {
      throw new FetchException(
          "could not fetch "
              + uri
              + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted while fetching " + uri);
    }
  }

  @Override
  public void close() {
    routes.close();
  }
}
