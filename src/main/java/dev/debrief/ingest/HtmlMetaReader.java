package dev.debrief.ingest;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's metadata from its {@code <head>} and bylines: title (og:title, else {@code <title>}
 * without the site name), author (meta author or article:author, else a {@code rel=author} or
 * {@code itemprop=author} byline), date (article:published_time, date or dc.date metas,
 * itemprop=datePublished, else the first {@code <time datetime>}), canonical URL and tags.
 */
final class HtmlMetaReader {
  /** Longest author, in characters; a longer "author" is a sentence or a list, and is dropped. */
  private static final int MAX_AUTHOR_CHARS = 120;

  private HtmlMetaReader() {}

  /**
   * Reads {@code doc}'s metadata into {@code meta}; title and author are always set (empty when the
   * page has none), date and URL only when found, and tags are added.
   */
  static void read(Document doc, Meta meta) {
    String ogTitle = attr(doc, "meta[property=og:title]", "content");
    String siteName = attr(doc, "meta[property=og:site_name]", "content");
    String title =
        !ogTitle.isEmpty() ? ogTitle : cleanTitle(DocBuilder.oneLine(doc.title()), siteName);
    meta.title = title;
    String author = attr(doc, "meta[name=author]", "content");
    if (author.isEmpty()) {
      author = attr(doc, "meta[property=article:author]", "content");
    }
    if (author.isEmpty() || Meta.isAbsoluteUrl(author)) {
      Element byline =
          doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]");
      author = byline == null ? "" : DocBuilder.oneLine(byline.text());
    }
    meta.author = author.length() > MAX_AUTHOR_CHARS ? "" : author;
    for (String sel :
        List.of(
            "meta[property=article:published_time]",
            "meta[name=date]",
            "meta[name=dc.date]",
            "meta[name=DC.date]",
            "meta[itemprop=datePublished]")) {
      String d = Meta.normalizeDate(attr(doc, sel, "content"));
      if (!d.isEmpty()) {
        meta.date = d;
        break;
      }
    }
    if (meta.date.isEmpty()) {
      Element time = doc.selectFirst("article time[datetime], time[datetime]");
      if (time != null) {
        meta.date = Meta.normalizeDate(time.attr("datetime"));
      }
    }
    for (String[] sel :
        new String[][] {{"link[rel=canonical]", "href"}, {"meta[property=og:url]", "content"}}) {
      String u = attr(doc, sel[0], sel[1]);
      if (Meta.isAbsoluteUrl(u)) {
        meta.url = u;
        break;
      }
    }
    for (Element tag : doc.select("meta[property=article:tag]")) {
      String t = DocBuilder.oneLine(tag.attr("content"));
      if (!t.isEmpty()) {
        meta.tags.add(t);
      }
    }
    if (meta.tags.isEmpty()) {
      meta.tags.addAll(Meta.list(attr(doc, "meta[name=keywords]", "content")));
    }
  }

  /** "Site | Post" or "Post - Site" without the site name. */
  private static String cleanTitle(String title, String siteName) {
    if (siteName.isEmpty()) {
      return title;
    }
    for (String sep : List.of(" | ", " – ", " — ", " - ", " :: ", " · ")) {
      if (title.startsWith(siteName + sep)) {
        return title.substring(siteName.length() + sep.length()).strip();
      }
      if (title.endsWith(sep + siteName)) {
        return title.substring(0, title.length() - sep.length() - siteName.length()).strip();
      }
    }
    return title;
  }

  private static String attr(Document doc, String selector, String attr) {
    Element e = doc.selectFirst(selector);
    return e == null ? "" : DocBuilder.oneLine(e.attr(attr));
  }
}
