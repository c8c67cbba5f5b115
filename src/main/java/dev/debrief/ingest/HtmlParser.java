package dev.debrief.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML pages and HTML fragments, parsed with jsoup (the WHATWG HTML parsing algorithm), so
 * character references are decoded exactly once by the parser and never again.
 *
 * <p>A page is read in three steps: {@link HtmlMetaReader} takes its metadata, {@link PageChrome}
 * removes the blog and site chrome (navigation, banners, sidebars, comments…) and picks the content
 * root, and {@link HtmlWalker} turns what is left into headings, paragraphs, list items, table rows
 * and code blocks.
 */
final class HtmlParser {
  private HtmlParser() {}

  /** Parses a whole page into {@code out}, and its meta tags into {@code meta}. */
  static void parsePage(String html, String baseUri, DocBuilder out, Meta meta) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    HtmlMetaReader.read(doc, meta);
    PageChrome.remove(doc);
    Element root = PageChrome.contentRoot(doc);
    new HtmlWalker(out).read(root);
  }

  /** Parses an HTML fragment (e.g. an HTML block inside Markdown) into {@code out}. */
  static void parseFragment(String html, DocBuilder out) {
    Document doc = Jsoup.parseBodyFragment(html);
    PageChrome.remove(doc);
    new HtmlWalker(out).read(doc.body());
  }
}
