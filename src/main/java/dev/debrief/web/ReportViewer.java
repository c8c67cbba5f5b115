package dev.debrief.web;

import dev.debrief.access.SignedLinks;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.Section;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * Renders the citation viewer with jsoup's DOM: text only ever enters through {@link
 * Element#text(String)} and {@link Element#attr(String, String)}, so everything is escaped. Every
 * section heading carries its anchor as {@code id}; every passage is a {@code div.passage} whose
 * {@code id} is the passage id; {@code ?p=} marks one passage {@code .highlight} and {@code
 * /static/viewer.js} scrolls it into view.
 */
public final class ReportViewer {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Whether a report page may be shown. */
  public enum Access {
    OPEN,
    SIGNED,
    FORBIDDEN,
    NOT_FOUND
  }

  private final ReportCatalog catalog;
  private final String publicBaseUrl;
  private final SignedLinks signedLinks;

  /**
   * @param catalog where reports come from
   * @param publicBaseUrl base URL of the viewer (no trailing slash needed)
   */
  public ReportViewer(ReportCatalog catalog, String publicBaseUrl) {
    this(catalog, publicBaseUrl, null);
  }

  /**
   * @param catalog where reports come from
   * @param publicBaseUrl base URL of the viewer
   * @param signedLinks verifies links to restricted reports; null refuses every restricted report
   */
  public ReportViewer(ReportCatalog catalog, String publicBaseUrl, SignedLinks signedLinks) {
    this.signedLinks = signedLinks;
    this.catalog = catalog;
    this.publicBaseUrl =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
  }

  /**
   * Whether {@code GET /reports/{reportId}} may be served: unrestricted reports always; a report
   * restricted to channels only with a valid, unexpired signature ({@code exp}, {@code sig}; see
   * {@link SignedLinks}).
   */
  public Access access(String reportId, String exp, String sig) {
    return access(reportId, exp, sig, List.of());
  }

  /**
   * Like {@link #access(String, String, String)}, and a restricted report is also {@link
   * Access#SIGNED} for a person signed in with Slack who is a member of one of its channels ({@code
   * allowedChannels}).
   */
  public Access access(String reportId, String exp, String sig, List<String> allowedChannels) {
    Optional<ReportInfo> info =
        catalog.list().stream().filter(r -> r.id().equals(reportId)).findFirst();
    if (info.isEmpty()) {
      return Access.NOT_FOUND;
    }
    if (info.get().meta().channels().isEmpty()) {
      return Access.OPEN;
    }
    if (info.get().meta().channels().stream().anyMatch(allowedChannels::contains)) {
      return Access.SIGNED;
    }
    return signedLinks != null && signedLinks.verify(reportId, exp, sig) == SignedLinks.Check.VALID
        ? Access.SIGNED
        : Access.FORBIDDEN;
  }

  /**
   * A 403 page for a restricted report opened without a valid link (it does not name the report).
   */
  public String forbiddenPage() {
    Document doc = shell("Restricted · Debrief");
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").attr("id", "forbidden").text("This report is restricted");
    main.appendElement("p")
        .text(
            "It can only be opened through a link Debrief posted in a Slack conversation that"
                + " may use it, and such links expire. Ask Debrief there again for a fresh link.");
    return html(doc);
  }

  /** {@code GET /reports}: every unrestricted report (restricted ones are not listed). */
  public String listPage() {
    Document doc = shell("Reports · Debrief");
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").attr("id", "reports").text("Reports");
    List<ReportInfo> reports =
        catalog.list().stream().filter(r -> r.meta().channels().isEmpty()).toList();
    if (reports.isEmpty()) {
      main.appendElement("p").text("Nothing is indexed yet. Run debrief ingest PATH first.");
      return html(doc);
    }
    Element list = main.appendElement("ul").addClass("reports");
    for (ReportInfo info : reports) {
      Element li = list.appendElement("li");
      li.appendElement("a")
          .attr("href", "/reports/" + URLEncoder.encode(info.id(), StandardCharsets.UTF_8))
          .text(info.meta().title());
      List<String> bits = new ArrayList<>();
      if (!info.meta().event().isEmpty()) bits.add(info.meta().event());
      if (!info.meta().date().isEmpty()) bits.add(info.meta().date());
      if (!info.meta().author().isEmpty()) bits.add(info.meta().author());
      bits.add(info.passages() + " passages");
      bits.add("indexed " + WHEN.format(Instant.ofEpochMilli(info.ingestedAt())));
      li.appendElement("span").addClass("meta").text(" — " + String.join(" · ", bits));
    }
    return html(doc);
  }

