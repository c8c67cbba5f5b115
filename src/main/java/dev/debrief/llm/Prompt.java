package dev.debrief.llm;

import dev.debrief.model.Hit;
import java.util.List;

/**
 * A prompt ready to send.
 *
 * @param system instructions
 * @param user numbered passages, earlier questions and the question
 * @param sent the passages in the prompt, in order: passage {@code [n]} is {@code sent.get(n - 1)}
 * @param estimatedTokens the estimated prompt size (system + user + framing)
 */
public record Prompt(String system, String user, List<Hit> sent, int estimatedTokens) {
  public Prompt {
    sent = List.copyOf(sent);
  }
}
