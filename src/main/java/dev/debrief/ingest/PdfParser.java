package dev.debrief.ingest;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
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

  /**
   * Extracts and structures the text of a PDF.
   *
   * @param source the report's source, for the summary line of a file that is kept with some damage
   * @throws IngestException for an encrypted, corrupt or unreadable file, with the reason
   */
  static void parse(String source, byte[] bytes, DocBuilder out, Meta meta) throws IngestException {
    List<List<PdfLine>> pages;
    PdfGlyphStats glyphs;
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
      PdfLineCollector collector = new PdfLineCollector();
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
    List<PdfLine> lines = PdfRunningLines.dropRunningLines(pages);
    PdfLayout.build(lines, out, meta);
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
}
