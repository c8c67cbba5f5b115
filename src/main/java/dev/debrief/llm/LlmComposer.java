package dev.debrief.llm;

import dev.debrief.answer.AnswerComposer;
import dev.debrief.answer.AnswerRequest;
import dev.debrief.cite.CitationVerifier;
import dev.debrief.config.DebriefConfig.AnswerSettings;
import dev.debrief.embed.Embedder;
import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with an LLM from retrieved passages, verifies every citation, and falls back to the
 * extractive composer when the model fails.
 *
 * <ul>
 *   <li>Prompt: {@link PromptBuilder} (numbered passages, earlier questions, the question), trimmed
 *       to {@code contextWindow - maxOutputTokens} by dropping the lowest-ranked passages; on a
 *       {@code context_length_exceeded} error it retries once with half the passages.
 *   <li>Time: one budget ({@code answer.timeoutSeconds}) covers every attempt and Retry-After wait.
 *       On timeout, 5xx, 429 beyond the budget, an empty or garbled reply, or any other failure,
 *       the answer is the fallback composer's, with {@code fallback=true}; exactly one answer
 *       either way.
 *   <li>Citations: {@link CitationVerifier}. A reply none of whose sentences survive gives the
 *       extractive answer, marked as the fallback, when the extractive composer answers from the
 *       same passages; otherwise the honest refusal with the closest sections.
 * </ul>
 *
 * Thread-safe.
 */
public final class LlmComposer implements dev.debrief.answer.StreamingComposer {
  /** The refusal shown when no sentence of the model's reply could be verified. */
  public static final String REFUSAL = dev.debrief.answer.Refusals.NOT_COVERED;

