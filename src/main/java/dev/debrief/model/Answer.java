package dev.debrief.model;

import java.util.List;

/**
 * An answer to one question.
 *
 * @param question the question as asked (trimmed)
 * @param text the answer; when {@link #answered()}, every sentence ends with one or more {@code
 *     [n]} markers that index into {@link #citations()}; otherwise an honest refusal
 * @param answered false when the reports do not cover the question (or nothing is indexed)
 * @param citations numbered sources, {@code citations.get(i).n() == i + 1}
 * @param closest when not answered: the closest sections found (at most 3), else empty
 * @param provider who wrote the text: "extractive", "openai", "anthropic", "gemini"
 * @param model the model name ("" for extractive)
 * @param fallback true when a configured LLM failed and the extractive answer was used instead
 * @param unverified how many sentences the LLM wrote that citation verification could not support
 * @param passagesUsed how many retrieved passages were considered
 * @param understood how the question was understood ({@link Understanding#NONE} when not analyzed)
 */
public record Answer(
    String question,
    String text,
    boolean answered,
    List<Citation> citations,
    List<Hit> closest,
    String provider,
    String model,
    boolean fallback,
    int unverified,
    int passagesUsed,
    Understanding understood) {
  public Answer {
    question = Checks.orEmpty(question);
    Checks.nonBlank(text, "answer text");
    citations = Checks.copy(citations);
    closest = Checks.copy(closest);
    for (int i = 0; i < citations.size(); i++) {
      if (citations.get(i).n() != i + 1) {
        throw new IllegalArgumentException(
            "citation " + i + " must be numbered " + (i + 1) + ", got " + citations.get(i).n());
      }
    }
    provider = Checks.nonBlank(provider, "provider");
    model = Checks.orEmpty(model);
    Checks.nonNegative(unverified, "unverified");
    Checks.nonNegative(passagesUsed, "passagesUsed");
    understood = understood == null ? Understanding.NONE : understood;
  }

  /** An answer without a recorded understanding of the question. */
  public Answer(
      String question,
      String text,
      boolean answered,
      List<Citation> citations,
      List<Hit> closest,
      String provider,
      String model,
      boolean fallback,
      int unverified,
      int passagesUsed) {
    this(
        question,
        text,
        answered,
        citations,
        closest,
        provider,
        model,
        fallback,
        unverified,
        passagesUsed,
        Understanding.NONE);
  }

  /**
   * A refusal or a prompt written by Debrief itself: not answered, no citations, no LLM involved.
   *
   * @param question the question as asked
   * @param text why there is no answer (non-blank)
   * @param closest the closest sections to show instead (at most 3; may be empty)
   * @param passagesUsed how many retrieved passages were considered (≥ 0)
   * @throws IllegalArgumentException when {@code text} is blank or {@code passagesUsed} negative
   */
  public static Answer refusal(String question, String text, List<Hit> closest, int passagesUsed) {
    return new Answer(
        question,
        text,
        false,
        List.of(),
        closest,
        AnswerProvider.EXTRACTIVE.id(),
        "",
        false,
        0,
        passagesUsed);
  }

  /** This answer with {@code u} as its understanding. */
  public Answer withUnderstanding(Understanding u) {
    return new Answer(
        question,
        text,
        answered,
        citations,
        closest,
        provider,
        model,
        fallback,
        unverified,
        passagesUsed,
        u);
  }
}
