package dev.debrief.slack;

import dev.debrief.metrics.Metrics;
import dev.debrief.state.PendingAnswers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files shared with Debrief (a {@code file_share} message in a DM, or a mention with files
 * attached): the files are added ({@link SlackIntake}), one line per file is replied in the thread,
 * then the question the message also asked, if any, is answered ({@link AnswerFlow}), never
 * silently dropped. Slack's file events: https://api.slack.com/events/message/file_share.
 */
final class FileShares {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);

  private final SlackIntake intake;
  private final SlackApi api;
  private final Metrics metrics;
  private final Supplier<String> botUserId;
  private final PendingAnswers progress;
  private final AnswerFlow answers;
  private final AnswerKeys keys;
  private final Offload offload;

  /**
   * @param intake adds the files; null when adding reports from Slack is not enabled (the reply
   *     says so)
   */
  FileShares(
      SlackIntake intake,
      SlackApi api,
      Metrics metrics,
      Supplier<String> botUserId,
      PendingAnswers progress,
      AnswerFlow answers,
      AnswerKeys keys,
      Offload offload) {
    this.intake = intake;
    this.api = api;
    this.metrics = metrics;
    this.botUserId = botUserId;
    this.progress = progress;
    this.answers = answers;
    this.keys = keys;
    this.offload = offload;
  }

  /** Adds the files of a claimed message on a worker, replies, then answers its question part. */
  void submit(
      String channel,
      String threadTs,
      String user,
      String rawText,
      List<com.slack.api.model.File> files,
      long receivedNanos,
      PendingAnswers.Pending claim) {
    String text = Mrkdwn.stripMention(rawText == null ? "" : rawText, botUserId.get());
    offload.run(
        () -> {
          OutMessage reply;
          try {
            reply =
                intake == null
                    ? OutMessage.text(
                        ":warning: Adding reports from Slack is not enabled on this Debrief.")
                    : intake.addFiles(files, text, user, channel);
          } catch (RuntimeException e) {
            metrics.errors.labelValues("intake").inc();
            String ref = keys.ref();
            LOG.error("Adding files failed (ref {}): {}", ref, e.toString());
            reply =
                OutMessage.text(
                    ":warning: Sorry, I couldn't add that file because of an internal error (ref "
                        + ref
                        + ").");
          }
          try {
            api.post(channel, threadTs, reply);
          } catch (SlackCallException e) {
            metrics.errors.labelValues("deliver").inc();
            LOG.warn("Could not post the file result: {}", e.getMessage());
          }
          String question = SlackIntake.questionPart(text);
          if (!question.isEmpty()) {
            answers.answer(
                channel,
                threadTs,
                user,
                question,
                receivedNanos,
                CompletableFuture.completedFuture(null),
                claim);
          } else {
            progress.done(claim);
          }
        });
  }
}
