package dev.debrief.fetch;

import dev.debrief.text.ReportExtensions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Fetches one web page or document for ingest, refusing server-side request forgery (see the
 * package description): only http and https; every resolved address of the host, and of every
 * redirect target, must be public unless the host is allow-listed; the connection goes to the
 * vetted address; at most {@value #MAX_REDIRECTS} redirects, followed by hand; a connect timeout, a
 * timeout for the response head and one for the body; bodies over the size cap are refused (by
 * {@code Content-Length}, or while streaming).
 *
 * <p>Thread-safe; close it to stop its loopback tunnel.
 */
public final class SafeFetcher implements AutoCloseable {
  /** Redirects followed at most. */
  public static final int MAX_REDIRECTS = 5;

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Set<String> URL_EXTENSIONS = Set.copyOf(ReportExtensions.PLAIN);

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
    URI requested = parse(url);
    URI current = requested;
    for (int redirects = 0; ; redirects++) {
      vetAndPin(current);
      HttpResponse<InputStream> response = send(current);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        closeQuietly(response.body());
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
        current = parse(next.toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        closeQuietly(response.body());
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
      String fileName = fileName(current, contentType);
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > settings.maxBytes()) {
        closeQuietly(response.body());
        throw new FetchException(
            "refused: "
                + current
                + " is "
                + declared
                + " bytes, over the limit of "
                + settings.maxBytes()
                + " bytes");
      }
      byte[] body = readCapped(response.body(), current);
      return new FetchedPage(requested, current, contentType, fileName, body, redirects);
    }
  }

  /** Checks scheme and form; returns the URI. */
  static URI parse(String url) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchException("not a valid URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          "refused: only http and https URLs can be fetched, not "
              + (scheme.isEmpty() ? "\"" + url + "\"" : scheme + ":"));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException("not a valid URL (no host): " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException("refused: URLs with credentials (user@host) are not fetched");
    }
    return uri;
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

  private byte[] readCapped(InputStream in, URI uri) throws FetchException {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              timedOut.set(true);
              closeQuietly(in);
            },
            settings.readTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > settings.maxBytes()) {
          throw new FetchException(
              "refused: " + uri + " is larger than the limit of " + settings.maxBytes() + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new FetchException(
            "timed out reading " + uri + " after " + settings.readTimeout().toSeconds() + " s");
      }
      throw new FetchException("could not read " + uri + ": " + e.getMessage());
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * A file name whose extension tells {@code ReportReader} the format: from the content type, else
   * from the URL's extension.
   */
  static String fileName(URI uri, String contentType) throws FetchException {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String last =
        URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8)
            .replaceAll("[^\\p{L}\\p{N}._-]", "_");
    int dot = last.lastIndexOf('.');
    String urlExt = dot > 0 ? last.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    String stem = dot > 0 ? last.substring(0, dot) : last;
    if (stem.isEmpty()) {
      stem = "index";
    }
    String ext =
        switch (contentType) {
          case "text/html", "application/xhtml+xml" -> "html";
          case "application/pdf" -> "pdf";
          case "text/markdown", "text/x-markdown" -> "md";
          case "text/x-rst" -> "rst";
          case "text/plain", "", "application/octet-stream" ->
              URL_EXTENSIONS.contains(urlExt)
                  ? urlExt
                  : contentType.equals("text/plain") ? "txt" : "html";
          default ->
              throw new FetchException(
                  "unsupported content type "
                      + contentType
                      + " (supported: HTML, Markdown, plain text, reStructuredText, PDF)");
        };
    return stem + "." + ext;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // best effort
    }
  }

  @Override
  public void close() {
    routes.close();
  }
}
