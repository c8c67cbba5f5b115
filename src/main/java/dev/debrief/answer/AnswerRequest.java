package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import java.util.List;

/**
 * Everything a composer answers from: the question, how it was understood, the passages found for
 * it, and what a follow-up must not repeat.
 *
 * @param question the question
 * @param analysis how it was understood
 * @param hits retrieved passages, best first (a follow-up's earlier sections first)
 * @param subject the text the question's meaning is taken from: the question, after a vague
 *     follow-up's earlier question
 * @param said sentences an earlier answer of the conversation already gave (not to be repeated)
 * @param avoid names whose sentences not to quote ("who else …" after an answer about them)
 */
public record AnswerRequest(
    Question question,
    QuestionAnalysis analysis,
    List<Hit> hits,
    String subject,
    List<String> said,
    List<String> avoid) {
  public AnswerRequest {
    hits = List.copyOf(hits);
    said = List.copyOf(said);
    avoid = List.copyOf(avoid);
  }

  /** A request for a question without a conversation. */
  public static AnswerRequest of(Question question, QuestionAnalysis analysis, List<Hit> hits) {
    return new AnswerRequest(question, analysis, hits, question.text(), List.of(), List.of());
  }
}
