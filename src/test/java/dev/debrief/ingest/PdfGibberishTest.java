package dev.debrief.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * PDFs whose text decodes to letter salad are refused with the reason (that PDFBox's per-glyph
 * warnings are not printed is checked on the command line, {@code IngestCommandIT}). The files are
 * written here with PDFBox: the page text is drawn with raw character codes, the way a subset font
 * with its own encoding does; without a usable mapping (a truncated file loses its ToUnicode maps)
 * the codes come back as the shifted letters of the issue ("FYQFSJFODF DPNNVOJUZ").
 */
public class PdfGibberishTest {
  public static final String PROSE =
      "The experience of the community was the main topic of the second day. Speakers"
          + " talked about how they run their clusters in production and what they learned when a release went wrong."
          + " One team said that the new scheduler cut their costs by a third, and another showed how they test"
          + " upgrades before they roll them out to all of their users. ";

  private final ReportReader reader = new ReportReader(DebriefConfig.defaults().ingest);

  @Test
  void glyphsWithoutAUnicodeMappingAreRefused() throws Exception {
    byte[] pdf = pdf(shift(PROSE.repeat(3)), fontWithoutUnicode());

    IngestException e =
        assertThrows(IngestException.class, () -> reader.read("/r/salad.pdf", "salad.pdf", pdf));

    assertTrue(e.getMessage().startsWith("unreadable PDF text: "), e.getMessage());
    assertTrue(
        e.getMessage()
            .matches(
                ".*: ([\\d,]+) of \\1 glyphs cannot be decoded: \\1 have no Unicode mapping in"
                    + " Helvetica"),
        e.getMessage());
  }

  @Test
  void textThatDecodesButDoesNotReadAsWordsIsRefused() throws Exception {
    byte[] pdf = pdf(shift(PROSE.repeat(3)), null);

    IngestException e =
        assertThrows(
            IngestException.class, () -> reader.read("/r/shifted.pdf", "shifted.pdf", pdf));

    assertTrue(
        e.getMessage()
            .matches(
                "unreadable PDF text: its text does not read as words \\(\\d+\\.\\d% of [\\d,]+"
                    + " words are common words; prose has over 20%\\)"),
        e.getMessage());
  }

  @Test
  void aFileCutShortIsNamedAsSuchWhenItsTextIsLost() throws Exception {
    byte[] whole = pdf(shift(PROSE.repeat(3)), fontWithoutUnicode());
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);

    IngestException e =
        assertThrows(IngestException.class, () -> reader.read("/r/cut.pdf", "cut.pdf", cut));

    assertTrue(
        e.getMessage().endsWith("; the file looks cut short (no %%EOF marker at its end)"),
        e.getMessage());
  }

  @Test
  void prosePdfIsKept() throws Exception {
    Report r = reader.read("/r/prose.pdf", "prose.pdf", pdf(PROSE.repeat(3), null));

    assertTrue(r.text().contains("The experience of the community was the main topic"), r.text());
    assertTrue(TextQuality.measure(r.text()).commonShare() > 0.3);
  }

  @Test
  void shortOrNonLatinTextIsNotJudgedByItsWords() {
    assertEquals(
        "", TextQuality.measure("Kubernetes 1.6 p99 latency").problem(), "too few words to judge");
    assertEquals("", TextQuality.measure("容器编排的调度器在生产环境中的经验".repeat(40)).problem());
    assertEquals("", TextQuality.measure(PROSE).problem());
    assertTrue(
        TextQuality.measure("ab\uFFFDcd\uFFFD".repeat(50))
            .problem()
            .contains("replacement or control"));
  }

  /**
   * Every letter moved one place on (z to a), as a subset font's codes come out when their mapping
   * is lost.
   */
  public static String shift(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        b.append((char) ('a' + (c - 'a' + 1) % 26));
      } else if (c >= 'A' && c <= 'Z') {
        b.append((char) ('A' + (c - 'A' + 1) % 26));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Helvetica with an encoding that names every code's glyph "gNN": names no glyph list maps to
   * Unicode.
   */
  public static COSDictionary fontWithoutUnicode() {
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE1);
    font.setName(COSName.BASE_FONT, "Helvetica");
    COSDictionary encoding = new COSDictionary();
    encoding.setItem(COSName.TYPE, COSName.ENCODING);
    COSArray differences = new COSArray();
    differences.add(COSInteger.get(32));
    for (int code = 32; code < 127; code++) {
      differences.add(COSName.getPDFName("g" + code));
    }
    encoding.setItem(COSName.DIFFERENCES, differences);
    font.setItem(COSName.ENCODING, encoding);
    return font;
  }

  /**
   * One page of text drawn as raw codes in F1: {@code font}, or plain Helvetica (WinAnsi) when
   * null.
   */
  public static byte[] pdf(String text, COSDictionary font) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDResources resources = new PDResources();
      resources.put(
          COSName.getPDFName("F1"),
          font == null
              ? new PDType1Font(Standard14Fonts.FontName.HELVETICA)
              : new PDType1Font(font));
      page.setResources(resources);
      StringBuilder ops = new StringBuilder("BT /F1 10 Tf 14 TL 40 800 Td\n");
      for (String line : lines(text, 90)) {
        ops.append('(')
            .append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
            .append(") Tj T*\n");
      }
      ops.append("ET\n");
      PDStream contents = new PDStream(doc);
      try (OutputStream os = contents.createOutputStream()) {
        os.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
      }
      page.setContents(contents);
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> lines(String text, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String w : text.split(" ")) {
      if (line.length() + w.length() + 1 > width) {
        out.add(line.toString().strip());
        line.setLength(0);
      }
      line.append(w).append(' ');
    }
    if (!line.isEmpty()) {
      out.add(line.toString().strip());
    }
    return out;
  }
}
