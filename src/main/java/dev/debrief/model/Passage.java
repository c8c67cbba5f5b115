package dev.debrief.model;

import java.util.List;

/**
 * The unit of retrieval: about 80–200 words of one section, never crossing a section boundary.
 *
 * @param id stable id {@code reportId + "-p" + ordinal} (ordinal zero-padded to 4 digits)
 * @param reportId id of the owning report
 * @param ordinal position among the report's passages, 0-based
 * @param sectionOrdinal the {@link Section#ordinal()} of the section it was cut from
 * @param headingPath that section's heading path (outermost first)
 * @param anchor that section's anchor ("" for the preamble)
 * @param text the passage text; a passage cut from a table repeats the header row first
 * @param start offset of the passage's first character in {@link Report#text()} (UTF-16 chars)
 * @param end exclusive end offset in {@link Report#text()}
 */
public record Passage(
    String id,
    String reportId,
    int ordinal,
    int sectionOrdinal,
    List<String> headingPath,
    String anchor,
    String text,
    int start,
    int end) {
  public Passage {
    Checks.nonBlank(id, "id");
    Checks.nonBlank(reportId, "reportId");
    Checks.nonNegative(ordinal, "ordinal");
    Checks.nonNegative(sectionOrdinal, "sectionOrdinal");
    headingPath = Checks.copy(headingPath);
    anchor = Checks.orEmpty(anchor);
    Checks.nonBlank(text, "text of passage " + id);
    Checks.range(start, end, "passage " + id);
  }

  /** The canonical passage id for a report id and ordinal, e.g. {@code r1a2b3c4d5e6-p0007}. */
  public static String idOf(String reportId, int ordinal) {
    return reportId + "-p" + String.format("%04d", ordinal);
  }

  /** The innermost heading, or "" for the preamble. */
  public String section() {
    return headingPath.isEmpty() ? "" : headingPath.get(headingPath.size() - 1);
  }
}
