package dev.debrief.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Collects lines with their font size and position, page by page, and counts glyphs that do not
 * decode.
 */
final class PdfLineCollector extends PDFTextStripper {
  /** Fonts named in a message at most. */
  private static final int MAX_FONTS_NAMED = 3;

  final List<List<PdfLine>> pages = new ArrayList<>();
  private List<PdfLine> page;
  private final StringBuilder text = new StringBuilder();
  private float sizeSum;
  private int sizeCount;
  private float y = Float.NaN;
  private int glyphs;
  private int unmapped;
  private int withoutFont;
  private final Set<String> fonts = new java.util.LinkedHashSet<>();

  PdfGlyphStats stats() {
    return new PdfGlyphStats(glyphs, unmapped, withoutFont, Set.copyOf(fonts));
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
    String t = PdfParser.normalizeLine(text.toString());
    if (!t.isEmpty() && page != null) {
      float size = sizeCount == 0 ? 0 : sizeSum / sizeCount;
      page.add(new PdfLine(t, size, Float.isNaN(y) ? 0 : y, pages.size()));
    }
    text.setLength(0);
    sizeSum = 0;
    sizeCount = 0;
    y = Float.NaN;
  }
}
