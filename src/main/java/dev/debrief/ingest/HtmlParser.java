package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * HTML pages and HTML fragments, parsed with jsoup (the WHATWG HTML parsing algorithm), so
 * character references are decoded exactly once by the parser and never again.
 *
 * <p>Boilerplate removed before the text is read: {@code script style noscript template nav header
 * footer aside form iframe svg button}, elements with ARIA roles
 * navigation/banner/contentinfo/complementary/search, hidden elements, and elements whose id or
 * class mentions cookie, consent, GDPR, banner, sidebar, comments, share/social buttons,
 * breadcrumbs, newsletter or related posts ({@code <html> <body> <main> <article>} and ancestors of
 * the content are never removed). A {@code <header>} inside an {@code <article>} keeps its
 * headings. The content root is the largest {@code <article>}, else {@code <main>}, else {@code
 * <body>}.
 *
 * <p>Block elements end lines, so the text of adjacent blocks never welds together; h1–h6 become
 * headings and keep their own {@code id} (or the id/name of an anchor inside them) as the section
 * anchor; list items become {@code "• item"} or {@code "1. item"} lines; tables become {@code cell
 * | cell} rows; {@code <pre>} keeps its whitespace; images are dropped.
 */
final class HtmlParser {
  private static final String BOILERPLATE =
      "script, style, noscript, template, nav, footer, aside, form, iframe, "
          + "svg, button, select, textarea, input, object, embed, canvas, dialog, link, meta, "
          + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], "
          + "[hidden], [aria-hidden=true]";
  private static final Pattern ANYWHERE =
      Pattern.compile("(?i)cookie|consent|gdpr|banner|sidebar|disqus");
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?i)(^|[-_])(comments?|share|sharing|social|newsletter|related|breadcrumbs?|subscribe|advert|ads|"
              + "promo|popup|skip-link|post-navigation|pagination)([-_]|$)");
  private static final Set<String> KEEP = Set.of("html", "body", "main", "article");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "blockquote",
          "figure",
          "figcaption",
          "dl",
          "dt",
          "dd",
          "address",
          "hr",
          "details",
          "summary",
          "center",
          "header",
          "hgroup",
          "fieldset",
          "legend",
          "caption",
          "body",
          "html",
          "li",
          "tr",
          "td",
          "th",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "ul",
          "ol",
          "menu",
          "nav",
          "footer",
          "aside",
          "form",
          "noscript",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6");
  private static final Pattern BR_SPACE = Pattern.compile("[ \\t]*\\n[ \\t]*");

  private HtmlParser() {}

  /** Parses a whole page into {@code out}, and its meta tags into {@code meta}. */
  static void parsePage(String html, String baseUri, DocBuilder out, Meta meta) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    readMeta(doc, meta);
    clean(doc);
    Element root = contentRoot(doc);
    new Walker(out).read(root);
  }

  /** Parses an HTML fragment (e.g. an HTML block inside Markdown) into {@code out}. */
  static void parseFragment(String html, DocBuilder out) {
    Document doc = Jsoup.parseBodyFragment(html);
    clean(doc);
    new Walker(out).read(doc.body());
  }

  private static void readMeta(Document doc, Meta meta) {
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
    meta.author = author.length() > 120 ? "" : author;
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

  private static void clean(Document doc) {
    doc.select(BOILERPLATE).remove();
    // a <header> inside the article keeps its headings only; others go
    for (Element header : doc.select("header")) {
      if (header.closest("article") != null && header.closest("article") != header) {
        Elements hs = header.select("h1, h2, h3, h4, h5, h6");
        for (Element h : hs) {
          header.before(h.clone());
        }
      }
      header.remove();
    }
    List<Element> doomed = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      if (KEEP.contains(e.normalName()) || !e.select("article, main").isEmpty()) {
        continue;
      }
      if (isBoilerplate(e.id()) || isBoilerplate(e.className())) {
        doomed.add(e);
      }
    }
    for (Element e : doomed) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  private static boolean isBoilerplate(String idOrClass) {
    if (idOrClass == null || idOrClass.isBlank()) {
      return false;
    }
    if (ANYWHERE.matcher(idOrClass).find()) {
      return true;
    }
    for (String token : idOrClass.trim().split("\\s+")) {
      if (TOKEN.matcher(token).find()) {
        return true;
      }
    }
    return false;
  }

  private static Element contentRoot(Document doc) {
    Elements articles = doc.select("article");
    if (!articles.isEmpty()) {
      Element best = null;
      int bestLen = -1;
      int total = 0;
      for (Element a : articles) {
        if (a.parents().stream().anyMatch(p -> p.normalName().equals("article"))) {
          continue;
        }
        int len = a.text().length();
        total += len;
        if (len > bestLen) {
          best = a;
          bestLen = len;
        }
      }
      if (best != null && bestLen > 0 && bestLen * 10 >= total * 4) {
        return best;
      }
    }
    Element main = doc.selectFirst("main, [role=main]");
    if (main != null && !main.text().isBlank()) {
      return main;
    }
    return doc.body();
  }

  /** Walks the DOM and emits blocks; one instance per walk. */
  private static final class Walker {
    private final DocBuilder out;
    private final StringBuilder buf = new StringBuilder();
    private DocBuilder.Kind kind = DocBuilder.Kind.PARAGRAPH;
    private String prefix = "";
    private int group = 0;
    private int listGroup = 0;

    Walker(DocBuilder out) {
      this.out = out;
    }

    /** Reads {@code root}'s content, text after its last block included ("\nA closing line"). */
    void read(Element root) {
      walkChildren(root);
      flush();
    }

    void walkChildren(Element e) {
      for (Node child : e.childNodes()) {
        walk(child);
      }
    }

    private void walk(Node node) {
      if (node instanceof TextNode t) {
        buf.append(t.text());
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      String name = e.normalName();
      switch (name) {
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          flush();
          out.heading(name.charAt(1) - '0', e.text(), headingId(e));
        }
        case "br" -> buf.append('\n');
        case "img", "picture", "video", "audio", "source", "track", "map", "area" -> {}
        case "pre" -> {
          flush();
          out.code(e.wholeText());
        }
        case "ul", "ol", "menu" -> list(e);
        case "li" -> item(e, "• ");
        case "table" -> table(e);
        default -> {
          boolean block = BLOCKS.contains(name);
          if (block) {
            flush();
          }
          walkChildren(e);
          if (block) {
            flush();
          }
        }
      }
    }

    private static String headingId(Element h) {
      if (!h.id().isBlank()) {
        return h.id();
      }
      Element inner = h.selectFirst("[id], a[name]");
      if (inner != null) {
        return inner.id().isBlank() ? inner.attr("name") : inner.id();
      }
      return null;
    }

    private void list(Element list) {
      flush();
      int savedListGroup = listGroup;
      if (listGroup == 0) {
        listGroup = out.newGroup();
      }
      boolean ordered = list.normalName().equals("ol");
      int n = 1;
      if (ordered && list.hasAttr("start")) {
        try {
          n = Integer.parseInt(list.attr("start").strip());
        } catch (NumberFormatException ignored) {
          n = 1;
        }
      }
      for (Node child : list.childNodes()) {
        if (child instanceof Element li && li.normalName().equals("li")) {
          item(li, ordered ? (n++) + ". " : "• ");
        } else {
          walk(child);
        }
      }
      flush();
      listGroup = savedListGroup;
    }

    private void item(Element li, String marker) {
      flush();
      DocBuilder.Kind savedKind = kind;
      String savedPrefix = prefix;
      int savedGroup = group;
      kind = DocBuilder.Kind.LIST_ITEM;
      prefix = marker;
      group = listGroup == 0 ? out.newGroup() : listGroup;
      for (Node child : li.childNodes()) {
        if (child instanceof Element ce && BLOCKS.contains(ce.normalName()) && isInlineish(ce)) {
          walkChildren(ce);
          buf.append(' ');
        } else {
          walk(child);
        }
      }
      flush();
      kind = savedKind;
      prefix = savedPrefix;
      group = savedGroup;
    }

    /**
     * A
     *
     * <p>or <div> inside a list item whose content is inline: read as part of the item line.
     */
    private static boolean isInlineish(Element e) {
      String n = e.normalName();
      return (n.equals("p") || n.equals("div") || n.equals("span"))
          && e.select("ul, ol, table, pre, h1, h2, h3, h4, h5, h6, blockquote").isEmpty();
    }

    private void table(Element table) {
      flush();
      Elements nested = table.select("table");
      boolean layout =
          nested.size() > 1
              || !table.select("td p, td div, td ul, td ol, td pre, th p, th div").isEmpty();
      if (layout) {
        walkChildren(table);
        flush();
        return;
      }
      Element caption = table.selectFirst("caption");
      if (caption != null && !caption.text().isBlank()) {
        out.paragraph(caption.text());
      }
      int g = out.newGroup();
      boolean first = true;
      for (Element tr : table.select("tr")) {
        List<String> cells = new ArrayList<>();
        boolean allTh = true;
        for (Element cell : tr.children()) {
          String cn = cell.normalName();
          if (cn.equals("td") || cn.equals("th")) {
            cells.add(DocBuilder.oneLine(cell.text()));
            allTh &= cn.equals("th");
          }
        }
        if (cells.isEmpty()) {
          continue;
        }
        Element parent = tr.parent();
        boolean header =
            first && (allTh || (parent != null && parent.normalName().equals("thead")));
        out.tableRow(String.join(" | ", cells), header, g);
        first = false;
      }
    }

    private void flush() {
      if (buf.length() > 0) {
        String body = BR_SPACE.matcher(buf.toString().replace('\u00A0', ' ')).replaceAll("\n");
        if (!body.isBlank()) {
          if (kind == DocBuilder.Kind.LIST_ITEM) {
            out.listItem(prefix + DocBuilder.oneLine(body), group);
            prefix = "";
          } else {
            out.paragraph(body);
          }
        }
        buf.setLength(0);
      }
    }
  }
}
