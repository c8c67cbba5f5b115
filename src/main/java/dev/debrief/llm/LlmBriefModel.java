package dev.debrief.llm;

import dev.debrief.digest.BriefModel;
import java.time.Duration;
import java.util.Optional;

/**
 * The digest's {@link BriefModel} over an {@link LlmClient}: a request that fails with an {@link
 * LlmException} answers empty, so the brief falls back to its extractive text for that part.
 */
public final class LlmBriefModel implements BriefModel {
  private final LlmClient client;

  /**
   * @param client the chat model the brief is written with
   */
  public LlmBriefModel(LlmClient client) {
    this.client = client;
  }

  @Override
  public String provider() {
    return client.provider();
  }

  @Override
  public String model() {
    return client.model();
  }

  @Override
  public Optional<String> complete(String system, String user, Duration budget) {
    try {
      return Optional.of(client.complete(system, user, budget));
    } catch (LlmException e) {
      return Optional.empty();
    }
  }
}
