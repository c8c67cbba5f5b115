package dev.debrief.ingest;

import static dev.debrief.ingest.OfficeXml.attr;
import static dev.debrief.ingest.OfficeXml.child;
import static dev.debrief.ingest.OfficeXml.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Slide decks ({@code .pptx}, PresentationML, ECMA-376 Part 1 §19) as written by PowerPoint, Google
 * Slides and LibreOffice Impress: slides in the order of {@code ppt/presentation.xml}'s slide list,
 * each slide one section headed by its title placeholder (or "Slide N" without one), then its text
 * shapes, tables and speaker notes.
 *
 * <ul>
 *   <li>Shapes are read in the slide's z-order (groups recursively). Paragraphs of body
 *       placeholders are list items ({@code "• "}, or {@code "N. "} with auto-numbering) unless
 *       bullets are switched off ({@code a:buNone}); paragraphs of other text boxes are list items
 *       only with an explicit bullet.
 *   <li>Tables ({@code a:tbl}) become {@code cell | cell} rows, the first row being the header.
 *   <li>Hidden slides, date, footer and slide-number placeholders are left out; speaker notes
 *       follow the slide's content as paragraphs after a "Notes" line.
 * </ul>
 */
final class PptxParser {
  private static final Set<String> SKIPPED_PLACEHOLDERS =
      Set.of("dt", "ftr", "sldNum", "hdr", "sldImg");
  private static final Set<String> TITLE_PLACEHOLDERS = Set.of("title", "ctrTitle");
  private final DocBuilder out;

  private PptxParser(DocBuilder out) {
    this.out = out;
  }

  static void parse(byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    ZipParts zip =
        ZipParts.read(bytes, ".pptx", name -> name.endsWith(".xml") || name.endsWith(".rels"));
    Document pres =
        zip.xml("ppt/presentation.xml")
            .orElseThrow(
                () ->
                    new IngestException("not a PowerPoint deck: ppt/presentation.xml is missing"));
    OfficeXml.coreProperties(zip, meta);
    Map<String, String> rels = OfficeXml.relationships(zip, "ppt/presentation.xml");
    PptxParser p = new PptxParser(out);
    int n = 0;
    for (Element id : pres.getElementsByTag("p:sldId")) {
      String part = rels.get(id.attr("r:id"));
      if (part == null) {
        continue;
      }
      n++;
      Document slide = zip.xml(part).orElse(null);
      if (slide != null && !"0".equals(attr(slide.children().first(), "show"))) {
        Document notes = null;
        for (Map.Entry<String, String> r : OfficeXml.relationships(zip, part).entrySet()) {
          if (r.getValue().contains("notesSlide")) {
            notes = zip.xml(r.getValue()).orElse(null);
          }
        }
        p.slide(slide, notes, n);
      }
    }
  }

  private void slide(Document slide, Document notes, int number) {
    Element tree = slide.getElementsByTag("p:spTree").first();
    String title = "";
    if (tree != null) {
      for (Element sp : tree.getElementsByTag("p:sp")) {
        if (TITLE_PLACEHOLDERS.contains(placeholderType(sp))) {
          title = DocBuilder.oneLine(paragraphsText(sp));
          break;
        }
      }
    }
    out.heading(1, title.isEmpty() ? "Slide " + number : title, null);
    if (tree != null) {
      shapes(tree);
    }
    if (notes != null) {
      List<String> lines = new ArrayList<>();
      for (Element sp : notes.getElementsByTag("p:sp")) {
        String type = placeholderType(sp);
        if (type.equals("body")) {
          for (Element para : paragraphs(sp)) {
            String t = runs(para);
            if (!t.isBlank()) {
              lines.add(t);
            }
          }
        }
      }
      if (!lines.isEmpty()) {
        out.paragraph("Notes:");
        lines.forEach(out::paragraph);
      }
    }
  }

  private void shapes(Element tree) {
    for (Element e : tree.children()) {
      switch (e.tagName()) {
        case "p:sp" -> shape(e);
        case "p:grpSp" -> shapes(e);
        case "p:graphicFrame" -> {
          Element tbl = OfficeXml.first(e, "a:tbl");
          if (tbl != null) {
            table(tbl);
          }
        }
        case "mc:AlternateContent" -> {
          Element choice = child(e, "mc:Choice");
          shapes(choice != null ? choice : e);
        }
        default -> {}
      }
    }
  }

  private void shape(Element sp) {
    String type = placeholderType(sp);
    if (TITLE_PLACEHOLDERS.contains(type) || SKIPPED_PLACEHOLDERS.contains(type)) {
      return;
    }
    boolean bodyPlaceholder =
        child(child(child(sp, "p:nvSpPr"), "p:nvPr"), "p:ph") != null
            && (type.isEmpty() || type.equals("body") || type.equals("obj"));
    int group = 0;
    int number = 0;
    for (Element para : paragraphs(sp)) {
      String text = runs(para);
      if (text.isBlank()) {
        continue;
      }
      Element pPr = child(para, "a:pPr");
      boolean numbered = child(pPr, "a:buAutoNum") != null;
      boolean bullet =
          numbered
              || child(pPr, "a:buChar") != null
              || (bodyPlaceholder && child(pPr, "a:buNone") == null);
      if (bullet) {
        if (group == 0) {
          group = out.newGroup();
        }
        out.listItem((numbered ? (++number) + ". " : "• ") + DocBuilder.oneLine(text), group);
      } else {
        group = 0;
        out.paragraph(text);
      }
    }
  }

  private void table(Element tbl) {
    int g = out.newGroup();
    boolean first = true;
    for (Element tr : children(tbl, "a:tr")) {
      List<String> cells = new ArrayList<>();
      for (Element tc : children(tr, "a:tc")) {
        if (tc.hasAttr("hMerge") || tc.hasAttr("vMerge")) {
          continue;
        }
        cells.add(DocBuilder.oneLine(paragraphsText(tc)));
      }
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      out.tableRow(String.join(" | ", cells), first, g);
      first = false;
    }
  }

  private static String placeholderType(Element sp) {
    Element ph = child(child(child(sp, "p:nvSpPr"), "p:nvPr"), "p:ph");
    return ph == null ? "" : (ph.hasAttr("type") ? ph.attr("type") : "");
  }

  private static List<Element> paragraphs(Element shape) {
    Element body = child(shape, "p:txBody");
    if (body == null) {
      body = child(shape, "a:txBody");
    }
    return children(body, "a:p");
  }

  private static String paragraphsText(Element shape) {
    StringBuilder sb = new StringBuilder();
    Element body = child(shape, "p:txBody");
    if (body == null) {
      body = child(shape, "a:txBody");
    }
    for (Element para : children(body, "a:p")) {
      sb.append(runs(para)).append(' ');
    }
    return sb.toString();
  }

  /** The text of one a:p: runs, fields and line breaks. */
  private static String runs(Element para) {
    StringBuilder sb = new StringBuilder();
    for (Element c : para.children()) {
      switch (c.tagName()) {
        case "a:r", "a:fld" -> {
          Element t = child(c, "a:t");
          if (t != null) {
            for (Node n : t.childNodes()) {
              if (n instanceof TextNode tn) {
                sb.append(tn.getWholeText());
              }
            }
          }
        }
        case "a:br" -> sb.append('\n');
        default -> {}
      }
    }
    return sb.toString();
  }
}
