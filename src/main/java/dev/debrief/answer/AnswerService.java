package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.retrieve.Retriever;
import java.util.List;

/**
 * Retrieval plus composition. Follow-up questions are searched together with the previous question of the
 * conversation, so "and what about storage?" keeps its subject. Questions longer than
 * {@code maxQuestionChars} are trimmed (the answer notes it).
 */
public final class AnswerService implements Answerer {
  private final Retriever retriever;
  private final AnswerComposer composer;
  private final int passages;
  private final int maxQuestionChars;

  /**
   * @param retriever        finds passages
   * @param composer         writes the answer
   * @param passages         passages handed to the composer
   * @param maxQuestionChars longer questions are cut to this many characters
   */
  public AnswerService(Retriever retriever, AnswerComposer composer, int passages, int maxQuestionChars) {
    this.retriever = retriever;
    this.composer = composer;
    this.passages = passages;
    this.maxQuestionChars = maxQuestionChars;
  }

  @Override
  public Answer answer(Question question) {
    return answer(question, null);
  }

  @Override
  public Answer answer(Question question, java.util.function.Consumer<String> draft) {
    String text = question.text().strip();
    if (text.length() > maxQuestionChars) {
      int cut = maxQuestionChars;
      if (Character.isHighSurrogate(text.charAt(cut - 1))) {
        cut--;
      }
      text = text.substring(0, cut);
    }
    Question q = new Question(text, question.history(), question.filters());
    if (!text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      return new Answer(text.isEmpty() ? "(empty)" : text,
          "Ask me a question about the event reports, e.g. “what did the keynote announce?”.", false,
          List.of(), List.of(), "extractive", "", false, 0, 0);
    }
    List<Hit> hits = retriever.search(searchText(q), passages, q.filters());
    if (draft != null && composer instanceof StreamingComposer streaming) {
      return streaming.composeStreaming(q, hits, draft);
    }
    return composer.compose(q, hits);
  }

  /** The question, preceded by the previous question of the conversation when there is one. */
  static String searchText(Question q) {
    if (q.history().isEmpty()) {
      return q.text();
    }
    return q.history().get(q.history().size() - 1) + "\n" + q.text();
  }
}
