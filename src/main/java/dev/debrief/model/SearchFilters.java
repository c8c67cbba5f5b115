package dev.debrief.model;

import java.util.List;

/**
 * Restrictions on what retrieval may return.
 *
 * @param event            keep only reports whose event matches (case-insensitive, exact after trimming);
 *                         "" for any
 * @param reportId         keep only this report (id, or file name/title resolved by the caller); "" for any
 * @param since            keep only reports dated on or after this ISO date {@code yyyy-MM-dd}; "" for any
 * @param allowedChannels  when non-null, keep unrestricted reports plus reports restricted to one of these
 *                         channels; null means no access filtering (CLI)
 */
public record SearchFilters(String event, String reportId, String since, List<String> allowedChannels) {
  /** No filters at all. */
  public static final SearchFilters NONE = new SearchFilters("", "", "", null);

  public SearchFilters {
    event = Checks.orEmpty(event).trim();
    reportId = Checks.orEmpty(reportId).trim();
    since = Checks.orEmpty(since).trim();
    allowedChannels = allowedChannels == null ? null : List.copyOf(allowedChannels);
  }
}
