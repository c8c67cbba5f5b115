package dev.debrief.ingest;

import static dev.debrief.ingest.OfficeXml.attr;
import static dev.debrief.ingest.OfficeXml.child;
import static dev.debrief.ingest.OfficeXml.children;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Word documents ({@code .docx}, WordprocessingML, ECMA-376 Part 1 §17) as written by Microsoft
 * Word, Google Docs, LibreOffice and Confluence exports: {@code word/document.xml} read in order,
 * {@code word/styles.xml} for heading styles, {@code word/numbering.xml} for bullets versus
 * numbers, {@code docProps/core.xml} for title, author and date.
 *
 * <ul>
 *   <li>A paragraph is a heading when its style (or a style it is based on) is named "heading N" or
 *       "Title" (level 1), or carries an outline level below 9 ({@code w:outlineLvl}, 0-based).
 *   <li>A paragraph with numbering ({@code w:numPr}) is a list item: {@code "• "} for bullet
 *       formats, else {@code "N. "} counted per list and level.
 *   <li>Tables ({@code w:tbl}) become {@code cell | cell} rows; rows marked as repeated header rows
 *       ({@code w:tblHeader}) are the header, else the first row is. A table nested in a cell is
 *       flattened into the cell's text.
 *   <li>Text: runs ({@code w:t}), tabs, breaks, hyperlinks, inserted text and content controls;
 *       deleted text, field codes, footnote and comment references are left out. Headers, footers,
 *       footnotes and comments are not read.
 * </ul>
 */
final class DocxParser {
  private static final Pattern HEADING_NAME = Pattern.compile("(?i)^heading\\s*([1-9])$");

  /** WordprocessingML's "body text" outline level (levels 0–8 are headings). */
  private static final int BODY_OUTLINE_LEVEL = 9;

  private final Map<String, Element> styles = new HashMap<>();
  private final Map<String, String> numFormats = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private final DocBuilder out;
  private int listGroup;
  private String lastNumId = "";

  private DocxParser(DocBuilder out) {
    this.out = out;
  }

  static void parse(byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    ZipParts zip =
        ZipParts.read(
            bytes,
            ".docx",
            name ->
                name.equals("word/document.xml")
                    || name.equals("word/styles.xml")
                    || name.equals("word/numbering.xml")
                    || name.equals("docProps/core.xml"));
    Document doc =
        zip.xml("word/document.xml")
            .orElseThrow(
                () -> new IngestException("not a Word document: word/document.xml is missing"));
    DocxParser p = new DocxParser(out);
    zip.xml("word/styles.xml").ifPresent(p::readStyles);
    zip.xml("word/numbering.xml").ifPresent(p::readNumbering);
    OfficeXml.coreProperties(zip, meta);
    Element body = doc.getElementsByTag("w:body").first();
    if (body != null) {
      p.blocks(body);
    }
  }

  private void readStyles(Document doc) {
    for (Element s : doc.getElementsByTag("w:style")) {
      styles.put(attr(s, "w:styleId"), s);
    }
  }

  /** numId -> abstractNum's level formats, stored as "numId/ilvl" -> numFmt. */
  private void readNumbering(Document doc) {
    Map<String, Element> abstracts = new HashMap<>();
    for (Element a : doc.getElementsByTag("w:abstractNum")) {
      abstracts.put(attr(a, "w:abstractNumId"), a);
    }
    for (Element num : doc.getElementsByTag("w:num")) {
      Element a = abstracts.get(attr(child(num, "w:abstractNumId"), "w:val"));
      if (a == null) {
        continue;
      }
      for (Element lvl : children(a, "w:lvl")) {
        numFormats.put(
            attr(num, "w:numId") + "/" + attr(lvl, "w:ilvl"),
            attr(child(lvl, "w:numFmt"), "w:val"));
      }
    }
  }

  private void blocks(Element container) {
    for (Element e : container.children()) {
      switch (e.tagName()) {
        case "w:p" -> paragraph(e);
        case "w:tbl" -> table(e);
        case "w:sdt" -> blocks(child(e, "w:sdtContent") == null ? e : child(e, "w:sdtContent"));
        case "w:customXml", "w:ins", "w:moveTo" -> blocks(e);
        default -> {}
      }
    }
  }

  private void paragraph(Element p) {
    String text = text(p);
    if (text.isBlank()) {
      return;
    }
    Element pPr = child(p, "w:pPr");
    int level = headingLevel(pPr);
    if (level > 0) {
      listGroup = 0;
      out.heading(level, text, null);
      return;
    }
    Element numPr = child(pPr, "w:numPr");
    String numId = attr(child(numPr, "w:numId"), "w:val");
    if (numPr != null && !numId.isEmpty() && !numId.equals("0")) {
      String ilvl = attr(child(numPr, "w:ilvl"), "w:val");
      if (listGroup == 0 || !numId.equals(lastNumId)) {
        listGroup = out.newGroup();
        lastNumId = numId;
      }
      String fmt = numFormats.getOrDefault(numId + "/" + (ilvl.isEmpty() ? "0" : ilvl), "bullet");
      String marker;
      if (fmt.equals("bullet") || fmt.equals("none") || fmt.isEmpty()) {
        marker = "• ";
      } else {
        int n = counters.merge(numId + "/" + ilvl, 1, Integer::sum);
        marker = n + ". ";
      }
      out.listItem(marker + DocBuilder.oneLine(text), listGroup);
      return;
    }
    listGroup = 0;
    out.paragraph(text);
  }

