package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a PDF's lines in reading order into headings, paragraphs and list items: paragraphs by
 * vertical gaps and page ends after a finished sentence, headings by font size (larger than the
 * body font), list items by a leading bullet or number; fills a missing title from the first
 * heading, else the first line.
 */
final class PdfLayout {
  private static final Pattern BULLET = Pattern.compile("^(?:[•·◦▪‣*\\-–]\\s+|\\d{1,3}[.)]\\s+)");

  /**
   * A vertical gap above this many font sizes between two lines on a page starts a new paragraph
   * (and stops a heading from continuing); about one blank line at common leading. Chosen by hand,
   * not measured.
   */
  private static final float PARAGRAPH_GAP_LINES = 1.7f;

  /**
   * A line whose font is at least this many times the body size may be a heading. Chosen by hand,
   * not measured.
   */
  private static final float HEADING_SIZE_RATIO = 1.15f;

  private PdfLayout() {}

  /** Writes the lines as blocks into {@code out}; sets {@code meta.title} when still blank. */
  static void build(List<PdfLine> lines, DocBuilder out, Meta meta) {
    if (lines.isEmpty()) {
      return;
    }
    Map<Float, Integer> charsBySize = new HashMap<>();
    for (PdfLine l : lines) {
      charsBySize.merge(round(l.size()), l.text().length(), Integer::sum);
    }
    float body = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    TreeSet<Float> headingSizes = new TreeSet<>();
    for (PdfLine l : lines) {
      if (isHeading(l, body)) {
        headingSizes.add(round(l.size()));
      }
    }
    Map<Float, Integer> levelOf = new TreeMap<>();
    int level = 1;
    for (Float s : headingSizes.descendingSet()) {
      levelOf.put(s, Math.min(6, level++));
    }

    String firstHeading = null;
    List<String> para = new ArrayList<>();
    boolean paraIsItem = false;
    int listGroup = 0;
    PdfLine prev = null;
    String pendingHeading = null;
    float pendingSize = 0;
    for (PdfLine l : lines) {
      boolean heading = isHeading(l, body);
      if (heading) {
        flushParagraph(para, paraIsItem, listGroup, out);
        para.clear();
        listGroup = 0;
        if (pendingHeading != null
            && round(l.size()) == pendingSize
            && prev != null
            && prev.page() == l.page()
            && l.y() - prev.y() < l.size() * PARAGRAPH_GAP_LINES) {
          pendingHeading = pendingHeading + " " + l.text();
        } else {
          if (pendingHeading != null) {
            out.heading(levelOf.get(pendingSize), pendingHeading, null);
          }
          pendingHeading = l.text();
          pendingSize = round(l.size());
          if (firstHeading == null) {
            firstHeading = l.text();
          }
        }
        prev = l;
        continue;
      }
      if (pendingHeading != null) {
        out.heading(levelOf.get(pendingSize), pendingHeading, null);
        pendingHeading = null;
      }
      boolean item = BULLET.matcher(l.text()).find();
      boolean newPara =
          prev == null
              || para.isEmpty()
              || item
              || (prev.page() == l.page()
                  ? l.y() - prev.y() > Math.max(l.size(), prev.size()) * PARAGRAPH_GAP_LINES
                  : endsSentence(para.get(para.size() - 1)));
      if (newPara && !para.isEmpty()) {
        flushParagraph(para, paraIsItem, listGroup, out);
        para.clear();
        if (!item) {
          listGroup = 0;
        }
      }
      if (para.isEmpty()) {
        paraIsItem = item;
        if (item && listGroup == 0) {
          listGroup = out.newGroup();
        }
      }
      para.add(l.text());
      prev = l;
    }
    if (pendingHeading != null) {
      out.heading(levelOf.get(pendingSize), pendingHeading, null);
    }
    flushParagraph(para, paraIsItem, listGroup, out);
    if (meta.title.isBlank()) {
      meta.title = firstHeading != null ? firstHeading : lines.get(0).text();
      if (meta.title.length() > 120) {
        meta.title = meta.title.substring(0, 120).strip();
      }
    }
  }

  private static boolean endsSentence(String s) {
    return s.matches(".*[.!?:\"”)]$");
  }

  private static boolean isHeading(PdfLine l, float body) {
    if (l.size() < body * HEADING_SIZE_RATIO) {
      return false;
    }
    String t = l.text();
    return t.split("\\s+").length <= 15 && !t.endsWith(".");
  }

  private static void flushParagraph(List<String> para, boolean item, int group, DocBuilder out) {
    if (para.isEmpty()) {
      return;
    }
    String text = joinLines(para);
    if (item) {
      String s = text.replaceFirst("^[•·◦▪‣*\\-–]\\s+", "• ");
      out.listItem(s, group);
    } else {
      out.paragraph(text);
    }
  }

  /**
   * Joins wrapped lines with spaces, undoing end-of-line hyphenation before a lower-case letter.
   */
  static String joinLines(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      if (sb.length() == 0) {
        sb.append(line);
        continue;
      }
      int n = sb.length();
      boolean hyphenated =
          n >= 2
              && (sb.charAt(n - 1) == '-' || sb.charAt(n - 1) == '\u2010')
              && Character.isLetter(sb.charAt(n - 2))
              && !line.isEmpty()
              && Character.isLowerCase(line.codePointAt(0));
      if (hyphenated) {
        sb.setLength(n - 1);
        sb.append(line);
      } else {
        sb.append(' ').append(line);
      }
    }
    return sb.toString();
  }

  private static float round(float size) {
    return Math.round(size * 2) / 2f;
  }
}
