package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import java.util.List;

/**
 * Writes an answer from retrieved passages: the extractive summarizer, or an LLM whose citations
 * are verified.
 */
public interface AnswerComposer {
  /**
   * @param question the question with its history
   * @param hits retrieved passages, best first (may be empty)
   * @return an answer whose every [n] points at a passage of {@code hits}; never null
   */
  Answer compose(Question question, List<Hit> hits);

  /**
   * Like {@link #compose(Question, List)} with the question's analysis and conversation. Composers
   * that do not use them answer from the question and hits alone.
   */
  default Answer compose(AnswerRequest request) {
    return compose(request.question(), request.hits());
  }
}
