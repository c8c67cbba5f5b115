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
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF text extraction with Apache PDFBox 3 ({@link PDFTextStripper}, sorted by position), then
 * clean-up:
 *
 * <ul>
 *   <li>Unicode NFKC normalization of every line (ligatures such as "ﬁ" become "fi"); soft hyphens
 *       removed.
 *   <li>Running headers and footers dropped: a line among the first or last two lines of a page
 *       whose text, with digits masked, recurs in those zones on at least half of the pages (and at
 *       least two). Page numbers ("7", "- 7 -", "Page 7", "Page 7 of 9", "7 / 9", roman numerals)
 *       in those zones are dropped on any page.
 *   <li>Lines are grouped into paragraphs by vertical gaps (more than 1.7 times the font size) and
 *       page ends after a finished sentence; a word hyphenated across a line break ("reli-" +
 *       "ability") is joined when the next line starts with a lower-case letter.
 *   <li>Headings: short lines (at most 15 words, not ending with a period) set at least 15% larger
 *       than the body font (the most used size); the distinct heading sizes, largest first, give
 *       levels 1, 2, ….
 *   <li>Lines starting with a bullet or "1." / "1)" are list items.
 * </ul>
 *
 * Metadata: the document information dictionary's Title (unless blank or a placeholder), Author and
 * CreationDate; without a Title, the first heading, else the first line.
 *
 * <p>Refused as unreadable, with the reason: a PDF whose glyphs mostly cannot be decoded (no
 * Unicode mapping in their font, or drawn without their font, as in a file cut short), and one
 * whose extracted text does not read as words or holds replacement characters ({@link
 * TextQuality}). PDFBox's own warnings about such fonts (one per glyph code and font, thousands for
 * a damaged file) are not printed: its loggers are off in {@code simplelogger.properties}, and this
 * parser logs one summary line per file instead.
 */
