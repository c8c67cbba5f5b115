package dev.debrief.model;

import java.util.List;

/**
 * A question with its context.
 *
 * @param text     the question text as typed (may contain anything: query syntax, emoji, 40,000 chars)
 * @param history  earlier questions in the same conversation (Slack thread), oldest first; they shape
 *                 retrieval for follow-ups such as "and what about storage?"
 * @param filters  retrieval restrictions
 */
public record Question(String text, List<String> history, SearchFilters filters) {
  public Question {
    text = Checks.orEmpty(text);
    history = Checks.copy(history);
    filters = filters == null ? SearchFilters.NONE : filters;
  }

  /** A question with no history and no filters. */
  public static Question of(String text) {
    return new Question(text, List.of(), SearchFilters.NONE);
  }
}
