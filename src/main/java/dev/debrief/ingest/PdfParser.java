package dev.debrief.ingest;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF text extraction with Apache PDFBox 3 ({@link PDFTextStripper}, sorted by position), then clean-up:
 * <ul>
 *   <li>Unicode NFKC normalization of every line (ligatures such as "ﬁ" become "fi"); soft hyphens removed.</li>
 *   <li>Running headers and footers dropped: a line among the first or last two lines of a page whose text,
 *       with digits masked, recurs in those zones on at least half of the pages (and at least two). Page
 *       numbers ("7", "- 7 -", "Page 7", "Page 7 of 9", "7 / 9", roman numerals) in those zones are dropped
 *       on any page.</li>
 *   <li>Lines are grouped into paragraphs by vertical gaps (more than 1.7 times the font size) and page ends
 *       after a finished sentence; a word hyphenated across a line break ("reli-" + "ability") is joined
 *       when the next line starts with a lower-case letter.</li>
 *   <li>Headings: short lines (at most 15 words, not ending with a period) set at least 15% larger than the
 *       body font (the most used size); the distinct heading sizes, largest first, give levels 1, 2, ….</li>
 *   <li>Lines starting with a bullet or "1." / "1)" are list items.</li>
 * </ul>
 * Metadata: the document information dictionary's Title (unless blank or a placeholder), Author and
 * CreationDate; without a Title, the first heading, else the first line.
 */
