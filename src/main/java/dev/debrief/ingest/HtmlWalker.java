package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Walks a cleaned DOM and emits its structure to a {@link DocBuilder}: block elements end lines, so
 * the text of adjacent blocks never welds together; h1–h6 become headings and keep their own {@code
 * id} (or the id/name of an anchor inside them) as the section anchor; list items become {@code "•
 * item"} or {@code "1. item"} lines; tables become {@code cell | cell} rows; {@code <pre>} keeps
 * its whitespace; images are dropped. One instance per walk.
 */
final class HtmlWalker {
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

  /**
   * Words above which a heading's text that breaks onto a new line is a title followed by body
   * text: the longest session title in ../shared/reports has 19 words.
   */
  private static final int MAX_TITLE_WORDS = 24;

  private static final Pattern BR_SPACE = Pattern.compile("[ \\t]*\\n[ \\t]*");

  private final DocBuilder out;
  private final StringBuilder buf = new StringBuilder();
  private DocBuilder.Kind kind = DocBuilder.Kind.PARAGRAPH;
  private String prefix = "";
  private int group = 0;
  private int listGroup = 0;

  HtmlWalker(DocBuilder out) {
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
      case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e);
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

  /**
   * A heading whose closing tag is missing ({@code <h2>Keynote <p>Ana said…}) holds the text up to
   * the next heading: HTML's parser keeps {@code <p>} inside {@code <h2>} and closes it only at the
   * next heading. Only the heading's leading line becomes the title; its block children, and text
   * after its first line break when the rest runs longer than a title, are read as the section's
   * body, so nothing the author wrote is lost.
   */
  private void heading(Element h) {
    flush();
    int level = h.normalName().charAt(1) - '0';
    List<Node> nodes = h.childNodes();
    int firstBlock = 0;
    StringBuilder title = new StringBuilder();
    while (firstBlock < nodes.size() && !isBlock(nodes.get(firstBlock))) {
      Node n = nodes.get(firstBlock++);
      title.append(n instanceof TextNode t ? t.getWholeText() : textOf(n));
    }
    if (firstBlock == nodes.size()) {
      String whole = title.toString().strip();
      int cut = whole.indexOf('\n');
      if (cut > 0 && wordCount(whole) > MAX_TITLE_WORDS) {
        out.heading(level, DocBuilder.oneLine(whole.substring(0, cut)), headingId(h));
        buf.append(whole.substring(cut + 1));
        flush();
        return;
      }
      out.heading(level, h.text(), headingId(h));
      return;
    }
    String leading = DocBuilder.oneLine(title.toString());
    if (leading.isBlank() && nodes.get(firstBlock) instanceof Element only) {
      leading = only.text();
      firstBlock++;
    }
    out.heading(level, leading, headingId(h));
    for (Node rest : nodes.subList(firstBlock, nodes.size())) {
      walk(rest);
    }
    flush();
  }

  private static boolean isBlock(Node n) {
    return n instanceof Element e && BLOCKS.contains(e.normalName());
  }

  private static String textOf(Node n) {
    return n instanceof Element e ? e.wholeText() : "";
  }

  private static int wordCount(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
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
   * A {@code <p>}, {@code <div>} or {@code <span>} inside a list item whose content is inline: read
   * as part of the item line.
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
      boolean header = first && (allTh || (parent != null && parent.normalName().equals("thead")));
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
