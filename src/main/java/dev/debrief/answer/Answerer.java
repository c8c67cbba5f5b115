package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Question;

/** Answers a question from the report library: retrieval plus a composer. Never throws for user input. */
public interface Answerer {
  /** @return an answer with citations, or an honest refusal; never null */
  Answer answer(Question question);
}
