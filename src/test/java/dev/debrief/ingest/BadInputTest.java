package dev.debrief.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {
  private final ReportReader reader = new ReportReader(new DebriefConfig.Ingest());

  private String reason(String fileName, byte[] bytes) {
    return assertThrows(IngestException.class, () -> reader.read("/r/" + fileName, fileName, bytes))
        .getMessage();
  }

  @Test
  void refusalsNameTheReason() {
    assertEquals("empty file", reason("a.md", new byte[0]));
    assertEquals("empty file (whitespace only)", reason("a.txt", " \n\t\r\n ".getBytes()));
    assertEquals("unsupported type .xlsx", reason("a.xlsx", "hello".getBytes()));
    assertEquals("unsupported type (no file extension)", reason("README", "hello".getBytes()));
    assertEquals("binary content (NUL bytes)", reason("a.txt", new byte[] {'a', 0, 'b', 0, 'c'}));
    assertEquals(
        "binary content (PNG image)",
        reason("a.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
    assertEquals(
        "binary content (zip archive, e.g. .docx)",
        reason("a.html", new byte[] {'P', 'K', 3, 4, 1, 2}));
    assertEquals(
        "no text content (front matter only)", reason("a.md", "---\ntitle: x\n---\n\n".getBytes()));
    assertEquals(
        "no text content",
        reason(
            "a.html", "<html><body><nav>menu</nav><script>x()</script></body></html>".getBytes()));
    byte[] controls = new byte[200];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 2 == 0 ? 'a' : 1 + i % 7);
    }
    assertEquals("binary content", reason("a.txt", controls));
  }

  @Test
  void tooLargeFilesAreRefused() {
    DebriefConfig.Ingest small = new DebriefConfig.Ingest();
    small.maxFileBytes = 10;
    IngestException e =
        assertThrows(
            IngestException.class,
            () -> new ReportReader(small).read("/r/a.md", "a.md", "0123456789AB".getBytes()));
    assertEquals("file too large: 12 bytes (ingest.maxFileBytes is 10 bytes)", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "a.md,true",
    "a.MARKDOWN,true",
    "x/y.Html,true",
    "a.htm,true",
    "a.txt,true",
    "a.rst,true",
    "a.pdf,true",
    "a.docx,true",
    "a.xlsx,false",
    "README,false",
    ".md,false",
    "a.md.bak,false"
  })
  void supportedByExtension(String name, boolean supported) {
    assertEquals(supported, ReportReader.isSupported(name));
  }

  @Test
  void bomLineEndingsAndLegacyEncodingsAreHandled() throws Exception {
    byte[] bom =
        "\uFEFF# Title\r\n\r\nCaf\u00e9 line one\r\nline two\r\n".getBytes(StandardCharsets.UTF_8);
    Report r = reader.read("/r/a.md", "a.md", bom);
    assertEquals("Title\n\nCafé line one line two", r.text());

    byte[] cp1252 = "Caf\u00e9 \u201cquoted\u201d \u20ac5".getBytes("windows-1252");
    assertEquals("Café “quoted” €5", reader.read("/r/b.txt", "b.txt", cp1252).text());

    byte[] utf16 = "\uFEFFHello UTF-16".getBytes(StandardCharsets.UTF_16LE);
    assertEquals("Hello UTF-16", reader.read("/r/c.txt", "c.txt", utf16).text());
  }

  @Test
  void pdfBytesUnderATextExtensionAreReadAsPdf() {
    String reason = reason("a.txt", "%PDF-1.4 garbage".getBytes());
    assertTrue(reason.startsWith("corrupt PDF"), reason);
    assertFalse(reason.contains("\n"));
  }
}
