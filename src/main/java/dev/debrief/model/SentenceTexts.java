package dev.debrief.model;

import java.util.List;

/**
 * The texts an answer will embed for the sentences of a passage, so that ingest can embed them once
 * and store their vectors beside the passage, and an answer embeds only its question. The answer
 * side says what the texts are (it owns how sentences are cut and framed); the index only embeds
 * and stores them.
 */
@FunctionalInterface
public interface SentenceTexts {
  /** No sentence texts: answers embed their sentences themselves. */
  SentenceTexts NONE = (report, passage) -> List.of();

  /**
   * The sentence texts of {@code passage} of {@code report}, in sentence order; may be empty.
   *
   * @param report the report as it is written to the index (its effective title)
   * @param passage one of its passages
   */
  List<String> of(Report report, Passage passage);
}
