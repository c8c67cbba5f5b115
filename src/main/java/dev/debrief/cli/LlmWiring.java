package dev.debrief.cli;

import dev.debrief.answer.AnswerComposer;
import dev.debrief.answer.ExtractiveComposer;
import dev.debrief.cite.CitationVerifier;
import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.LlmBrief;
import dev.debrief.embed.Embedder;
import dev.debrief.llm.LlmBriefModel;
import dev.debrief.llm.LlmClient;
import dev.debrief.llm.LlmProviders;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The LLM side ({@code answer.provider}): the composer answers use, the LLM that rewrites event
 * briefs, and the one pool every LLM client's attempts run on. Setup warnings (a missing key, an
 * unknown provider) go to the wiring's warning sink. {@link #close()} shuts the pool down. Not
 * thread-safe (see {@link Wiring}).
 */
final class LlmWiring {
  private final Wiring root;
  private final DebriefConfig config;

  /** Runs LLM attempts (made on first use, shut down by {@link #close()}). */
  private ExecutorService llmAttempts;

  /**
   * @param root the settings (environment, warnings, clock)
   */
  LlmWiring(Wiring root) {
    this.root = root;
    this.config = root.config();
  }

  /** The pool every LLM client's attempts run on; shut down by {@link #close()}. */
  private ExecutorService llmAttempts() {
    if (llmAttempts == null) {
      llmAttempts = LlmClient.newAttemptPool();
    }
    return llmAttempts;
  }

  /**
   * The composer chosen by {@code answer.provider}: an LLM composer falling back to {@code
   * extractive}, or {@code extractive} itself when no LLM is configured or usable.
   */
  AnswerComposer composer(Embedder embedder, ExtractiveComposer extractive) {
    LlmProviders.ComposerSetup setup =
        LlmProviders.composer(
            config.answer, root.env(), embedder, extractive, root.clock(), true, llmAttempts());
    setup.warning().ifPresent(root.warnings());
    return setup.composer();
  }

  /**
   * The LLM that rewrites event briefs (map-reduce, citations verified with {@code embedder}), or
   * null when {@code answer.provider} names no usable LLM.
   */
  LlmBrief brief(Supplier<Embedder> embedder) {
    if (!config.answer.answerProvider().isLlm()) {
      return null;
    }
    LlmProviders.Setup setup =
        LlmProviders.create(config.answer, root.env(), root.clock(), true, llmAttempts());
    setup.warning().ifPresent(root.warnings());
    if (setup.client().isEmpty()) {
      return null;
    }
    LlmClient client = setup.client().get();
    return new LlmBrief(
        new LlmBriefModel(client),
        new CitationVerifier(embedder.get()),
        Duration.ofSeconds(config.answer.timeoutSeconds));
  }

  /** Shuts the attempt pool down. */
  void close() {
    if (llmAttempts != null) {
      llmAttempts.shutdownNow();
    }
  }
}
