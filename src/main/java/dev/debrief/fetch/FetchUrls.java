package dev.debrief.fetch;

import dev.debrief.text.ReportExtensions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The URL rules of {@link SafeFetcher}: which URLs may be fetched at all (http and https, with a
 * host and without credentials; RFC 3986 §3.1, RFC 9110 §4.2), and the file name a fetched body is
 * ingested under.
 */
final class FetchUrls {
  private static final Set<String> URL_EXTENSIONS = Set.copyOf(ReportExtensions.PLAIN);

  private FetchUrls() {}

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
}
