package dev.debrief.digest;

import java.time.Duration;
import java.util.Optional;

/**
 * The chat model {@link LlmBrief} writes with, as the digest needs it: one system prompt and one
 * user prompt in, one reply out. The digest names no LLM library; {@code
 * dev.debrief.llm.LlmBriefModel} implements this over the project's LLM client.
 */
public interface BriefModel {
  /**
   * The provider as configured ({@code answer.provider}), e.g. {@code openai}; shown on the brief.
   */
  String provider();

  /** The model name as configured ({@code answer.model}); shown on the brief. */
  String model();

  /**
   * One request under one time budget.
   *
   * @param system the system prompt
   * @param user the user prompt
   * @param budget the time the request may take, retries included
   * @return the reply, or empty when the model failed (timeout, rate limit, server or network
   *     error, empty reply); the brief then keeps its extractive text for that part
   */
  Optional<String> complete(String system, String user, Duration budget);
}
