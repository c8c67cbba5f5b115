package dev.debrief.slack;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.debrief.metrics.Metrics;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons under an answer, as Block Kit interactivity delivers them ({@code block_actions},
 * https://api.slack.com/interactivity/handling#payloads): 👍 and 👎 (stored in the {@link
 * FeedbackLog}), "Show quotes" (the answer's quotes, privately) and "Share" (a private {@code
 * /debrief ask} answer posted in the channel). Each acks at once; the work runs on a worker and
 * replies through the action's {@code response_url}. Answers are found by the key in the button's
 * value ({@link Conversations}).
 */
final class AnswerButtons {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);

  private final SlackApi api;
  private final Metrics metrics;
  private final Conversations conversations;
  private final AnswerRenderer renderer;
  private final FeedbackLog feedback;
  private final Offload offload;

  AnswerButtons(
      SlackApi api,
      Metrics metrics,
      Conversations conversations,
      AnswerRenderer renderer,
      FeedbackLog feedback,
      Offload offload) {
    this.api = api;
    this.metrics = metrics;
    this.conversations = conversations;
    this.renderer = renderer;
    this.feedback = feedback;
    this.offload = offload;
  }

  /** 👍 ({@code vote} "up") or 👎 ("down"). */
  Response onFeedback(BlockActionRequest req, ActionContext ctx, String vote) {
    metrics.slackRequests.labelValues("action").inc();
    BlockActionPayload p = req.getPayload();
    String key = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    String user = p.getUser() == null ? "" : p.getUser().getId();
    String channel = p.getChannel() == null ? "" : p.getChannel().getId();
    String responseUrl = p.getResponseUrl();
    offload.run(
        () -> {
          Optional<Conversations.Stored> stored = conversations.answer(key);
          try {
            feedback.append(
                vote,
                user,
                channel,
                key,
                stored.map(s -> s.answer().question()).orElse(""),
                stored.map(s -> s.answer().provider()).orElse(""));
            metrics.feedback.labelValues(vote).inc();
          } catch (Exception e) {
            metrics.errors.labelValues("feedback").inc();
            LOG.warn("Could not store feedback: {}", e.toString());
          }
          if (responseUrl != null) {
            try {
              api.respond(
                  responseUrl,
                  ResponseUrl.body(
                      OutMessage.text(
                          "up".equals(vote)
                              ? "Thanks for the 👍!"
                              : "Thanks — noted 👎. Rephrasing the question often helps."),
                      "ephemeral",
                      false));
            } catch (SlackCallException e) {
              LOG.debug("Could not thank for feedback: {}", e.getMessage());
            }
          }
        });
    return ctx.ack();
  }

  Response onShowQuotes(BlockActionRequest req, ActionContext ctx) {
    metrics.slackRequests.labelValues("action").inc();
    BlockActionPayload p = req.getPayload();
    String key = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    String responseUrl = p.getResponseUrl();
    offload.run(
        () -> {
          List<OutMessage> messages =
              conversations
                  .answer(key)
                  .map(s -> renderer.quotes(s.answer()))
                  .orElse(
                      List.of(
                          OutMessage.text(
                              "I no longer have that answer's quotes (I was restarted). Ask again?")));
          try {
            for (int i = 0; i < messages.size() && i < ResponseUrl.RESPONSE_URL_MAX; i++) {
              api.respond(responseUrl, ResponseUrl.body(messages.get(i), "ephemeral", false));
            }
          } catch (SlackCallException e) {
            LOG.warn("Could not show quotes: {}", e.getMessage());
          }
        });
    return ctx.ack();
  }

  Response onShare(BlockActionRequest req, ActionContext ctx) {
    metrics.slackRequests.labelValues("action").inc();
    BlockActionPayload p = req.getPayload();
    String key = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    String user = p.getUser() == null ? "" : p.getUser().getId();
    String channel = p.getChannel() == null ? null : p.getChannel().getId();
    String responseUrl = p.getResponseUrl();
    offload.run(
        () -> {
          Optional<Conversations.Stored> stored = conversations.answer(key);
          try {
            if (stored.isEmpty() || channel == null) {
              api.respond(
                  responseUrl,
                  ResponseUrl.body(
                      OutMessage.text("I no longer have that answer. Ask again?"),
                      "ephemeral",
                      false));
              return;
            }
            String sharedBy =
                user.matches("[UW][A-Z0-9]+") ? "shared by <@" + user + ">" : "shared";
            List<OutMessage> messages =
                renderer.render(stored.get().answer(), key, "", false, sharedBy);
            String first = api.post(channel, null, messages.get(0));
            for (int i = 1; i < messages.size(); i++) {
              api.post(channel, first, messages.get(i));
            }
            JsonObject del = new JsonObject();
            del.addProperty("delete_original", true);
            api.respond(responseUrl, del);
          } catch (SlackCallException e) {
            metrics.errors.labelValues("share").inc();
            LOG.warn("Could not share an answer: {}", e.getMessage());
          }
        });
    return ctx.ack();
  }
}
