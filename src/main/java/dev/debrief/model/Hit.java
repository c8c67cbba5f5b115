package dev.debrief.model;

import java.util.List;

/**
 * One retrieved passage with what a caller needs to show and cite it. The JSON form of {@code
 * debrief search --json} is exactly these fields.
 *
 * @param passageId the passage's id
 * @param reportId its report's id
 * @param title the report's title
 * @param event the report's event ("" when unknown)
 * @param date the report's date ("" when unknown)
 * @param section the innermost heading ("" for the preamble)
 * @param headingPath all headings, outermost first
 * @param anchor the section's anchor
 * @param url a link to the section (report URL + anchor, or the viewer)
 * @param text the passage text
 * @param score fused score, higher is better (reciprocal-rank-fusion score for hybrid search)
 */
public record Hit(
    String passageId,
    String reportId,
    String title,
    String event,
    String date,
    String section,
    List<String> headingPath,
    String anchor,
    String url,
    String text,
    double score) {
  public Hit {
    Checks.nonBlank(passageId, "passageId");
    Checks.nonBlank(reportId, "reportId");
    title = Checks.orEmpty(title);
    event = Checks.orEmpty(event);
    date = Checks.orEmpty(date);
    section = Checks.orEmpty(section);
    headingPath = Checks.copy(headingPath);
    anchor = Checks.orEmpty(anchor);
    url = Checks.orEmpty(url);
    text = Checks.orEmpty(text);
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be a number, got NaN for " + passageId);
    }
  }

  /**
   * The heading path without a leading heading that only repeats the report title, joined with " ›
   * " (for labels: "Keynote (Wednesday)", not "Kubecon 2017 – Berlin › Keynote (Wednesday)").
   */
  public String sectionLabel() {
    List<String> path = headingPath;
    if (!path.isEmpty() && path.get(0).strip().equalsIgnoreCase(title.strip())) {
      path = path.subList(1, path.size());
    }
    return String.join(" › ", path);
  }

  /** Heading path joined with " › ". */
  public String pathLabel() {
    return String.join(" › ", headingPath);
  }
}
