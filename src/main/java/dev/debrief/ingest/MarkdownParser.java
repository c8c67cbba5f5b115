package dev.debrief.ingest;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown per the CommonMark spec (0.31) plus GitHub-flavoured tables, parsed with
 * commonmark-java.
 *
 * <p>Output: ATX/setext headings become headings; paragraphs keep their text with soft line breaks
 * as spaces and hard breaks as line breaks; links are reduced to their label; images are dropped;
 * inline code keeps its text; list items become one line each ({@code "• "} or {@code "1. "},
 * nested items likewise); fenced and indented code blocks are kept verbatim; tables become {@code
 * cell | cell} rows with the header row first; block quotes are read as their content; HTML blocks
 * are read with jsoup like HTML pages (tags removed, entities decoded); Liquid tags ({@code {% ...
 * %}}) of Jekyll sites are removed from prose.
 */
final class MarkdownParser {
  private static final Pattern LIQUID = Pattern.compile("\\{%.*?%\\}", Pattern.DOTALL);
  private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

  private final Parser parser =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  void parse(String markdown, DocBuilder out) {
    Node doc = parser.parse(markdown);
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      block(n, out, 0);
    }
  }

  private void block(Node n, DocBuilder out, int listGroup) {
    if (n instanceof Heading h) {
      out.heading(h.getLevel(), inline(h), null);
    } else if (n instanceof Paragraph p) {
      String text = inline(p);
      if (listGroup != 0) {
        out.listItem(text, listGroup);
      } else {
        out.paragraph(text);
      }
    } else if (n instanceof BulletList || n instanceof OrderedList) {
      list(n, out, listGroup == 0 ? out.newGroup() : listGroup);
    } else if (n instanceof FencedCodeBlock f) {
      out.code(f.getLiteral());
    } else if (n instanceof IndentedCodeBlock c) {
      out.code(c.getLiteral());
    } else if (n instanceof HtmlBlock html) {
      HtmlParser.parseFragment(html.getLiteral(), out);
    } else if (n instanceof TableBlock) {
      table(n, out);
    } else if (n instanceof BlockQuote) {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        block(c, out, listGroup);
      }
    } else if (n instanceof ThematicBreak || n instanceof LinkReferenceDefinition) {
      // nothing to read
    } else {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        block(c, out, listGroup);
      }
    }
  }

  private void list(Node list, DocBuilder out, int group) {
    int number = 1;
    if (list instanceof OrderedList ol && ol.getMarkerStartNumber() != null) {
      number = ol.getMarkerStartNumber();
    }
    boolean ordered = list instanceof OrderedList;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!(item instanceof ListItem)) {
        block(item, out, group);
        continue;
      }
      String marker = ordered ? (number++) + ". " : "• ";
      StringBuilder line = new StringBuilder();
      Node c = item.getFirstChild();
      while (c instanceof Paragraph p) {
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(inline(p));
        c = c.getNext();
      }
      if (!line.toString().isBlank()) {
        out.listItem(marker + DocBuilder.oneLine(line.toString()), group);
      }
      for (; c != null; c = c.getNext()) {
        if (c instanceof BulletList || c instanceof OrderedList) {
          list(c, out, group);
        } else {
          block(c, out, group);
        }
      }
    }
  }

  private void table(Node table, DocBuilder out) {
    int group = out.newGroup();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      boolean header = section instanceof TableHead;
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (!(row instanceof TableRow)) {
          continue;
        }
        StringBuilder sb = new StringBuilder();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            if (sb.length() > 0) {
              sb.append(" | ");
            }
            sb.append(DocBuilder.oneLine(inline(cell)));
          }
        }
        out.tableRow(sb.toString(), header, group);
      }
    }
  }

  /** The visible text of an inline container. */
  static String inline(Node parent) {
    StringBuilder sb = new StringBuilder();
    appendInline(parent, sb);
    return LIQUID.matcher(sb).replaceAll("");
  }

  private static void appendInline(Node parent, StringBuilder sb) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (n instanceof Code c) {
        sb.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak) {
        sb.append(' ');
      } else if (n instanceof HardLineBreak) {
        sb.append('\n');
      } else if (n instanceof Image) {
        // dropped
      } else if (n instanceof HtmlInline h) {
        if (BR.matcher(h.getLiteral()).matches()) {
          sb.append('\n');
        }
      } else {
        appendInline(n, sb);
      }
    }
  }
}
