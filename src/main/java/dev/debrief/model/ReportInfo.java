package dev.debrief.model;

import java.util.List;

/**
 * A one-line summary of an indexed report, for listings, digests and the viewer's index page.
 *
 * @param id report id
 * @param source the first of {@code sources}: a file path, a URL or {@code slack:FILE_ID}
 * @param format "markdown", "html", "text", "rst" or "pdf"
 * @param meta metadata
 * @param sections number of sections
 * @param passages number of passages
 * @param ingestedAt when this version was indexed, epoch milliseconds (UTC)
 * @param contentHash the content identity ({@link Report#contentHashOf(String)})
 * @param sources every source the same content was read from, first one first; never empty
 */
public record ReportInfo(
    String id,
    String source,
    String format,
    ReportMeta meta,
    int sections,
    int passages,
    long ingestedAt,
    String contentHash,
    List<String> sources) {
  /** A report read from one source. */
  public ReportInfo(
      String id,
      String source,
      String format,
      ReportMeta meta,
      int sections,
      int passages,
      long ingestedAt,
      String contentHash) {
    this(id, source, format, meta, sections, passages, ingestedAt, contentHash, List.of(source));
  }

  public ReportInfo {
    Checks.nonBlank(id, "id");
    Checks.nonBlank(source, "source");
    format = Checks.orEmpty(format);
    if (meta == null) {
      throw new IllegalArgumentException("meta must not be null for report " + id);
    }
    Checks.nonNegative(sections, "sections");
    Checks.nonNegative(passages, "passages");
    contentHash = Checks.orEmpty(contentHash);
    sources = sources == null || sources.isEmpty() ? List.of(source) : List.copyOf(sources);
  }
}
