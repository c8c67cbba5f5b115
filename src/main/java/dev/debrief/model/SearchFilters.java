package dev.debrief.model;

import java.util.List;

/**
 * Restrictions on what retrieval may return.
 *
 * @param event keep only reports whose event matches (case-insensitive, exact after trimming); ""
 *     for any
 * @param reportId keep only this report (id, or file name/title resolved by the caller); "" for any
 * @param since keep only reports dated on or after this ISO date {@code yyyy-MM-dd}; "" for any
 * @param allowedChannels when non-null, keep unrestricted reports plus reports restricted to one of
 *     these channels; null means no access filtering (CLI)
 * @param scope when non-empty, keep only these reports (ids): the reports of the events or editions
 *     a question names; empty for any
 */
public record SearchFilters(
    String event, String reportId, String since, List<String> allowedChannels, List<String> scope) {
  /** No filters at all. */
  public static final SearchFilters NONE = new SearchFilters("", "", "", null);

  public SearchFilters {
    event = Checks.orEmpty(event).trim();
    reportId = Checks.orEmpty(reportId).trim();
    since = Checks.orEmpty(since).trim();
    allowedChannels = allowedChannels == null ? null : List.copyOf(allowedChannels);
    scope = Checks.copy(scope);
  }

  /** Filters without a scope. */
  public SearchFilters(String event, String reportId, String since, List<String> allowedChannels) {
    this(event, reportId, since, allowedChannels, List.of());
  }

  /**
   * These filters, further restricted to the reports {@code reportIds} (replacing any earlier
   * scope).
   */
  public SearchFilters withScope(List<String> reportIds) {
    return new SearchFilters(event, reportId, since, allowedChannels, reportIds);
  }
}
