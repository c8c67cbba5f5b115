package dev.debrief.slack;

import com.google.gson.JsonObject;
import dev.debrief.cite.ViewerUrls;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.Section;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /digest [24h|7d|EVENT]}: reports added in a time window (or of one event), each with
 * title, author, event and links to its main sections.
 */
public final class DigestRenderer {
  private static final Pattern WINDOW = Pattern.compile("(\\d{1,4})\\s*([hdw])");
  private final ReportCatalog catalog;
  private final String viewerBaseUrl;
  private final Clock clock;
  private volatile dev.debrief.cite.CitationLinks viewerLinks;

  /**
   * @param catalog what is indexed
   * @param viewerBaseUrl base URL of the viewer
   * @param clock "now" for windows
   */
  public DigestRenderer(ReportCatalog catalog, String viewerBaseUrl, Clock clock) {
    this.catalog = catalog;
    this.viewerBaseUrl = viewerBaseUrl;
    this.clock = clock;
  }

  /** Viewer links for reports without a URL of their own (signed for restricted reports). */
  void viewerLinks(dev.debrief.cite.CitationLinks links) {
    this.viewerLinks = links;
  }

  /** Parses a window such as "24h", "7d" or "2w"; empty when the argument is not a window. */
  static Optional<Duration> window(String arg) {
    Matcher m = WINDOW.matcher(arg.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(7 * n);
        });
  }

  /**
   * The digest as messages; {@code arg} is the command text, {@code defaultWindow} used when it is
   * blank.
   */
  public List<OutMessage> render(String arg, String defaultWindow, List<String> allowedChannels) {
    String a = arg == null || arg.isBlank() ? defaultWindow : arg.strip();
    Optional<Duration> window = window(a);
    List<ReportInfo> picked = new ArrayList<>();
    String heading;
    long now = clock.millis();
    for (ReportInfo info : catalog.list()) {
      if (!info.meta().channels().isEmpty()
          && allowedChannels != null
          && info.meta().channels().stream().noneMatch(allowedChannels::contains)) {
        continue;
      }
      if (window.isPresent()
          ? info.ingestedAt() >= now - window.get().toMillis()
          : info.meta().event().equalsIgnoreCase(a)
              || info.meta()
                  .event()
                  .toLowerCase(Locale.ROOT)
                  .contains(a.toLowerCase(Locale.ROOT))) {
        picked.add(info);
      }
    }
    heading =
        window.isPresent()
            ? "*Digest: reports added in the last " + Mrkdwn.escape(a) + "*"
            : "*Digest: reports about " + Mrkdwn.escape(a) + "*";
    List<JsonObject> blocks = new ArrayList<>();
    blocks.add(Blocks.section(heading + " (" + picked.size() + ")"));
    if (picked.isEmpty()) {
      blocks.add(
          Blocks.section(
              window.isPresent()
                  ? "No reports were added in that window."
                  : "No reports match that event. Try `/digest 7d` or `/debrief reports`."));
    }
    for (ReportInfo info : picked) {
      StringBuilder b = new StringBuilder();
      b.append("*").append(Mrkdwn.link(reportLink(info, ""), info.meta().title())).append("*");
      List<String> bits = new ArrayList<>();
      if (!info.meta().author().isEmpty()) bits.add("by " + Mrkdwn.escape(info.meta().author()));
      if (!info.meta().event().isEmpty()) bits.add(Mrkdwn.escape(info.meta().event()));
      if (!info.meta().date().isEmpty()) bits.add(Mrkdwn.escape(info.meta().date()));
      if (!bits.isEmpty()) {
        b.append("\n").append(String.join(" · ", bits));
      }
      Optional<Report> report = catalog.findReport(info.id());
      if (report.isPresent()) {
        List<String> links = new ArrayList<>();
        int minLevel =
            report.get().sections().stream()
                .filter(s -> s.level() > 0)
                .mapToInt(Section::level)
                .min()
                .orElse(1);
        for (Section s : report.get().sections()) {
          if (s.level() > 0
              && s.level() <= minLevel + 1
              && !s.anchor().isEmpty()
              && links.size() < 8) {
            links.add(Mrkdwn.link(reportLink(info, s.anchor()), s.heading()));
          }
        }
        if (!links.isEmpty()) {
          b.append("\n").append(String.join(" · ", links));
        }
      }
      blocks.addAll(Blocks.sections(b.toString()));
    }
    return Blocks.pack(blocks, "Digest: " + picked.size() + " report(s)");
  }

  private String reportLink(ReportInfo info, String anchor) {
    if (Mrkdwn.safeUrl(info.meta().url()) == null && viewerLinks != null) {
      return viewerLinks.viewerLink(info.id(), "", anchor, !info.meta().channels().isEmpty());
    }
    String base =
        Mrkdwn.safeUrl(info.meta().url()) != null
            ? info.meta().url()
            : ViewerUrls.reportUrl(viewerBaseUrl, info.id(), "");
    return anchor.isEmpty() ? base : base.replaceFirst("#.*$", "") + "#" + anchor;
  }
}
