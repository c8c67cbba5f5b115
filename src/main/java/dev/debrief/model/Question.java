package dev.debrief.model;

import java.util.List;

/**
 * A question as asked, with its conversation.
 *
 * @param text the question text as typed (may contain anything: query syntax, emoji, 40,000 chars)
 * @param history earlier questions in the same conversation (Slack thread), oldest first; they
 *     shape retrieval for follow-ups such as "and what about storage?"
 * @param filters retrieval restrictions
 * @param previous the conversation's previous answer ({@link Turn#NONE} when there is none): "who
 *     else spoke at that keynote?" is answered from the sections it cited
 */
public record Question(String text, List<String> history, SearchFilters filters, Turn previous) {
  /**
   * One earlier answer of a conversation.
   *
   * @param question the question it answered
   * @param answer its text
   * @param cited the passages it cited, in citation order
   */
  public record Turn(String question, String answer, List<String> cited) {
    /** No earlier answer. */
    public static final Turn NONE = new Turn("", "", List.of());

    public Turn {
      question = Checks.orEmpty(question);
      answer = Checks.orEmpty(answer);
      cited = Checks.copy(cited);
    }

    /** The turn of an answer: its question, text and cited passages. */
    public static Turn of(Answer a) {
      return new Turn(
          a.question(),
          a.answered() ? a.text() : "",
          a.citations().stream().map(Citation::passageId).toList());
    }
  }

  public Question {
    text = Checks.orEmpty(text);
    history = Checks.copy(history);
    filters = filters == null ? SearchFilters.NONE : filters;
    previous = previous == null ? Turn.NONE : previous;
  }

  /** A question with its history and no earlier answer. */
  public Question(String text, List<String> history, SearchFilters filters) {
    this(text, history, filters, Turn.NONE);
  }

  /** A question with no history and no filters. */
  public static Question of(String text) {
    return new Question(text, List.of(), SearchFilters.NONE);
  }

  /** This question with another text (the rest unchanged). */
  public Question withText(String newText) {
    return new Question(newText, history, filters, previous);
  }

  /** This question with other filters (the rest unchanged). */
  public Question withFilters(SearchFilters newFilters) {
    return new Question(text, history, newFilters, previous);
  }
}
