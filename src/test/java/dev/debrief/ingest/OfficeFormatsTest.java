package dev.debrief.ingest;

import static dev.debrief.ingest.Fixtures.anchors;
import static dev.debrief.ingest.Fixtures.headings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The office readers on documents LibreOffice 7.4 wrote
 * (src/test/resources/dev/debrief/ingest/office: heron-summit.html opened in Writer and saved as
 * .odt, then converted to .docx and .epub; heron-keynote.fodp converted to .pptx, all with {@code
 * soffice --headless --convert-to}), and on small packages built here.
 */
class OfficeFormatsTest {
  private static final List<String> SUMMIT_HEADINGS =
      List.of(
          "Opening keynote", "What changes for operators", "Sessions we attended", "Follow-ups");
  private static final String SUMMIT_TEXT =
      """
      Opening keynote

      Priya Raman opened the summit by announcing that the Heron storage engine reaches general availability in \
      September, after eighteen months of public beta with forty design partners.

      She said the team cut write amplification by a third by moving compaction into a separate tier that runs on \
      spare capacity at night.

      What changes for operators

      • Snapshots become incremental and can be shipped to any object store.
      • The admin console gains a capacity planner that forecasts disk use ninety days ahead.

      Sessions we attended

      Speaker | Session | Takeaway
      Tomás Ferreira | Tiered compaction in practice | Night-time compaction halved p99 write latency at his bank.
      Mei Lin | Backups without downtime | Incremental snapshots restore a 2 TB volume in eleven minutes.

      Follow-ups

      1. Ask the storage team to trial the capacity planner on the staging cluster.
      2. Book a call with Mei Lin about restore drills.""";

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = OfficeFormatsTest.class.getResourceAsStream("office/" + name)) {
      return in.readAllBytes();
    }
  }

  private static Report read(String name, byte[] bytes) throws IngestException {
    return new ReportReader(new DebriefConfig.Ingest()).read("/reports/" + name, name, bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"heron-summit.docx", "heron-summit.odt"})
  void libreOfficeTextDocumentsKeepHeadingsListsAndTables(String name) throws Exception {
    Report r = read(name, fixture(name));
    assertEquals(name.substring(name.lastIndexOf('.') + 1), r.format());
    assertEquals(SUMMIT_TEXT, r.text());
    assertEquals(SUMMIT_HEADINGS, headings(r));
    assertEquals(
        List.of(
            "opening-keynote", "what-changes-for-operators", "sessions-we-attended", "follow-ups"),
        anchors(r));
    assertEquals(List.of(1, 2, 1, 1), r.sections().stream().map(s -> s.level()).toList());
    assertEquals("Heron Summit 2026: platform track notes", r.meta().title());
    assertEquals("Dana Okafor", r.meta().author());
  }

  @Test
  void aTableCutIntoPassagesRepeatsItsHeaderRow() throws Exception {
    DebriefConfig.Ingest small = Fixtures.settings(10, 14);
    Report r =
        new ReportReader(small).read("/reports/s.docx", "s.docx", fixture("heron-summit.docx"));
    List<String> tablePassages =
        r.passages().stream()
            .map(Passage::text)
            .filter(t -> t.contains("Mei Lin |") || t.contains("Tomás Ferreira |"))
            .toList();
    assertEquals(2, tablePassages.size(), tablePassages.toString());
    for (String t : tablePassages) {
      assertTrue(t.startsWith("Speaker | Session | Takeaway\n"), t);
    }
  }

  @Test
  void libreOfficeSlidesAreSectionsHeadedByTheirTitles() throws Exception {
    Report r = read("heron-keynote.pptx", fixture("heron-keynote.pptx"));
    assertEquals(
        List.of("Heron goes GA in September", "Compaction on spare capacity", "Restore times"),
        headings(r));
    assertEquals(
        """
        Heron goes GA in September

        • Priya Raman announced general availability of the Heron storage engine for September.
        • Forty design partners ran the public beta for eighteen months.

        Compaction on spare capacity

        • Compaction moved to a separate tier that runs at night.
        • Write amplification dropped by a third in the beta fleet.

        Restore times

        Volume | Restore time
        500 GB | 3 minutes
        2 TB | 11 minutes""",
        r.text());
    assertEquals("Heron Summit 2026 keynote recap", r.meta().title());
  }

  @Test
  void libreOfficeEpubChaptersAreHeadedByTheirNavigationLabels() throws Exception {
    Report r = read("heron-summit.epub", fixture("heron-summit.epub"));
    assertEquals(List.of("Opening keynote", "Sessions we attended", "Follow-ups"), headings(r));
    assertTrue(r.text().startsWith("Opening keynote\n\nPriya Raman opened the summit"), r.text());
    assertTrue(
        r.text().contains("Mei Lin\n\nBackups without downtime"),
        "LibreOffice's EPUB cells are paragraphs");
    assertEquals("Dana Okafor", r.meta().author());
  }

  @Test
  void epubSpineOrderHeadingIdsAndTables() throws Exception {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("mimetype", "application/epub+zip");
    parts.put(
        "META-INF/container.xml",
        "<?xml version=\"1.0\"?><container version=\"1.0\""
            + " xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OPS/book.opf\""
            + " media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
    parts.put(
        "OPS/book.opf",
        "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\">"
            + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Field notes</dc:title>"
            + "<dc:creator>Ana Ruiz</dc:creator><dc:date>2026-05-02</dc:date></metadata><manifest>"
            + "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
            + "<item id=\"b\" href=\"text/b.xhtml\" media-type=\"application/xhtml+xml\"/>"
            + "<item id=\"a\" href=\"text/a%20one.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
            + "<spine><itemref idref=\"nav\"/><itemref idref=\"a\"/><itemref idref=\"b\"/></spine></package>");
    parts.put(
        "OPS/nav.xhtml",
        "<html><body><nav><ol><li><a href=\"text/a%20one.xhtml\">Day one</a></li></ol>"
            + "</nav></body></html>");
    parts.put(
        "OPS/text/a one.xhtml",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1 id=\"day-1\">Day one"
            + "</h1><p>The hallway track was about queues.</p></body></html>");
    parts.put(
        "OPS/text/b.xhtml",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h2>Numbers</h2><table>"
            + "<tr><th>Track</th><th>Talks</th></tr><tr><td>Storage</td><td>9</td></tr></table></body></html>");
    Report r = read("notes.epub", zip(parts));
    assertEquals(
        "Day one\n\nThe hallway track was about queues.\n\nNumbers\n\nTrack | Talks\nStorage | 9",
        r.text());
    assertEquals(List.of("day-1", "numbers"), anchors(r));
    assertEquals("Field notes", r.meta().title());
    assertEquals("2026-05-02", r.meta().date());
  }

  @Test
  void docxHeadingStylesWithoutAStylesPartNumberingAndMarkedHeaderRows() throws Exception {
    String body =
        "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Trip report</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Day </w:t></w:r>"
            + "<w:r><w:t>two</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>"
            + "<w:r><w:tab/><w:t>text</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Outline three</w:t></w:r></w:p>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Note</w:t></w:r></w:p></w:tc></w:tr>"
            + "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Who</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>What</w:t></w:r></w:p></w:tc></w:tr>"
            + "<w:tr><w:tc><w:p><w:r><w:t>Ana</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Queues</w:t></w:r></w:p>"
            + "</w:tc></w:tr></w:tbl>";
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", "<Types/>");
    parts.put(
        "word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:body>"
            + body
            + "</w:body></w:document>");
    Report r = read("t.docx", zip(parts));
    assertEquals(List.of("Trip report", "Day two", "Outline three"), headings(r));
    assertEquals(List.of(1, 2, 3), r.sections().stream().map(s -> s.level()).toList());
    assertEquals(
        "Trip report\n\nDay two\n\nKept text\n\nOutline three\n\nNote\nWho | What\nAna | Queues",
        r.text());
    assertEquals("Trip report", r.meta().title(), "the first heading, without core properties");
  }

  @Test
  void pptxGroupsNotesHiddenSlidesAndUntitledSlides() throws Exception {
    String ns =
        "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "ppt/presentation.xml",
        "<p:presentation "
            + ns
            + "><p:sldIdLst><p:sldId id=\"257\" r:id=\"rId3\"/>"
            + "<p:sldId id=\"258\" r:id=\"rId2\"/><p:sldId id=\"259\" r:id=\"rId4\"/></p:sldIdLst></p:presentation>");
    parts.put(
        "ppt/_rels/presentation.xml.rels",
        "<Relationships><Relationship Id=\"rId2\" Target=\"slides/b.xml\"/>"
            + "<Relationship Id=\"rId3\" Target=\"slides/a.xml\"/><Relationship Id=\"rId4\" Target=\"slides/c.xml\"/>"
            + "</Relationships>");
    parts.put(
        "ppt/slides/a.xml",
        "<p:sld "
            + ns
            + "><p:cSld><p:spTree><p:grpSp>"
            + shape("<p:ph type=\"title\"/>", "<a:p><a:r><a:t>Queues</a:t></a:r></a:p>")
            + shape(
                "<p:ph idx=\"1\"/>",
                "<a:p><a:r><a:t>Backpressure first</a:t></a:r></a:p>"
                    + "<a:p><a:pPr><a:buNone/></a:pPr><a:r><a:t>Plain line</a:t></a:r></a:p>")
            + "</p:grpSp>"
            + shape("<p:ph type=\"sldNum\"/>", "<a:p><a:r><a:t>1</a:t></a:r></a:p>")
            + "</p:spTree></p:cSld></p:sld>");
    parts.put(
        "ppt/slides/_rels/a.xml.rels",
        "<Relationships><Relationship Id=\"rId1\""
            + " Target=\"../notesSlides/n1.xml\" Type=\"http://x/notesSlide\"/></Relationships>");
    parts.put(
        "ppt/notesSlides/n1.xml",
        "<p:notes "
            + ns
            + "><p:cSld><p:spTree>"
            + shape("<p:ph type=\"body\"/>", "<a:p><a:r><a:t>Ask about retries.</a:t></a:r></a:p>")
            + "</p:spTree></p:cSld></p:notes>");
    parts.put(
        "ppt/slides/b.xml",
        "<p:sld "
            + ns
            + " show=\"0\"><p:cSld><p:spTree>"
            + shape("<p:ph type=\"title\"/>", "<a:p><a:r><a:t>Hidden</a:t></a:r></a:p>")
            + "</p:spTree></p:cSld></p:sld>");
    parts.put(
        "ppt/slides/c.xml",
        "<p:sld "
            + ns
            + "><p:cSld><p:spTree>"
            + shape(
                "",
                "<a:p><a:pPr><a:buAutoNum type=\"arabicPeriod\"/></a:pPr><a:r><a:t>One</a:t></a:r></a:p>"
                    + "<a:p><a:pPr><a:buAutoNum type=\"arabicPeriod\"/></a:pPr><a:r><a:t>Two</a:t></a:r></a:p>")
            + "</p:spTree></p:cSld></p:sld>");
    Report r = read("deck.pptx", zip(parts));
    assertEquals(List.of("Queues", "Slide 3"), headings(r));
    assertEquals(
        "Queues\n\n• Backpressure first\n\nPlain line\n\nNotes:\n\nAsk about retries.\n\nSlide 3\n\n1. One\n2. Two",
        r.text());
  }

  private static String shape(String placeholder, String paragraphs) {
    return "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"s\"/><p:cNvSpPr/><p:nvPr>"
        + placeholder
        + "</p:nvPr></p:nvSpPr>"
        + "<p:txBody><a:bodyPr/>"
        + paragraphs
        + "</p:txBody></p:sp>";
  }

  @Test
  void brokenPackagesAreRefusedWithAReason() throws Exception {
    assertEquals(
        "corrupt .docx file: not a ZIP archive",
        assertThrows(
                IngestException.class,
                () -> read("a.docx", "hello".getBytes(StandardCharsets.UTF_8)))
            .getMessage());
    byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
    assertEquals(
        "not a .docx file: an OLE document (a password-protected file or an old .doc/.ppt); save it as"
            + " .docx without a password",
        assertThrows(IngestException.class, () -> read("a.docx", ole)).getMessage());
    assertEquals(
        "not a PowerPoint deck: ppt/presentation.xml is missing",
        assertThrows(IngestException.class, () -> read("a.pptx", zip(Map.of("x.txt", "x"))))
            .getMessage());
    assertEquals(
        "not an OpenDocument text: content.xml is missing",
        assertThrows(IngestException.class, () -> read("a.odt", zip(Map.of("x.txt", "x"))))
            .getMessage());
    assertEquals(
        "not an EPUB: META-INF/container.xml is missing",
        assertThrows(IngestException.class, () -> read("a.epub", zip(Map.of("x.txt", "x"))))
            .getMessage());
    byte[] truncated = java.util.Arrays.copyOf(fixture("heron-summit.docx"), 600);
    assertTrue(
        assertThrows(IngestException.class, () -> read("a.docx", truncated))
            .getMessage()
            .startsWith("corrupt .docx file"));
    String emptyBody = "<w:document xmlns:w=\"w\"><w:body><w:p/></w:body></w:document>";
    assertEquals(
        "no text content",
        assertThrows(
                IngestException.class,
                () -> read("a.docx", zip(Map.of("word/document.xml", emptyBody))))
            .getMessage());
  }

  static byte[] zip(Map<String, String> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
