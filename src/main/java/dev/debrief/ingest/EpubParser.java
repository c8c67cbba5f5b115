package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * E-books ({@code .epub}, EPUB 3.3 and 2.0.1): {@code META-INF/container.xml} names the package
 * document (OPF); its {@code spine} gives the reading order of the XHTML content documents, each
 * read by {@link HtmlParser} into the one report (so headings, lists and tables follow the HTML
 * rules, and heading ids become anchors). A content document without any h1–h6 (LibreOffice's EPUB
 * export writes headings as styled paragraphs) is headed by its entry in the navigation document
 * (EPUB 3 {@code nav}, else the EPUB 2 NCX), its first paragraph becoming that heading when it
 * repeats the label. Title, creator, date and subjects come from the package metadata (Dublin
 * Core). Navigation documents and non-XHTML spine items are skipped.
 */
final class EpubParser {
  private EpubParser() {}

  static void parse(byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    ZipParts zip =
        ZipParts.read(
            bytes,
            ".epub",
            name ->
                name.endsWith(".xml")
                    || name.endsWith(".opf")
                    || name.endsWith(".xhtml")
                    || name.endsWith(".html")
                    || name.endsWith(".htm"));
    Document container =
        zip.xml("META-INF/container.xml")
            .orElseThrow(
                () -> new IngestException("not an EPUB: META-INF/container.xml is missing"));
    Element rootfile = container.getElementsByTag("rootfile").first();
    String opfName = rootfile == null ? "" : ZipParts.resolve("", rootfile.attr("full-path"));
    Document opf =
        zip.xml(opfName)
            .orElseThrow(
                () ->
                    new IngestException(
                        "not an EPUB: the package document " + opfName + " is missing"));
    meta.title = OfficeXml.text(opf, "dc:title");
    meta.author = String.join(", ", opf.getElementsByTag("dc:creator").eachText());
    meta.date = Meta.normalizeDate(OfficeXml.text(opf, "dc:date"));
    for (Element s : opf.getElementsByTag("dc:subject")) {
      meta.tags.addAll(Meta.list(s.text()));
    }
    Map<String, Element> manifest = new HashMap<>();
    for (Element item : opf.getElementsByTag("item")) {
      manifest.put(item.attr("id"), item);
    }
    Map<String, String> labels = navigationLabels(zip, opfName, manifest.values());
    List<String> chapters = new ArrayList<>();
    for (Element ref : opf.getElementsByTag("itemref")) {
      Element item = manifest.get(ref.attr("idref"));
      if (item == null
          || item.attr("properties").contains("nav")
          || !item.attr("media-type").contains("html")) {
        continue;
      }
      chapters.add(ZipParts.resolve(opfName, item.attr("href")));
    }
    for (String chapter : chapters) {
      String html = zip.text(chapter).orElse("");
      if (html.isBlank()) {
        continue;
      }
      String label = labels.getOrDefault(chapter, "");
      if (!label.isEmpty()) {
        html = headed(html, label);
      }
      HtmlParser.parsePage(html, "", out, new Meta());
    }
  }

  /**
   * Content document part name to its navigation label (the first one, when several point into it).
   */
  private static Map<String, String> navigationLabels(
      ZipParts zip, String opfName, java.util.Collection<Element> items) {
    Map<String, String> labels = new HashMap<>();
    for (Element item : items) {
      String part = ZipParts.resolve(opfName, item.attr("href"));
      if (item.attr("properties").contains("nav")) {
        zip.text(part)
            .ifPresent(
                html -> {
                  for (Element a : Jsoup.parse(html).select("nav a[href]")) {
                    labels.putIfAbsent(
                        ZipParts.resolve(part, a.attr("href")), DocBuilder.oneLine(a.text()));
                  }
                });
      }
    }
    if (labels.isEmpty()) {
      for (Element item : items) {
        if (item.attr("media-type").equals("application/x-dtbncx+xml")) {
          String part = ZipParts.resolve(opfName, item.attr("href"));
          zip.xml(part)
              .ifPresent(
                  ncx -> {
                    for (Element point : ncx.getElementsByTag("navPoint")) {
                      Element text = point.getElementsByTag("text").first();
                      Element content = point.getElementsByTag("content").first();
                      if (text != null && content != null) {
                        labels.putIfAbsent(
                            ZipParts.resolve(part, content.attr("src")),
                            DocBuilder.oneLine(text.text()));
                      }
                    }
                  });
        }
      }
    }
    return labels;
  }

  /** The chapter with an h1 of {@code label} when it has no heading of its own. */
  private static String headed(String html, String label) {
    Document doc = Jsoup.parse(html);
    if (!doc.select("h1, h2, h3, h4, h5, h6").isEmpty()) {
      return html;
    }
    Element first = doc.body().selectFirst("p, div");
    if (first != null && DocBuilder.oneLine(first.text()).equalsIgnoreCase(label)) {
      first.tagName("h1");
    } else {
      doc.body().prependElement("h1").text(label);
    }
    return doc.outerHtml();
  }
}