  /** 1–6 for a heading paragraph, 0 otherwise. */
  private int headingLevel(Element pPr) {
    String own = attr(child(pPr, "w:outlineLvl"), "w:val");
    if (!own.isEmpty()) {
      return outline(own);
    }
    String styleId = attr(child(pPr, "w:pStyle"), "w:val");
    for (int depth = 0; depth < 10 && !styleId.isEmpty(); depth++) {
      Element style = styles.get(styleId);
      String name = style == null ? styleId : attr(child(style, "w:name"), "w:val");
      Matcher m = HEADING_NAME.matcher(name.isEmpty() ? styleId : name);
      if (m.matches()) {
        return Math.min(6, Integer.parseInt(m.group(1)));
      }
      if (name.equalsIgnoreCase("title") || styleId.equalsIgnoreCase("title")) {
        return 1;
      }
      if (style == null) {
        return 0;
      }
      String lvl = attr(child(child(style, "w:pPr"), "w:outlineLvl"), "w:val");
      if (!lvl.isEmpty()) {
        return outline(lvl);
      }
      styleId = attr(child(style, "w:basedOn"), "w:val");
    }
    return 0;
  }

  private static int outline(String val) {
    try {
      int lvl = Integer.parseInt(val.strip());
      return lvl >= 0 && lvl < BODY_OUTLINE_LEVEL ? Math.min(6, lvl + 1) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void table(Element tbl) {
    listGroup = 0;
    List<Element> rows = new ArrayList<>();
    collectRows(tbl, rows);
    boolean anyMarked = rows.stream().anyMatch(DocxParser::isHeaderRow);
    int g = out.newGroup();
    boolean first = true;
    for (Element tr : rows) {
      List<String> cells = new ArrayList<>();
      for (Element tc : cellsOf(tr)) {
        StringBuilder sb = new StringBuilder();
        for (Element p : tc.getElementsByTag("w:p")) {
          String t = DocBuilder.oneLine(text(p));
          if (!t.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(t);
          }
        }
        cells.add(sb.toString());
      }
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      boolean header = anyMarked ? isHeaderRow(tr) : first;
      out.tableRow(String.join(" | ", cells), header, g);
      first = false;
    }
  }

  private static void collectRows(Element container, List<Element> rows) {
    for (Element e : container.children()) {
      switch (e.tagName()) {
        case "w:tr" -> rows.add(e);
        case "w:sdt", "w:sdtContent", "w:customXml" -> collectRows(e, rows);
        default -> {}
      }
    }
  }

  private static List<Element> cellsOf(Element tr) {
    List<Element> cells = new ArrayList<>();
    for (Element e : tr.children()) {
      if (e.tagName().equals("w:tc")) {
        cells.add(e);
      } else if (e.tagName().equals("w:sdt") || e.tagName().equals("w:customXml")) {
        Element content = child(e, "w:sdtContent");
        cells.addAll(children(content == null ? e : content, "w:tc"));
      }
    }
    return cells;
  }

  private static boolean isHeaderRow(Element tr) {
    Element trPr = child(tr, "w:trPr");
    Element h = child(trPr, "w:tblHeader");
    return h != null && !attr(h, "w:val").matches("(?i)false|0|off");
  }

  /** The visible text of a paragraph: runs in order, tabs as spaces, breaks as line breaks. */
  static String text(Element p) {
    StringBuilder sb = new StringBuilder();
    appendText(p, sb);
    return sb.toString();
  }

  private static void appendText(Element e, StringBuilder sb) {
    for (Node n : e.childNodes()) {
      if (!(n instanceof Element c)) {
        continue;
      }
      switch (c.tagName()) {
        case "w:t" -> {
          for (Node t : c.childNodes()) {
            if (t instanceof TextNode tn) {
              sb.append(tn.getWholeText());
            }
          }
        }
        case "w:tab", "w:ptab" -> sb.append(' ');
        case "w:br", "w:cr" -> sb.append('\n');
        case "w:noBreakHyphen" -> sb.append('-');
        case "w:del",
            "w:moveFrom",
            "w:instrText",
            "w:delText",
            "w:pPr",
            "w:rPr",
            "w:footnoteReference",
            "w:endnoteReference",
            "w:commentReference",
            "w:tbl",
            "w:p" -> {}
        default -> appendText(c, sb);
      }
    }
  }
}
