package dev.debrief.cite;

import dev.debrief.access.SignedLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the link for a citation, in order of preference:
 *
 * <ol>
 *   <li>the report's own URL with the section's anchor, when the source is a web page whose HTML
 *       carries that id;
 *   <li>else a text-fragment link ({@code #:~:text=}, WICG "URL Fragment Text Directives") to the
 *       cited sentence on the report's URL;
 *   <li>else Debrief's viewer: {@code {publicBaseUrl}/reports/{reportId}?p={passageId}#{anchor}},
 *       plus {@code &exp=…&sig=…} ({@link SignedLinks}) when the report is restricted to channels.
 * </ol>
 */
public final class CitationLinks {
  private final String publicBaseUrl;
  private final SignedLinks signer;

  /**
   * @param publicBaseUrl where the viewer is served, e.g. {@code http://localhost:3000}
   */
  public CitationLinks(String publicBaseUrl) {
    this(publicBaseUrl, null);
  }

  /**
   * @param publicBaseUrl where the viewer is served
   * @param signer signs viewer links to restricted reports ({@code &exp=…&sig=…}); null leaves them
   *     unsigned (the viewer then refuses them)
   */
  public CitationLinks(String publicBaseUrl, SignedLinks signer) {
    this.publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    this.signer = signer;
  }

  /**
   * What a citation link points at.
   *
   * @param reportUrl the report's own URL, or ""
   * @param anchorInSource true when the source HTML carries {@code anchor} as an element id
   * @param reportId report id
   * @param passageId passage id (highlighted by the viewer)
   * @param anchor section anchor, or ""
   * @param quote the sentence (or passage) to point a text fragment at
   * @param restricted true when the report is limited to channels: a viewer link then carries a
   *     signature and an expiry
   */
  public record Target(
      String reportUrl,
      boolean anchorInSource,
      String reportId,
      String passageId,
      String anchor,
      String quote,
      boolean restricted) {
    /** A target in a report open to everyone. */
    public Target(
        String reportUrl,
        boolean anchorInSource,
        String reportId,
        String passageId,
        String anchor,
        String quote) {
      this(reportUrl, anchorInSource, reportId, passageId, anchor, quote, false);
    }
  }

  /**
   * The link for {@code target}, in the order of preference above. A restricted report with its own
   * web URL links there: that page has its own access control.
   *
   * @return an absolute URL
   */
  public String link(Target target) {
    String reportUrl = target.reportUrl();
    String anchor = target.anchor();
    if (reportUrl != null && reportUrl.matches("(?i)https?://.+")) {
      String base = stripFragment(reportUrl);
      if (target.anchorInSource() && !anchor.isEmpty()) {
        return base + "#" + enc(anchor);
      }
      String fragment = textFragment(target.quote());
      return fragment.isEmpty() ? base : base + "#:~:text=" + fragment;
    }
    return viewerLink(target.reportId(), target.passageId(), anchor, target.restricted());
  }

  /**
   * Re-points a link at one sentence: a text-fragment link gets the sentence's fragment; anchor and
   * viewer links are returned unchanged.
   */
  public String forSentence(String passageLink, String sentence) {
    int at = passageLink.indexOf("#:~:text=");
    if (at < 0) {
      return passageLink;
    }
    String fragment = textFragment(sentence);
    return fragment.isEmpty() ? passageLink : passageLink.substring(0, at) + "#:~:text=" + fragment;
  }

  /** The viewer link for a passage. */
  public String viewerLink(String reportId, String passageId, String anchor) {
    return viewerLink(reportId, passageId, anchor, false);
  }

  /**
   * The viewer link for a passage; signed when the report is {@code restricted} and a signer is
   * set.
   */
  public String viewerLink(String reportId, String passageId, String anchor, boolean restricted) {
    String link = publicBaseUrl + "/reports/" + enc(reportId);
    String sep = "?";
    if (passageId != null && !passageId.isEmpty()) {
      link += "?p=" + enc(passageId);
      sep = "&";
    }
    if (restricted && signer != null) {
      link += sep + signer.query(reportId);
    }
    if (anchor != null && !anchor.isEmpty()) {
      link += "#" + enc(anchor);
    }
    return link;
  }

  /**
   * A text directive for the first sentence-like run of {@code quote} (its first line, up to a "; "
   * that may join list items the page shows apart): the whole run when it has at most 8 words, else
   * {@code textStart,textEnd} with 4 words each. Characters outside letters, digits and a few safe
   * marks are percent-encoded, and so are '-', ',' and '&amp;', which the directive syntax
   * reserves.
   */
  static String textFragment(String quote) {
    if (quote == null) {
      return "";
    }
    // the first line, and of notes an answer joined with "; " the first: text the page holds as is
    String line =
        quote
            .strip()
            .split("\n", 2)[0]
            .split(";\\s", 2)[0]
            .replaceAll("[\\[\\]•*_`#>|]", " ")
            .strip();
    String[] words =
        Arrays.stream(line.split("\\s+")).filter(w -> !w.isBlank()).toArray(String[]::new);
    int first = 0;
    while (first < words.length
        && !words[first].codePoints().anyMatch(Character::isLetterOrDigit)) {
      first++;
    }
    words = Arrays.copyOfRange(words, first, words.length);
    if (words.length == 0) {
      return "";
    }
    if (words.length <= 8) {
      return directive(List.of(words));
    }
    return directive(Arrays.asList(words).subList(0, 4))
        + ","
        + directive(Arrays.asList(words).subList(words.length - 4, words.length));
  }

  private static String directive(List<String> words) {
    return enc(String.join(" ", words)).replace("-", "%2D").replace(",", "%2C").replace("&", "%26");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