  private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);

  /**
   * An answer with the reason it came from the fallback, if it did.
   *
   * @param answer the answer
   * @param fallbackReason e.g. "openai gpt-4o-mini timed out", empty when the LLM answered
   */
  public record Outcome(Answer answer, Optional<String> fallbackReason) {}

  private final LlmClient client;
  private final AnswerSettings settings;
  private final AnswerComposer fallback;
  private final Clock clock;
  private final CitationVerifier verifier;
  private final PromptBuilder prompts;

  /**
   * @param client the model, with its provider and model name
   * @param settings {@code answer.*}: passages, contextWindow, maxOutputTokens, timeoutSeconds,
   *     markUnverified
   * @param embedder embeddings for citation verification (null: term overlap only)
   * @param fallback the extractive composer
   * @param clock time source of the budget
   */
  public LlmComposer(
      LlmClient client,
      AnswerSettings settings,
      Embedder embedder,
      AnswerComposer fallback,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.verifier = new CitationVerifier(embedder);
    this.prompts =
        new PromptBuilder(
            TokenEstimator.forModel(client.provider(), client.model()),
            settings.contextWindow,
            settings.maxOutputTokens);
  }

  /**
   * A composer over any LangChain4j chat model (no streaming); its attempts run on {@code attempts}
   * ({@link LlmClient#newAttemptPool()}), which the caller owns and shuts down.
   */
  public static LlmComposer of(
      ChatModel model,
      String provider,
      String modelName,
      AnswerSettings settings,
      Embedder embedder,
      AnswerComposer fallback,
      Clock clock,
      java.util.concurrent.ExecutorService attempts) {
    return new LlmComposer(
        new LlmClient(provider, modelName, model, null, clock, attempts),
        settings,
        embedder,
        fallback,
        clock);
  }

  public LlmClient client() {
    return client;
  }

  @Override
  public Answer compose(Question question, List<Hit> hits) {
    return compose(question, hits, null).answer();
  }

  /**
   * @param progress receives the draft written so far (markers removed, not yet verified) at most
   *     once per second while a streaming provider writes; null for none. Called on a worker
   *     thread.
   */
  public Answer composeStreaming(Question question, List<Hit> hits, Consumer<String> draft) {
    return compose(question, hits, draft).answer();
  }

  /**
   * Composes with drafts and says why it fell back, when it did.
   *
   * @param progress receives drafts while a streaming model writes (may be null)
   */
  public Outcome compose(Question question, List<Hit> hits, Consumer<String> progress) {
    List<Hit> safe = hits == null ? List.of() : hits;
    return compose(question, safe, () -> fallback.compose(question, safe), progress);
  }

  /**
   * Composes from a full request (question, its analysis, the conversation); the extractive
   * fallback gets the same request, so a fallback answer is the one the offline composer gives.
   */
  @Override
  public Answer compose(AnswerRequest request) {
    return compose(request, null).answer();
  }

  /** {@link #compose(AnswerRequest)} with drafts while a streaming model writes. */
  @Override
  public Answer composeStreaming(AnswerRequest request, Consumer<String> draft) {
    return compose(request, draft).answer();
  }

  /** {@link #compose(AnswerRequest)}, saying why it fell back when it did. */
  public Outcome compose(AnswerRequest request, Consumer<String> progress) {
    return compose(request.question(), request.hits(), () -> fallback.compose(request), progress);
  }

  private Outcome compose(
      Question question, List<Hit> hits, Supplier<Answer> extractive, Consumer<String> progress) {
    Instant deadline = clock.instant().plus(Duration.ofSeconds(settings.timeoutSeconds));
    List<Hit> safeHits = hits;
    if (safeHits.isEmpty() || question.text().isBlank()) {
      return new Outcome(extractive.get(), Optional.empty());
    }
    Prompt prompt = prompts.build(question, safeHits, settings.passages);
    Consumer<String> draft =
        progress == null
            ? null
            : text ->
                progress.accept(
                    CitationVerifier.MARKER
                        .matcher(text)
                        .replaceAll("")
                        .replaceAll(" +([.,;])", "$1"));
    String reply;
    try {
      try {
        reply =
            client.chat(prompt.system(), prompt.user(), deadline, settings.maxOutputTokens, draft);
      } catch (LlmException e) {
        if (e.kind() != LlmException.Kind.CONTEXT_LENGTH || prompt.sent().size() <= 1) {
          throw e;
        }
        int fewer = Math.max(1, prompt.sent().size() / 2);
        LOG.info(
            "{} says the prompt is too long ({} passages, ~{} tokens); retrying with {}",
            client.provider(),
            prompt.sent().size(),
            prompt.estimatedTokens(),
            fewer);
        prompt = prompts.build(question, safeHits, fewer);
        reply =
            client.chat(prompt.system(), prompt.user(), deadline, settings.maxOutputTokens, draft);
      }
      if (garbled(reply)) {
        throw new LlmException(LlmException.Kind.EMPTY_REPLY, "garbled reply");
      }
    } catch (LlmException e) {
      String reason =
          client.provider()
              + (client.model().isEmpty() ? "" : " " + client.model())
              + " "
              + e.reason();
      LOG.warn("LLM answer failed ({}: {}); using the extractive answer", reason, e.getMessage());
      return new Outcome(marked(extractive.get()), Optional.of(reason));
    } catch (RuntimeException e) {
      String reason = client.provider() + " failed";
      LOG.warn("LLM answer failed unexpectedly; using the extractive answer", e);
      return new Outcome(marked(extractive.get()), Optional.of(reason));
    }
    CitationVerifier.Result r = verifier.verify(reply, prompt.sent(), settings.markUnverified);
    if (r.unverified() > 0 || r.droppedMarkers() > 0) {
      LOG.info(
          "citation check: {} verified, {} unverified sentences, {} markers dropped",
          r.verified(),
          r.unverified(),
          r.droppedMarkers());
    }
    if (!r.answered() && r.unverified() > 0) {
      // the model answered, but none of its sentences is supported by what it cites: the offline
      // answer, when
      // the evidence carries one, is better than a refusal
      Answer offline = extractive.get();
      if (offline.answered()) {
        String reason = client.provider() + " reply had no sentence its passages support";
        LOG.info("{}; using the extractive answer", reason);
        return new Outcome(marked(offline), Optional.of(reason));
      }
    }
    if (!r.answered()) {
      List<Hit> closest = closest(safeHits);
      return new Outcome(
          new Answer(
              question.text(),
              refusalText(closest),
              false,
              List.of(),
              closest,
              client.provider(),
              client.model(),
              false,
              r.unverified(),
              prompt.sent().size()),
          Optional.empty());
    }
    return new Outcome(
        new Answer(
            question.text(),
            r.text(),
            true,
            r.citations(),
            List.of(),
            client.provider(),
            client.model(),
            false,
            r.unverified(),
            prompt.sent().size()),
        Optional.empty());
  }

  /** The three best hits, one per section. */
  static List<Hit> closest(List<Hit> hits) {
    return dev.debrief.answer.Refusals.closestSections(hits, 3);
  }

  /** The refusal naming the closest sections, worded like the extractive composer's. */
  static String refusalText(List<Hit> closest) {
    return dev.debrief.answer.Refusals.text(REFUSAL, closest);
  }

  /** {@code a} marked as the fallback answer. */
  private static Answer marked(Answer a) {
    return new Answer(
        a.question(),
        a.text(),
        a.answered(),
        a.citations(),
        a.closest(),
        a.provider(),
        a.model(),
        true,
        0,
        a.passagesUsed());
  }

  /**
   * A reply with fewer than three letters or digits, or mostly non-text (template tokens, binary
   * junk).
   */
  static boolean garbled(String reply) {
    if (reply == null) {
      return true;
    }
    String s = reply.strip();
    long letters = s.codePoints().filter(Character::isLetterOrDigit).count();
    if (letters < 3) {
      return true;
    }
    long control =
        s.codePoints()
            .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')
            .count();
    long replacement = s.codePoints().filter(c -> c == 0xFFFD).count();
    return control + replacement > s.length() / 20 || s.matches("(?s)\\s*<\\|[^|]*\\|>\\s*");
  }
}
