package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * OpenDocument text ({@code .odt}, OASIS OpenDocument 1.2/1.3 Part 3, as written by LibreOffice,
 * Google Docs and Word): {@code content.xml}'s {@code office:text} in order, list styles from
 * {@code content.xml} and {@code styles.xml}, title, author, date and keywords from {@code
 * meta.xml}.
 *
 * <ul>
 *   <li>{@code text:h} is a heading at its {@code text:outline-level} (1 when absent).
 *   <li>{@code text:list} items are list items: {@code "N. "} when the list style's level is
 *       numbered ({@code text:list-level-style-number}), else {@code "• "}.
 *   <li>{@code table:table} rows become {@code cell | cell} rows; rows inside {@code
 *       table:table-header-rows} are the header, else the first row is.
 *   <li>Inline text: spans, links, {@code text:s} (spaces), tabs and line breaks; notes,
 *       annotations, tracked deletions, tables of contents and frames (images, text boxes) are left
 *       out.
 * </ul>
 */
final class OdtParser {
  private static final Set<String> SKIPPED =
      Set.of(
          "text:tracked-changes",
          "text:table-of-content",
          "text:alphabetical-index",
          "text:illustration-index",
          "text:bibliography",
          "office:annotation",
          "text:soft-page-break",
          "draw:frame",
          "office:forms",
          "text:sequence-decls",
          "text:variable-decls",
          "table:table-columns",
          "table:table-column",
          "text:user-field-decls");
  private final DocBuilder out;
  private final Set<String> numberedListStyles = new HashSet<>();

  private OdtParser(DocBuilder out) {
    this.out = out;
  }

  static void parse(byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    ZipParts zip =
        ZipParts.read(
            bytes,
            ".odt",
            name ->
                name.equals("content.xml") || name.equals("styles.xml") || name.equals("meta.xml"));
    Document content =
        zip.xml("content.xml")
            .orElseThrow(
                () -> new IngestException("not an OpenDocument text: content.xml is missing"));
    OdtParser p = new OdtParser(out);
    p.readListStyles(content);
    zip.xml("styles.xml").ifPresent(p::readListStyles);
    zip.xml("meta.xml")
        .ifPresent(
            m -> {
              meta.title = OfficeXml.text(m, "dc:title");
              meta.author = OfficeXml.text(m, "meta:initial-creator");
              if (meta.author.isEmpty()) {
                meta.author = OfficeXml.text(m, "dc:creator");
              }
              meta.date = Meta.normalizeDate(OfficeXml.text(m, "meta:creation-date"));
              for (Element k : m.getElementsByTag("meta:keyword")) {
                meta.tags.addAll(Meta.list(k.text()));
              }
            });
    Element text = content.getElementsByTag("office:text").first();
    if (text != null) {
      p.blocks(text);
    }
  }

  /** Remembers "style/level" keys of numbered list levels. */
  private void readListStyles(Document doc) {
    for (Element style : doc.getElementsByTag("text:list-style")) {
      for (Element lvl : style.getElementsByTag("text:list-level-style-number")) {
        numberedListStyles.add(style.attr("style:name") + "/" + lvl.attr("text:level"));
      }
    }
  }

  private void blocks(Element container) {
    for (Element e : container.children()) {
      String tag = e.tagName();
      if (SKIPPED.contains(tag)) {
        continue;
      }
      switch (tag) {
        case "text:h" -> {
          int level = 1;
          try {
            level = Integer.parseInt(e.attr("text:outline-level").strip());
          } catch (NumberFormatException ignored) {
            level = 1;
          }
          out.heading(level, inline(e), null);
        }
        case "text:p" -> out.paragraph(inline(e));
        case "text:list" -> list(e, e.attr("text:style-name"), 1);
        case "table:table" -> table(e);
        default -> blocks(e); // text:section, office:text wrappers, text:index-body, ...
      }
    }
  }

  private void list(Element list, String styleName, int level) {
    String style = list.hasAttr("text:style-name") ? list.attr("text:style-name") : styleName;
    boolean numbered = numberedListStyles.contains(style + "/" + level);
    int group = out.newGroup();
    int n = 0;
    for (Element item : OfficeXml.children(list, "text:list-item")) {
      for (Element c : item.children()) {
        switch (c.tagName()) {
          case "text:p", "text:h" -> {
            String t = DocBuilder.oneLine(inline(c));
            if (!t.isEmpty()) {
              out.listItem((numbered ? (++n) + ". " : "• ") + t, group);
            }
          }
          case "text:list" -> list(c, style, level + 1);
          default -> {}
        }
      }
    }
  }

  private void table(Element table) {
    List<Element> header = new ArrayList<>();
    List<Element> rows = new ArrayList<>();
    collectRows(table, rows, header, false);
    int g = out.newGroup();
    boolean first = true;
    for (Element tr : rows) {
      List<String> cells = new ArrayList<>();
      for (Element tc : OfficeXml.children(tr, "table:table-cell")) {
        StringBuilder sb = new StringBuilder();
        for (Element p : tc.children()) {
          String t = DocBuilder.oneLine(inline(p));
          if (!t.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(t);
          }
        }
        cells.add(sb.toString());
      }
      while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      if (cells.isEmpty()) {
        continue;
      }
      boolean isHeader = header.isEmpty() ? first : header.contains(tr);
      out.tableRow(String.join(" | ", cells), isHeader, g);
      first = false;
    }
  }

  private static void collectRows(
      Element e, List<Element> rows, List<Element> header, boolean inHeader) {
    for (Element c : e.children()) {
      switch (c.tagName()) {
        case "table:table-row" -> {
          rows.add(c);
          if (inHeader) {
            header.add(c);
          }
        }
        case "table:table-header-rows" -> collectRows(c, rows, header, true);
        case "table:table-rows", "table:table-row-group" -> collectRows(c, rows, header, inHeader);
        default -> {}
      }
    }
  }

  /** The text of a paragraph-like element. */
  static String inline(Element e) {
    StringBuilder sb = new StringBuilder();
    appendInline(e, sb);
    return sb.toString();
  }

  private static void appendInline(Element e, StringBuilder sb) {
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (n instanceof Element c) {
        switch (c.tagName()) {
          case "text:s" -> {
            int count = 1;
            try {
              count = c.hasAttr("text:c") ? Integer.parseInt(c.attr("text:c").strip()) : 1;
            } catch (NumberFormatException ignored) {
              count = 1;
            }
            sb.append(" ".repeat(Math.max(1, Math.min(count, 64))));
          }
          case "text:tab" -> sb.append(' ');
          case "text:line-break" -> sb.append('\n');
          case "text:note",
              "office:annotation",
              "office:annotation-end",
              "draw:frame",
              "text:bookmark-ref" -> {}
          default -> appendInline(c, sb);
        }
      }
    }
  }
}
