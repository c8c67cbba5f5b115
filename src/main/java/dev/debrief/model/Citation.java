package dev.debrief.model;

/**
 * One numbered source of an answer. Numbers run 1..n in order of first use in the answer text.
 *
 * @param n the number shown as {@code [n]}, at least 1
 * @param reportId the cited report
 * @param title the report's title
 * @param section the cited section's heading path joined with " › " ("" for the preamble)
 * @param url link to the cited section (or to the sentence, as a text fragment)
 * @param passageId the cited passage
 * @param quote the cited passage's text
 */
public record Citation(
    int n,
    String reportId,
    String title,
    String section,
    String url,
    String passageId,
    String quote) {
  public Citation {
    if (n < 1) {
      throw new IllegalArgumentException("citation number must be >= 1, got " + n);
    }
    Checks.nonBlank(reportId, "reportId");
    Checks.nonBlank(passageId, "passageId");
    title = Checks.orEmpty(title);
    section = Checks.orEmpty(section);
    url = Checks.orEmpty(url);
    quote = Checks.orEmpty(quote);
  }
}
