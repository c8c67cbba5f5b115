package dev.debrief.model;

/**
 * A one-line summary of an indexed report, for listings, digests and the viewer's index page.
 *
 * @param id          report id
 * @param source      file path or URL it was read from
 * @param format      "markdown", "html", "text", "rst" or "pdf"
 * @param meta        metadata
 * @param sections    number of sections
 * @param passages    number of passages
 * @param ingestedAt  when this version was indexed, epoch milliseconds (UTC)
 * @param contentHash SHA-256 of the source bytes
 */
public record ReportInfo(String id, String source, String format, ReportMeta meta, int sections, int passages,
                         long ingestedAt, String contentHash) {
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
  }
}
