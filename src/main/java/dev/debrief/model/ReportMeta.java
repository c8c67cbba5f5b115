package dev.debrief.model;

import java.util.List;

/**
 * What is known about a report besides its text, from front matter, HTML meta tags or good guesses.
 *
 * @param title the report's title; never blank (falls back to the first heading, then the file
 *     name)
 * @param event the event it reports on, e.g. "KubeCon EU 2017"; "" when unknown
 * @param date the report's date as ISO-8601 {@code yyyy-MM-dd} (or {@code yyyy-MM} when that is all
 *     the source says); "" when unknown
 * @param author the author's name; "" when unknown
 * @param url the report's own web address (front matter {@code url}, {@code source_url}, {@code
 *     permalink}, {@code canonical_url}, or HTML {@code link rel=canonical}); "" when none
 * @param tags free-form tags; never null
 * @param channels Slack channel ids the report is restricted to; empty means unrestricted
 */
public record ReportMeta(
    String title,
    String event,
    String date,
    String author,
    String url,
    List<String> tags,
    List<String> channels) {
  public ReportMeta {
    title = Checks.nonBlank(title, "title");
    event = Checks.orEmpty(event);
    date = Checks.orEmpty(date);
    author = Checks.orEmpty(author);
    url = Checks.orEmpty(url);
    tags = Checks.copy(tags);
    channels = Checks.copy(channels);
  }
}