final class PdfParser {
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "(?i)^(?:[-–—\\s]*)(?:page\\s*)?(?:\\d{1,4}|[ivxlcdm]{1,7})(?:\\s*(?:of|/)\\s*\\d{1,4})?(?:[-–—\\s]*)$");
  private static final Pattern BULLET = Pattern.compile("^(?:[•·◦▪‣*\\-–]\\s+|\\d{1,3}[.)]\\s+)");
  private static final int ZONE = 2;

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

  /** At least this share of undecodable glyphs refuses a file whatever its text looks like. */
  static final double MAX_UNDECODABLE_SHARE = 0.5;

  /**
   * The share of undecodable glyphs above which a summary line is logged for a file that is kept.
   */
  static final double WARN_UNDECODABLE_SHARE = 0.001;

  /**
   * How far from the end of the file the {@code %%EOF} marker must be (ISO 32000-1 §7.5.5 puts it
   * last).
   */
  private static final int EOF_WINDOW = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(PdfParser.class);

  private PdfParser() {}

  /** One text line: NFKC text, mean font size in points, top y (from the page top), page index. */
  record Line(String text, float size, float y, int page) {}

  /**
   * How the glyphs of a file decoded.
   *
   * @param glyphs glyphs shown
   * @param unmapped glyphs whose font has no Unicode mapping for their code
   * @param withoutFont glyphs shown while the current font could not be found (PDFBox draws them
   *     with a default font, which decodes their codes wrongly)
   * @param fonts names of the fonts with unmapped glyphs, at most a few
   */
  record GlyphStats(int glyphs, int unmapped, int withoutFont, Set<String> fonts) {
    int undecodable() {
      return unmapped + withoutFont;
    }

    double undecodableShare() {
      return glyphs == 0 ? 0 : (double) undecodable() / glyphs;
    }

    String describe() {
      StringBuilder b =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "%,d of %,d glyphs cannot be decoded", undecodable(), glyphs));
      List<String> parts = new ArrayList<>();
      if (unmapped > 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                "%,d have no Unicode mapping%s",
                unmapped,
                fonts.isEmpty() ? "" : " in " + String.join(", ", fonts)));
      }
      if (withoutFont > 0) {
        parts.add(
            String.format(Locale.ROOT, "%,d are drawn with a font that is missing", withoutFont));
      }
      return parts.isEmpty()
          ? b.toString()
          : b.append(": ").append(String.join("; ", parts)).toString();
    }
  }

  /**
   * Extracts and structures the text of a PDF.
   *
   * @param source the report's source, for the summary line of a file that is kept with some damage
   * @throws IngestException for an encrypted, corrupt or unreadable file, with the reason
   */
  static void parse(String source, byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    List<List<Line>> pages;
    GlyphStats glyphs;
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
          meta.date =
              String.format(
                  Locale.ROOT,
                  "%04d-%02d-%02d",
                  created.get(Calendar.YEAR),
                  created.get(Calendar.MONTH) + 1,
                  created.get(Calendar.DAY_OF_MONTH));
        }
      }
      LineCollector collector = new LineCollector();
      collector.setSortByPosition(true);
      collector.getText(pdf);
      pages = collector.pages;
      glyphs = collector.stats();
    } catch (InvalidPasswordException e) {
      throw new IngestException("encrypted PDF (a password is required)", e);
    } catch (IOException | RuntimeException e) {
      throw new IngestException("corrupt PDF: " + firstLine(e.getMessage()), e);
    }
    String truncated =
        endsWithEof(bytes) ? "" : "; the file looks cut short (no %%EOF marker at its end)";
    if (glyphs.glyphs() > 0 && glyphs.undecodableShare() >= MAX_UNDECODABLE_SHARE) {
      throw new IngestException("unreadable PDF text: " + glyphs.describe() + truncated);
    }
    List<Line> lines = dropRunningLines(pages);
    build(lines, out, meta);
    String problem = TextQuality.measure(out.text()).problem();
    if (!problem.isEmpty()) {
      throw new IngestException(
          "unreadable PDF text: "
              + problem
              + (glyphs.undecodable() > 0 ? "; " + glyphs.describe() : "")
              + truncated);
    }
    if (glyphs.undecodableShare() > WARN_UNDECODABLE_SHARE) {
      LOG.warn("{}: PDF kept although {}{}", source, glyphs.describe(), truncated);
    } else if (!truncated.isEmpty() && out.hasBody()) {
      LOG.warn(
          "{}: PDF kept, but it looks cut short (no %%EOF marker at its end): pages after the cut may be missing",
          source);
    }
  }

  /** True when {@code %%EOF} appears in the last {@value #EOF_WINDOW} bytes. */
  static boolean endsWithEof(byte[] bytes) {
    byte[] marker = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = bytes.length - marker.length; i >= Math.max(0, bytes.length - EOF_WINDOW); i--) {
      if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        return true;
      }
    }
    return false;
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
    return l.equals("untitled")
        || l.startsWith("microsoft word - ")
        || l.matches(".*\\.(docx?|pdf|odt|pptx?)$");
  }

  /** NFKC, soft hyphens and zero-width characters removed, whitespace collapsed. */
  static String normalizeLine(String s) {
    return DocBuilder.oneLine(Normalizer.normalize(s, Normalizer.Form.NFKC).replace("\u00AD", ""));
  }

  private static String maskDigits(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
  }

  /**
   * Drops running headers, footers and page numbers; returns the remaining lines in reading order.
   */
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

  private static boolean isHeading(Line l, float body) {
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

  /** Fonts named in a message at most. */
  private static final int MAX_FONTS_NAMED = 3;

  /**
   * Collects lines with their font size and position, page by page, and counts glyphs that do not
   * decode.
   */
  private static final class LineCollector extends PDFTextStripper {
    final List<List<Line>> pages = new ArrayList<>();
    private List<Line> page;
    private final StringBuilder text = new StringBuilder();
    private float sizeSum;
    private int sizeCount;
    private float y = Float.NaN;
    private int glyphs;
    private int unmapped;
    private int withoutFont;
    private final Set<String> fonts = new java.util.LinkedHashSet<>();

    GlyphStats stats() {
      return new GlyphStats(glyphs, unmapped, withoutFont, Set.copyOf(fonts));
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
        throws IOException {
      glyphs++;
      if (getGraphicsState().getTextState().getFont() == null) {
        withoutFont++;
      } else if (font.toUnicode(code) == null) {
        unmapped++;
        if (fonts.size() < MAX_FONTS_NAMED) {
          fonts.add(String.valueOf(font.getName()));
        }
      }
      super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

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
