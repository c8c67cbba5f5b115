package dev.debrief.slack;

import dev.debrief.state.PendingAnswers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On start, finishes what a crash left ({@link PendingAnswers#unfinished()}): each answer is
 * computed again and replaces its placeholder (or is posted when none was), skipping messages
 * already delivered; files being added get a short apology with the reason, since their download is
 * gone. A placeholder posted just before the crash, whose ts was never recorded, is found by
 * reading the thread back (a message by Debrief saying {@link AnswerFlow#WORKING} after the
 * question), so it does not stay "Looking through the reports…" forever. Retries of the same events
 * find their messages claimed, so nothing is posted twice.
 */
final class AnswerRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerRecovery.class);
  static final String FILES_APOLOGY =
      ":warning: Sorry, I was restarted while adding your file, so it may not be"
          + " indexed. Please share it again.";

  private final PendingAnswers pending;
  private final SlackApi api;
  private final AnswerFlow answers;
  private final Supplier<String> botUserId;

  AnswerRecovery(
      PendingAnswers pending, SlackApi api, AnswerFlow answers, Supplier<String> botUserId) {
    this.pending = pending;
    this.api = api;
    this.answers = answers;
    this.botUserId = botUserId;
  }

  /** Hands every unfinished message to {@code workers}; returns how many. */
  int start(ExecutorService workers) {
    List<PendingAnswers.Pending> left = pending.unfinished();
    if (!left.isEmpty()) {
      LOG.info(
          "Restart: finishing {} answer{} left unfinished by the previous run",
          left.size(),
          left.size() == 1 ? "" : "s");
    }
    for (PendingAnswers.Pending p : left) {
      workers.execute(() -> finish(p));
    }
    return left.size();
  }

  private void finish(PendingAnswers.Pending p) {
    try {
      String placeholder =
          p.placeholderTs() != null ? p.placeholderTs() : findPlaceholder(p).orElse(null);
      if (p.work() == PendingAnswers.Work.FILES) {
        OutMessage m = OutMessage.text(FILES_APOLOGY);
        if (placeholder != null) {
          api.update(p.channel(), placeholder, m);
        } else {
          api.post(p.channel(), p.threadTs(), m);
        }
        pending.done(p);
        LOG.info("Recovered: told {} in {} to share the file again", p.user(), p.channel());
        return;
      }
      answers.resume(p, placeholder);
      LOG.info(
          "Recovered the answer to {}'s question in {} ({}, {} part{} delivered before the restart)",
          p.user(),
          p.channel(),
          placeholder == null ? "posted" : "placeholder replaced",
          p.partsDelivered(),
          p.partsDelivered() == 1 ? "" : "s");
    } catch (SlackCallException | RuntimeException e) {
      LOG.warn(
          "Could not finish the answer to {} in {} after the restart: {}",
          p.messageTs(),
          p.channel(),
          e.getMessage());
    }
  }

  /**
   * Debrief's placeholder after the question, read back from Slack; empty when there is none or on
   * failure.
   */
  private Optional<String> findPlaceholder(PendingAnswers.Pending p) {
    String me = botUserId.get();
    try {
      return api.messagesAfter(p.channel(), p.threadTs(), p.messageTs()).stream()
          .filter(m -> me != null && me.equals(m.user()) && AnswerFlow.WORKING.equals(m.text()))
          .map(SlackApi.Posted::ts)
          .findFirst();
    } catch (SlackCallException e) {
      LOG.info(
          "Could not read back {} to find a placeholder ({}); posting the answer",
          p.channel(),
          e.error());
      return Optional.empty();
    }
  }
}
