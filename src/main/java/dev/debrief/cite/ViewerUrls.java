package dev.debrief.cite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Unsigned URLs of Debrief's report viewer, as the Slack renderers and the ask page print them:
 * {@code {baseUrl}/reports/{reportId}?p={passageId}}, both ids form-encoded ({@link URLEncoder},
 * UTF-8). Signed links to restricted reports come from {@link CitationLinks#viewerLink(String,
 * String, String, boolean)}.
 */
public final class ViewerUrls {
  private ViewerUrls() {}

  /**
   * The viewer URL of a report, optionally pointing at one passage.
   *
   * @param baseUrl where the viewer is served, with or without a trailing slash; "" for a relative
   *     URL
   * @param reportId report id
   * @param passageId passage id to highlight, or "" (or null) for none
   */
  public static String reportUrl(String baseUrl, String reportId, String passageId) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    String url = base + "/reports/" + URLEncoder.encode(reportId, StandardCharsets.UTF_8);
    if (passageId != null && !passageId.isEmpty()) {
      url += "?p=" + URLEncoder.encode(passageId, StandardCharsets.UTF_8);
    }
    return url;
  }
}
