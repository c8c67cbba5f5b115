package dev.debrief.ingest;

import static dev.debrief.ingest.Fixtures.headings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfReaderTest {
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  /** A line to draw: font size, text, and extra space before it (in points). */
  private record L(float size, String text, float gapBefore) {}

  private static byte[] pdf(String title, List<List<L>> pages) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (title != null) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Test Author");
        doc.setDocumentInformation(info);
      }
      int number = 1;
      for (List<L> lines : pages) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          draw(cs, REGULAR, 9, 50, 810, "Observability Summit 2025 - Trip Report");
          float y = 760;
          for (L l : lines) {
            y -= l.gapBefore() + l.size() * 1.25f;
            draw(cs, l.size() > 11 ? BOLD : REGULAR, l.size(), 50, y, l.text());
          }
          draw(cs, REGULAR, 9, 290, 30, String.valueOf(number++));
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static void draw(
      PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  @Test
  void runningHeadersPageNumbersAndHyphenationAreHandled() throws Exception {
    byte[] bytes =
        pdf(
            "Observability Summit 2025",
            List.of(
                List.of(
                    new L(18, "Opening Keynote", 0),
                    new L(11, "The speaker explained why tracing reli-", 8),
                    new L(11, "ability matters for every on-call team.", 0),
                    new L(11, "A second paragraph starts after a gap.", 12)),
                List.of(
                    new L(14, "Panel Discussion", 0),
                    new L(11, "Three vendors compared sampling strate-", 8),
                    new L(11, "gies and costs in 2025.", 0))));
    Report r = new ReportReader(new DebriefConfig.Ingest()).read("/tmp/x.pdf", "x.pdf", bytes);
    assertEquals("pdf", r.format());
    assertEquals("Observability Summit 2025", r.meta().title());
    assertEquals("Test Author", r.meta().author());
    assertEquals(List.of("Opening Keynote", "Panel Discussion"), headings(r));
    assertEquals(List.of(1, 2), r.sections().stream().map(s -> s.level()).toList());
    assertEquals(
        """
        Opening Keynote

        The speaker explained why tracing reliability matters for every on-call team.

        A second paragraph starts after a gap.

        Panel Discussion

        Three vendors compared sampling strategies and costs in 2025.""",
        r.text());
    assertFalse(r.text().contains("Trip Report"));
  }

  @Test
  void titleFallsBackToFirstHeadingWithoutInfo() throws Exception {
    byte[] bytes =
        pdf(null, List.of(List.of(new L(16, "Big Title", 0), new L(11, "Body text here.", 8))));
    Report r = new ReportReader(new DebriefConfig.Ingest()).read("/tmp/y.pdf", "y.pdf", bytes);
    assertEquals("Big Title", r.meta().title());
    // a single page: the running-header rule needs two pages, so the header line stays as text
    assertTrue(r.text().contains("Body text here."));
  }

  @Test
  void ligaturesAreExpandedAndHyphenationJoined() {
    assertEquals("efficient file", PdfParser.normalizeLine("e\uFB03cient \uFB01le"));
    assertEquals("reliability matters", PdfLayout.joinLines(List.of("reli-", "ability matters")));
    assertEquals("Cloud- Native", PdfLayout.joinLines(List.of("Cloud-", "Native")));
  }

  @Test
  void corruptAndTruncatedPdfsAreRefused() throws Exception {
    ReportReader reader = new ReportReader(new DebriefConfig.Ingest());
    IngestException e =
        assertThrows(
            IngestException.class,
            () -> reader.read("/tmp/c.pdf", "c.pdf", "%PDF-1.7\nthis is not a pdf".getBytes()));
    assertTrue(e.getMessage().startsWith("corrupt PDF: "), e.getMessage());
    byte[] good = pdf("T", List.of(List.of(new L(11, "Hello there.", 0))));
    byte[] truncated = Arrays.copyOf(good, good.length / 3);
    IngestException t =
        assertThrows(IngestException.class, () -> reader.read("/tmp/t.pdf", "t.pdf", truncated));
    assertTrue(
        t.getMessage().startsWith("corrupt PDF")
            || t.getMessage().startsWith("no extractable text"),
        t.getMessage());
    IngestException notPdf =
        assertThrows(
            IngestException.class,
            () -> reader.read("/tmp/n.pdf", "n.pdf", "hello, I am text".getBytes()));
    assertTrue(notPdf.getMessage().startsWith("corrupt PDF: "), notPdf.getMessage());
  }
}
