package dev.debrief.retrieve;

/**
 * The stored fields of one passage document ({@link dev.debrief.index.Fields}), as a backend
 * returns them. Missing values are "".
 *
 * @param passageId passage id
 * @param reportId report id
 * @param title report title
 * @param event event name as given
 * @param date report date, yyyy-MM-dd or yyyy-MM
 * @param heading the heading path joined with newlines ("" for the preamble)
 * @param anchor section anchor
 * @param url the report's own web address, or ""
 * @param anchorInSource true when the source HTML carries {@code anchor} as an element id
 * @param restricted true when the report is limited to channels
 * @param text passage text
 */
public record StoredPassage(
    String passageId,
    String reportId,
    String title,
    String event,
    String date,
    String heading,
    String anchor,
    String url,
    boolean anchorInSource,
    boolean restricted,
    String text) {
  public StoredPassage {
    if (passageId == null || passageId.isBlank()) {
      throw new IllegalArgumentException("passageId must not be blank");
    }
    if (reportId == null || reportId.isBlank()) {
      throw new IllegalArgumentException("reportId must not be blank, passage " + passageId);
    }
    title = orEmpty(title);
    event = orEmpty(event);
    date = orEmpty(date);
    heading = orEmpty(heading);
    anchor = orEmpty(anchor);
    url = orEmpty(url);
    text = orEmpty(text);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