  /** {@code GET /reports/{id}}: the report's normalized text, or empty when unknown. */
  public Optional<String> reportPage(String reportId, String highlightPassageId) {
    Optional<Report> found = catalog.findReport(reportId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Report report = found.get();
    Document doc = shell(report.meta().title() + " · Debrief");
    Element main = doc.body().appendElement("main");
    Element header = main.appendElement("header");
    Element crumbs = header.appendElement("p").addClass("crumbs");
    crumbs.appendElement("a").attr("href", "/reports").text("← Library");
    crumbs.appendText(" · ");
    crumbs.appendElement("a").attr("href", "/").text("Ask");
    header.appendElement("h1").attr("id", "report-title").text(report.meta().title());
    List<String> bits = new ArrayList<>();
    if (!report.meta().event().isEmpty()) bits.add(report.meta().event());
    if (!report.meta().date().isEmpty()) bits.add(report.meta().date());
    if (!report.meta().author().isEmpty()) bits.add(report.meta().author());
    if (!bits.isEmpty()) {
      header.appendElement("p").addClass("meta").text(String.join(" · ", bits));
    }
    if (!report.meta().url().isEmpty() && report.meta().url().matches("(?i)https?://.+")) {
      header
          .appendElement("p")
          .addClass("source")
          .appendElement("a")
          .attr("href", report.meta().url())
          .attr("rel", "noopener noreferrer")
          .text("Original report");
    }
    boolean highlightFound = false;
    String text = report.text();
    List<Section> sections = new ArrayList<>(report.sections());
    sections.sort(Comparator.comparingInt(Section::start));
    Element article = main.appendElement("article");
    if (sections.isEmpty()) {
      sections = List.of(new Section(0, 0, "", List.of(), "", 0, text.length()));
    }
    for (Section section : sections) {
      Element sec = article.appendElement("section");
      int cursor = clamp(section.start(), text);
      int end = clamp(section.end(), text);
      if (section.level() > 0) {
        String id = section.anchor().isEmpty() ? "section-" + section.ordinal() : section.anchor();
        sec.appendElement("h" + Math.min(6, section.level() + 1))
            .attr("id", id)
            .text(section.heading());
        cursor = skipHeading(text, cursor, end, section.heading());
      }
      List<Passage> passages =
          report.passages().stream()
              .filter(p -> p.sectionOrdinal() == section.ordinal())
              .sorted(Comparator.comparingInt(Passage::start))
              .toList();
      for (Passage p : passages) {
        int ps = clamp(p.start(), text);
        int pe = clamp(p.end(), text);
        if (ps > cursor && ps <= end) {
          paragraphs(sec, text.substring(cursor, ps));
        }
        Element div = sec.appendElement("div").addClass("passage").attr("id", p.id());
        String body = pe > ps && ps >= cursor ? text.substring(ps, pe) : p.text();
        paragraphs(div, body);
        if (p.id().equals(highlightPassageId)) {
          div.addClass("highlight").attr("aria-current", "true");
          highlightFound = true;
        }
        cursor = Math.max(cursor, pe);
      }
      if (cursor < end) {
        paragraphs(sec, text.substring(cursor, end));
      }
    }
    if (highlightFound) {
      doc.body().attr("data-highlight", highlightPassageId);
    } else if (!highlightPassageId.isEmpty()) {
      header
          .appendElement("p")
          .addClass("notice")
          .text(
              "The cited passage is no longer in this report; it may " + "have been re-ingested.");
    }
    return Optional.of(html(doc));
  }

  /** A 404 page. */
  public String notFoundPage(String reportId) {
    Document doc = shell("Not found · Debrief");
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").attr("id", "not-found").text("Report not found");
    main.appendElement("p").text("No report with id " + reportId + " is indexed.");
    main.appendElement("p").appendElement("a").attr("href", "/reports").text("All reports");
    return html(doc);
  }

  private static int clamp(int offset, String text) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  private static int skipHeading(String text, int from, int end, String heading) {
    int i = from;
    while (i < end && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '#')) {
      i++;
    }
    if (!heading.isEmpty() && text.startsWith(heading, i) && i + heading.length() <= end) {
      return i + heading.length();
    }
    return from;
  }

  private static void paragraphs(Element parent, String chunk) {
    for (String para : chunk.split("\\n\\s*\\n")) {
      String t = para.strip();
      if (!t.isEmpty()) {
        parent.appendElement("p").text(t);
      }
    }
  }

  private Document shell(String title) {
    Document doc = Document.createShell(publicBaseUrl);
    doc.insertChildren(0, new DocumentType("html", "", ""));
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head()
        .appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    doc.head().appendElement("title").text(title);
    doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/static/viewer.css");
    doc.head().appendElement("script").attr("src", "/static/viewer.js").attr("defer", "");
    return doc;
  }

  private static String html(Document doc) {
    doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8);
    return doc.outerHtml();
  }
}
