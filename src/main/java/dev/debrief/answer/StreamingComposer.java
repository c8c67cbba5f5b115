package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import java.util.List;
import java.util.function.Consumer;

/** A composer that can show drafts while it writes (an LLM that streams its reply). */
public interface StreamingComposer extends AnswerComposer {
  /**
   * @param draft receives partial text, at most about once per second; never the final answer
   * @return the final, verified answer
   */
  Answer composeStreaming(Question question, List<Hit> hits, Consumer<String> draft);

  /**
   * Like {@link #composeStreaming(Question, List, Consumer)} with the question's analysis and
   * conversation, so a fallback to the extractive composer answers as it would have; composers that
   * do not use them answer from the question and hits alone.
   */
  default Answer composeStreaming(AnswerRequest request, Consumer<String> draft) {
    return composeStreaming(request.question(), request.hits(), draft);
  }
}
