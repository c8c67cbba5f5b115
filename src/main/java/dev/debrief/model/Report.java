package dev.debrief.model;

import java.text.Normalizer;
import java.util.List;

/**
 * One ingested report: its metadata, normalized text, heading tree and passages.
 *
 * @param id stable id derived from the report's content alone (see {@link #idForContent(String)}):
 *     the same text read from two files, a file and a URL, or a Slack upload is one report
 * @param source where it was first read from: an absolute, normalized file path, a URL or {@code
 *     slack:FILE_ID} (an index keeps every source of a report; this is the first)
 * @param format one of "markdown", "html", "text", "rst", "pdf"
 * @param meta metadata
 * @param text the normalized plain text that section and passage offsets point into
 * @param sections the heading tree flattened in document order
 * @param passages passages in document order
 * @param contentHash the content identity: SHA-256 (hex) of the normalized text (see {@link
 *     #contentHashOf(String)})
 */
public record Report(
    String id,
    String source,
    String format,
    ReportMeta meta,
    String text,
    List<Section> sections,
    List<Passage> passages,
    String contentHash) {
  public Report {
    Checks.nonBlank(id, "id");
    Checks.nonBlank(source, "source");
    Checks.nonBlank(format, "format");
    if (meta == null) {
      throw new IllegalArgumentException("meta must not be null for report " + id);
    }
    text = Checks.orEmpty(text);
    sections = Checks.copy(sections);
    passages = Checks.copy(passages);
    Checks.nonBlank(contentHash, "contentHash");
  }

  /**
   * The content identity of a report's text: lower-case hex SHA-256 of the text after Unicode NFC
   * normalization with every run of whitespace collapsed to one space and the ends trimmed. Layout
   * alone (line breaks, indentation, CRLF) does not change it; any edit of a word does.
   */
  public static String contentHashOf(String text) {
    String normalized =
        Normalizer.normalize(Checks.orEmpty(text), Normalizer.Form.NFC)
            .replaceAll("\\s+", " ")
            .strip();
    return Hashes.sha256Hex(normalized);
  }

  /**
   * The report id for a text: {@code "r"} plus the first 12 hex digits of {@link
   * #contentHashOf(String)} (48 bits: a collision among ten thousand reports has odds of about 1 in
   * 5 million; the index compares the full hash and refuses a colliding report rather than merge
   * it). The same content always gives the same id, wherever it was read from.
   */
  public static String idForContent(String text) {
    return "r" + contentHashOf(text).substring(0, 12);
  }
}
