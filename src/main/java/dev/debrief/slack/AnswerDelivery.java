package dev.debrief.slack;

import dev.debrief.metrics.Metrics;
import dev.debrief.state.PendingAnswers;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an answer into Slack: the first message replaces the placeholder ({@code chat.update};
 * posted when there is none), the rest follow in the thread ({@code chat.postMessage}). When Slack
 * refuses a message as too big ({@code msg_too_long}, {@code msg_blocks_too_long}, {@code
 * invalid_blocks}), the rest is sent again in the smaller text-only form; nothing is dropped. Each
 * message delivered is recorded in {@link PendingAnswers}, so an answer finished after a restart
 * skips what is already in Slack.
 */
final class AnswerDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerDelivery.class);
  private final SlackApi api;
  private final Metrics metrics;
  private final PendingAnswers progress;

  AnswerDelivery(SlackApi api, Metrics metrics, PendingAnswers progress) {
    this.api = api;
    this.metrics = metrics;
    this.progress = progress;
  }

  /**
   * Delivers {@code messages} for {@code pending} (null: untracked, e.g. a scheduled digest),
   * skipping the {@code pending.partsDelivered()} first ones, then marks it done.
   */
  void deliver(
      String channel,
      String threadTs,
      String placeholderTs,
      List<OutMessage> messages,
      PendingAnswers.Pending pending) {
    int skip = pending == null ? 0 : Math.min(pending.partsDelivered(), messages.size());
    List<OutMessage> queue = new ArrayList<>(messages.subList(skip, messages.size()));
    int delivered = skip;
    boolean smaller = false;
    boolean first = skip == 0;
    while (!queue.isEmpty()) {
      OutMessage m = queue.get(0);
      try {
        if (first && placeholderTs != null) {
          api.update(channel, placeholderTs, m);
        } else {
          api.post(channel, threadTs, m);
        }
        queue.remove(0);
        first = false;
        delivered++;
        if (pending != null && !queue.isEmpty()) {
          progress.delivered(pending, delivered);
        }
      } catch (SlackCallException e) {
        if (e.tooBig() && !smaller) {
          LOG.info("Slack refused the message ({}); sending a smaller form", e.error());
          smaller = true;
          List<OutMessage> rest = Blocks.textOnly(queue);
          queue.clear();
          queue.addAll(rest);
        } else {
          metrics.errors.labelValues("deliver").inc();
          LOG.error("Could not deliver an answer: {}", e.getMessage());
          if (first && placeholderTs != null) {
            try {
              api.update(
                  channel,
                  placeholderTs,
                  OutMessage.text(
                      ":warning: Sorry, Slack refused my answer ("
                          + Mrkdwn.escape(e.error())
                          + ")."));
            } catch (SlackCallException ignored) {
              // nothing more we can do
            }
          }
          break;
        }
      }
    }
    if (pending != null) {
      progress.done(pending);
    }
  }
}
