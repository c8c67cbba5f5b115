package dev.debrief.model;

import java.util.List;

/**
 * One node of a report's heading tree, with its span in the report's normalized text.
 *
 * @param ordinal position among the report's sections, 0-based, in document order. Section 0 may be
 *     the untitled preamble before the first heading (heading "", level 0)
 * @param level heading level: 1 for a top heading ({@code #}, {@code h1}), up to 6; 0 for the
 *     preamble
 * @param heading the heading text as shown, entities decoded, markup removed
 * @param headingPath headings from the outermost ancestor down to this one (inclusive)
 * @param anchor a GitHub-style slug, unique within the report (duplicates get "-1", "-2"…); "" for
 *     the preamble
 * @param start offset of the section's first character in {@link Report#text()}, in UTF-16 chars
 * @param end offset one past its last character (exclusive); the section's body runs up to the next
 *     section's start
 * @param anchorInSource true when {@code anchor} is an element id that the source HTML itself
 *     carries, so a link to the report's own URL with {@code #anchor} lands on the section
 */
public record Section(
    int ordinal,
    int level,
    String heading,
    List<String> headingPath,
    String anchor,
    int start,
    int end,
    boolean anchorInSource) {
  public Section {
    Checks.nonNegative(ordinal, "ordinal");
    if (level < 0 || level > 6) {
      throw new IllegalArgumentException("level must be in 0..6, got " + level);
    }
    heading = Checks.orEmpty(heading);
    headingPath = Checks.copy(headingPath);
    anchor = Checks.orEmpty(anchor);
    Checks.range(start, end, "section " + ordinal);
  }

  /** A section whose anchor Debrief made up (a slug), not taken from the source. */
  public Section(
      int ordinal,
      int level,
      String heading,
      List<String> headingPath,
      String anchor,
      int start,
      int end) {
    this(ordinal, level, heading, headingPath, anchor, start, end, false);
  }

  /** Heading path joined with " › ", or "" for the preamble. */
  public String pathLabel() {
    return String.join(" › ", headingPath);
  }
}
