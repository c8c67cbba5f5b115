package dev.debrief.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who writes an answer's text: Debrief itself from the reports' sentences ({@link #EXTRACTIVE},
 * offline, the default) or one of the LLM providers. The id is what {@code answer.provider} in the
 * config holds and what {@link Answer#provider()} and digest JSON record.
 */
public enum AnswerProvider {
  /** The offline extractive composer. */
  EXTRACTIVE("extractive"),
  /** OpenAI, or any OpenAI-compatible server ({@code answer.baseUrl}). */
  OPENAI("openai"),
  /** Anthropic. */
  ANTHROPIC("anthropic"),
  /** Google Gemini. */
  GEMINI("gemini");

  private final String id;

  AnswerProvider(String id) {
    this.id = id;
  }

  /** The id as written in the config and in answers, e.g. "openai". */
  public String id() {
    return id;
  }

  /**
   * True when {@code recorded} (an {@link Answer#provider()} or config value) is this provider's
   * id.
   */
  public boolean is(String recorded) {
    return id.equals(recorded);
  }

  /** True for the LLM providers. */
  public boolean isLlm() {
    return this != EXTRACTIVE;
  }

  /** Every id, in declaration order, for messages. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(AnswerProvider::id).toList();
  }

  /** The provider with exactly this id, if any. */
  public static Optional<AnswerProvider> find(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /**
   * The provider with exactly this id.
   *
   * @throws IllegalArgumentException naming the bad value and the known ids
   */
  public static AnswerProvider parse(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown answer provider \"" + id + "\"; use one of " + ids()));
  }

  @Override
  public String toString() {
    return id;
  }
}
