package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import java.util.function.Consumer;

/**
 * Answers a question from the report library: retrieval plus a composer. Never throws for user
 * input.
 */
public interface Answerer {
  /**
   * @return an answer with citations, or an honest refusal; never null
   */
  Answer answer(Question question);

  /**
   * Like {@link #answer(Question)}, and while a streaming LLM writes, hands unverified drafts
   * (citation markers removed) to {@code draft}, at most about once per second. The returned answer
   * is the only one to show.
   */
  default Answer answer(Question question, Consumer<String> draft) {
    return answer(question);
  }
}