final class PdfParser {
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?i)^(?:[-–—\\s]*)(?:page\\s*)?(?:\\d{1,4}|[ivxlcdm]{1,7})(?:\\s*(?:of|/)\\s*\\d{1,4})?(?:[-–—\\s]*)$");
  private static final Pattern BULLET = Pattern.compile("^(?:[•·◦▪‣*\\-–]\\s+|\\d{1,3}[.)]\\s+)");
  private static final int ZONE = 2;

  private PdfParser() {}

  /** One text line: NFKC text, mean font size in points, top y (from the page top), page index. */
  record Line(String text, float size, float y, int page) {}

  static void parse(byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    List<List<Line>> pages;
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      if (info != null) {
        String title = DocBuilder.oneLine(info.getTitle());
        if (!title.isEmpty() && !isPlaceholderTitle(title)) {
          meta.title = title;
        }
        meta.author = DocBuilder.oneLine(info.getAuthor());
        Calendar created = info.getCreationDate();
        if (created != null) {
          meta.date = String.format(Locale.ROOT, "%04d-%02d-%02d", created.get(Calendar.YEAR),
              created.get(Calendar.MONTH) + 1, created.get(Calendar.DAY_OF_MONTH));
        }
      }
      LineCollector collector = new LineCollector();
      collector.setSortByPosition(true);
      collector.getText(pdf);
      pages = collector.pages;
    } catch (InvalidPasswordException e) {
      throw new IngestException("encrypted PDF (a password is required)", e);
    } catch (IOException | RuntimeException e) {
      throw new IngestException("corrupt PDF: " + firstLine(e.getMessage()), e);
    }
    List<Line> lines = dropRunningLines(pages);
    build(lines, out, meta);
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable";
    }
    String s = message.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static boolean isPlaceholderTitle(String t) {
    String l = t.toLowerCase(Locale.ROOT);
    return l.equals("untitled") || l.startsWith("microsoft word - ") || l.matches(".*\\.(docx?|pdf|odt|pptx?)$");
  }

  /** NFKC, soft hyphens and zero-width characters removed, whitespace collapsed. */
  static String normalizeLine(String s) {
    return DocBuilder.oneLine(Normalizer.normalize(s, Normalizer.Form.NFKC).replace("\u00AD", ""));
  }

  private static String maskDigits(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
  }

  /** Drops running headers, footers and page numbers; returns the remaining lines in reading order. */
  static List<Line> dropRunningLines(List<List<Line>> pages) {
    Map<String, Set<Integer>> seen = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      List<Line> page = pages.get(p);
      for (int i = 0; i < page.size(); i++) {
        if (inZone(i, page.size())) {
          seen.computeIfAbsent(maskDigits(page.get(i).text()), k -> new HashSet<>()).add(p);
        }
      }
    }
    int needed = Math.max(2, (pages.size() + 1) / 2);
    List<Line> kept = new ArrayList<>();
    for (List<Line> page : pages) {
      for (int i = 0; i < page.size(); i++) {
        Line line = page.get(i);
        if (inZone(i, page.size())) {
          if (PAGE_NUMBER.matcher(line.text()).matches()) {
            continue;
          }
          if (pages.size() >= 2 && seen.get(maskDigits(line.text())).size() >= needed) {
            continue;
          }
        }
        kept.add(line);
      }
    }
    return kept;
  }

  private static boolean inZone(int index, int size) {
    return index < ZONE || index >= size - ZONE;
  }

  private static void build(List<Line> lines, DocBuilder out, Meta meta) {
    if (lines.isEmpty()) {
      return;
    }
    Map<Float, Integer> charsBySize = new HashMap<>();
    for (Line l : lines) {
      charsBySize.merge(round(l.size()), l.text().length(), Integer::sum);
    }
    float body = charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    TreeSet<Float> headingSizes = new TreeSet<>();
    for (Line l : lines) {
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
    Line prev = null;
    String pendingHeading = null;
    float pendingSize = 0;
    for (Line l : lines) {
      boolean heading = isHeading(l, body);
      if (heading) {
        flushParagraph(para, paraIsItem, listGroup, out);
        para.clear();
        listGroup = 0;
        if (pendingHeading != null && round(l.size()) == pendingSize && prev != null
            && prev.page() == l.page() && l.y() - prev.y() < l.size() * 1.7f) {
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
      boolean newPara = prev == null || para.isEmpty() || item
          || (prev.page() == l.page() ? l.y() - prev.y() > Math.max(l.size(), prev.size()) * 1.7f
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

  private static boolean isHeading(Line l, float body) {
    if (l.size() < body * 1.15f) {
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

  /** Joins wrapped lines with spaces, undoing end-of-line hyphenation before a lower-case letter. */
  static String joinLines(List<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      if (sb.length() == 0) {
        sb.append(line);
        continue;
      }
      int n = sb.length();
      boolean hyphenated = n >= 2 && (sb.charAt(n - 1) == '-' || sb.charAt(n - 1) == '\u2010')
          && Character.isLetter(sb.charAt(n - 2))
          && !line.isEmpty() && Character.isLowerCase(line.codePointAt(0));
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

  /** Collects lines with their font size and position, page by page. */
  private static final class LineCollector extends PDFTextStripper {
    final List<List<Line>> pages = new ArrayList<>();
    private List<Line> page;
    private final StringBuilder text = new StringBuilder();
    private float sizeSum;
    private int sizeCount;
    private float y = Float.NaN;

    @Override
    protected void startPage(PDPage p) throws IOException {
      page = new ArrayList<>();
      super.startPage(p);
    }

    @Override
    protected void endPage(PDPage p) throws IOException {
      endLine();
      pages.add(page);
      super.endPage(p);
    }

    @Override
    protected void writeString(String s, List<TextPosition> positions) {
      text.append(s);
      for (TextPosition tp : positions) {
        if (Float.isNaN(y)) {
          y = tp.getYDirAdj();
        }
        sizeSum += tp.getFontSizeInPt();
        sizeCount++;
      }
    }

    @Override
    protected void writeWordSeparator() {
      text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    private void endLine() {
      String t = normalizeLine(text.toString());
      if (!t.isEmpty() && page != null) {
        float size = sizeCount == 0 ? 0 : sizeSum / sizeCount;
        page.add(new Line(t, size, Float.isNaN(y) ? 0 : y, pages.size()));
      }
      text.setLength(0);
      sizeSum = 0;
      sizeCount = 0;
      y = Float.NaN;
    }
  }
}
