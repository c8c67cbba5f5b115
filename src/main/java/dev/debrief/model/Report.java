package dev.debrief.model;

import java.util.List;

/**
 * One ingested report: its metadata, normalized text, heading tree and passages.
 *
 * @param id          stable id derived from {@link #source()} alone (see {@link #idForSource(String)})
 * @param source      where it came from: an absolute, normalized file path or a URL
 * @param format      one of "markdown", "html", "text", "rst", "pdf"
 * @param meta        metadata
 * @param text        the normalized plain text that section and passage offsets point into
 * @param sections    the heading tree flattened in document order
 * @param passages    passages in document order
 * @param contentHash SHA-256 (hex) of the source bytes; equal hashes mean re-ingest does nothing
 */
public record Report(String id, String source, String format, ReportMeta meta, String text,
                     List<Section> sections, List<Passage> passages, String contentHash) {
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
   * The report id for a source: {@code "r"} plus the first 12 hex digits of SHA-256 over the source string
   * (UTF-8). The same path or URL always gives the same id.
   */
  public static String idForSource(String source) {
    return "r" + Hashes.sha256Hex(Checks.nonBlank(source, "source")).substring(0, 12);
  }
}
