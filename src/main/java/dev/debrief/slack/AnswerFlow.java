package dev.debrief.slack;

import com.google.gson.JsonArray;
import dev.debrief.answer.Answerer;
import dev.debrief.index.IndexUnavailableException;
import dev.debrief.metrics.Metrics;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.state.PendingAnswers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a mention, DM or follow-up, from placeholder to answer: a placeholder is posted
 * first ({@code chat.postMessage}, https://api.slack.com/methods/chat.postMessage; the visible sign
 * of work, on its own pool so it does not queue behind other answers), the question is answered on
 * a worker (with the thread's earlier questions as {@link Question#history()}; a streaming LLM's
 * drafts shown by {@link DraftPreview}), and {@link AnswerDelivery} puts the answer into the
 * placeholder with {@code chat.update}, so a retried edit can never produce a second answer. An
 * event name alone gets the event's brief ({@link SlackDigests}).
 *
 * <p>When the report library does not answer ({@link IndexUnavailableException}), the placeholder
 * says so at once and the question is asked again after each retry delay, in the same message;
 * after the last, the message says to ask again later. {@link #resume} finishes an answer a restart
 * found unfinished ({@link AnswerRecovery}).
 */
final class AnswerFlow {
  // the log category stays the bot's, as before the listeners were split (log settings and tests
  // name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);
  static final String WORKING = ":hourglass_flowing_sand: Looking through the reports…";

  /** Shown in place of the placeholder while the report library (SolrCloud) does not answer. */
  static final String UNREACHABLE =
      ":warning: The report library is unreachable right now. I'll answer here as"
          + " soon as it is back.";

  /** Shown when the library stayed unreachable through every retry. */
  static final String STILL_UNREACHABLE =
      ":warning: The report library is still unreachable, so I can't answer"
          + " this now. Please ask again later.";

  /** How long an answer waits for its placeholder's ts before it posts the answer instead. */
  private static final Duration PLACEHOLDER_WAIT = Duration.ofSeconds(60);

  /** What an answer needs from Slack and the rest of the bot. */
  record Parts(
      Answerer answerer,
      SlackApi api,
      ExecutorService workers,
      ExecutorService io,
      Metrics metrics,
      Supplier<String> botUserId,
      Conversations conversations,
      PendingAnswers progress,
      AnswerDelivery delivery,
      AnswerRenderer renderer,
      SlackDigests digests,
      Audience audience,
      QuestionLimit limit,
      AnswerKeys keys,
      Offload offload) {}

  private final Parts p;
  private final DraftPreview drafts;
  private final ScheduledExecutorService retryTimer;
  private final List<Duration> retryDelays;
  private volatile boolean stopped;

  /**
   * @param parts collaborators ({@code digests} may be null: no event briefs)
   * @param retryTimer schedules the retries while the library is unreachable; null: the first
   *     failure is final
   * @param retryDelays the waits before each retry
   */
  AnswerFlow(Parts parts, ScheduledExecutorService retryTimer, List<Duration> retryDelays) {
    this.p = parts;
    this.drafts = new DraftPreview(parts.api());
    this.retryTimer = retryTimer;
    this.retryDelays = List.copyOf(retryDelays);
  }

  /**
   * Posts the placeholder (on the io pool) and queues the answer (on the workers); called from a
   * listener.
   */
  void submit(
      String channel,
      String threadTs,
      String user,
      String rawText,
      long receivedNanos,
      PendingAnswers.Pending claim) {
    CompletableFuture<String> placeholder;
    try {
      placeholder =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  String ts = p.api().post(channel, threadTs, OutMessage.text(WORKING));
                  p.progress().placeholderPosted(claim, ts);
                  return ts;
                } catch (SlackCallException e) {
                  LOG.warn("Could not post the placeholder: {}", e.getMessage());
                  return null;
                }
              },
              p.io());
    } catch (RejectedExecutionException ex) {
      placeholder = CompletableFuture.completedFuture(null);
    }
    try {
      CompletableFuture<String> ph = placeholder;
      p.workers().execute(() -> answer(channel, threadTs, user, rawText, receivedNanos, ph, claim));
    } catch (RejectedExecutionException ex) {
      p.metrics().errors.labelValues("overloaded").inc();
      LOG.info(
          "Answer queue full; the question in {} is not answered and its asker is told so",
          channel);
      OutMessage busy =
          OutMessage.text(
              ":warning: Sorry, I'm overloaded right now. Please ask again in a minute.");
      placeholder.thenAcceptAsync(
          ts -> p.delivery().deliver(channel, threadTs, ts, List.of(busy), claim), p.io());
    }
  }

  /**
   * Finishes an answer a restart found unfinished ({@link AnswerRecovery}): computes it again and
   * delivers it into {@code placeholderTs} (null: posts it), skipping the messages already
   * delivered.
   */
  void resume(PendingAnswers.Pending pending, String placeholderTs) {
    answer(
        pending.channel(),
        pending.threadTs(),
        pending.user(),
        pending.question(),
        System.nanoTime(),
        CompletableFuture.completedFuture(placeholderTs),
        pending);
  }

  /** The full answer path of a mention, DM or follow-up; runs on a worker thread. */
  void answer(
      String channel,
      String threadTs,
      String user,
      String rawText,
      long receivedNanos,
      CompletableFuture<String> placeholder,
      PendingAnswers.Pending claim) {
    answer(channel, threadTs, user, rawText, receivedNanos, placeholder, claim, 0);
  }

  /**
   * {@code retry} counts the earlier tries that found the report library unreachable. While a retry
   * is scheduled, the "unreachable" notice is delivered untracked: the claim stays unfinished, so a
   * restart in the meantime still finishes the answer in that message.
   */
  private void answer(
      String channel,
      String threadTs,
      String user,
      String rawText,
      long receivedNanos,
      CompletableFuture<String> placeholder,
      PendingAnswers.Pending claim,
      int retry) {
    PendingAnswers.Pending tracked = claim;
    String text = Mrkdwn.stripMention(rawText, p.botUserId().get());
    List<OutMessage> messages;
    try {
      Optional<List<OutMessage>> brief =
          p.digests() == null || text.isBlank()
              ? Optional.empty()
              : p.digests()
                  .summaryIfEvent(p.limit().trim(text).text(), p.audience().allowed(channel, user));
      if (text.isBlank()) {
        messages =
            List.of(
                new OutMessage(
                    "Ask me a question about the event reports.", blocksOf(HelpText.HELP)));
      } else if (brief.isPresent()) {
        messages = brief.get();
      } else {
        QuestionLimit.Trimmed q = p.limit().trim(text);
        Conversations conversations = p.conversations();
        List<String> history = conversations.history(channel, threadTs);
        Question question =
            new Question(
                q.text(),
                history,
                new SearchFilters("", "", "", p.audience().allowed(channel, user)),
                conversations.previous(channel, threadTs));
        Answer answer =
            p.answerer().answer(question, draft -> drafts.show(channel, placeholder, draft));
        String key = p.keys().next();
        conversations.store(key, new Conversations.Stored(answer, channel, threadTs, user));
        conversations.recordAnswer(channel, threadTs, answer);
        messages = p.renderer().render(answer, key, q.note(), false, "");
      }
    } catch (IndexUnavailableException e) {
      p.metrics().errors.labelValues("library_unreachable").inc();
      LOG.warn(
          "The report library is unreachable (try {} of {}): {}",
          retry + 1,
          retryDelays.size() + 1,
          e.getMessage());
      if (retry < retryDelays.size() && retryTimer != null) {
        scheduleRetry(channel, threadTs, user, rawText, receivedNanos, placeholder, claim, retry);
        tracked = null;
        if (retry > 0) {
          return; // the message already says the library is unreachable
        }
        messages = List.of(OutMessage.text(UNREACHABLE));
      } else {
        messages =
            List.of(
                OutMessage.text(
                    retry == 0
                        ? UNREACHABLE.replace(
                            " I'll answer here as soon as it is back.",
                            " Please ask again in a few minutes.")
                        : STILL_UNREACHABLE));
      }
    } catch (RuntimeException | Error e) {
      p.metrics().errors.labelValues("answer").inc();
      String ref = p.keys().ref();
      LOG.error("Answering failed (ref {}): {}", ref, e.toString());
      messages =
          List.of(
              OutMessage.text(
                  ":warning: Sorry, I couldn't answer that because of an internal error "
                      + "(ref "
                      + ref
                      + "). Please try again in a minute."));
    }
    String placeholderTs;
    try {
      placeholderTs = placeholder.get(PLACEHOLDER_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      placeholderTs = null;
    }
    p.delivery().deliver(channel, threadTs, placeholderTs, messages, tracked);
    p.metrics().answerSeconds.observe((System.nanoTime() - receivedNanos) / 1e9);
  }

  /**
   * Retries scheduled from now on, and those already scheduled, do nothing (the server is
   * stopping).
   */
  void stop() {
    stopped = true;
  }

  /** Asks again after the next delay, in the message that now says the library is unreachable. */
  private void scheduleRetry(
      String channel,
      String threadTs,
      String user,
      String rawText,
      long receivedNanos,
      CompletableFuture<String> placeholder,
      PendingAnswers.Pending claim,
      int retry) {
    Duration delay = retryDelays.get(retry);
    try {
      retryTimer.schedule(
          () -> {
            if (!stopped) {
              p.offload()
                  .run(
                      () ->
                          answer(
                              channel,
                              threadTs,
                              user,
                              rawText,
                              receivedNanos,
                              placeholder,
                              claim,
                              retry + 1));
            }
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException ex) {
      LOG.warn("Retry timer stopped; not asking again");
    }
  }

  private static JsonArray blocksOf(String mrkdwn) {
    JsonArray a = new JsonArray();
    Blocks.sections(mrkdwn).forEach(a::add);
    return a;
  }
}
