package dev.debrief.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.debrief.metrics.Metrics;
import dev.debrief.state.PendingAnswers;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Events API listeners that may lead to an answer (https://api.slack.com/apis/events-api):
 * {@code app_mention}, {@code message} and {@code message.file_share}. Each decides whether the
 * event is Debrief's to answer, claims it exactly once ({@link Dedupe}), hands the work on ({@link
 * AnswerFlow}, {@link FileShares}) and acks at once.
 *
 * <ul>
 *   <li>An {@code app_mention} is answered in its thread: {@code thread_ts} is the message's own
 *       ts, or its {@code thread_ts} when it already is in a thread. A DM ({@code channel_type}
 *       {@code im}) is answered in the DM. A message in a thread Debrief already answered is a
 *       follow-up and needs no mention. Slack sends no {@code app_mention} for group DMs: a {@code
 *       message.mpim} that mentions Debrief is the mention.
 *   <li>Exactly once, across restarts: the event is skipped when its {@code event_id} was seen
 *       (HTTP retries with {@code X-Slack-Retry-Num}, Socket Mode re-deliveries) or its {@code
 *       (channel, ts)} was already claimed (the {@code message} and {@code app_mention} events of
 *       one message; an edit).
 *   <li>Edits: an edited message never gets an answer, whether or not the original got one. Events
 *       marked {@code edited} are ignored; to ask again, post a new message.
 *   <li>Ignored without error: events from Debrief itself or any bot ({@code bot_id}, {@code
 *       app_id}, Debrief's user id) and every message subtype ({@code message_changed}, {@code
 *       message_deleted}, …).
 * </ul>
 */
final class IncomingEvents {
  private final Dedupe dedupe;
  private final Conversations conversations;
  private final Supplier<String> botUserId;
  private final Metrics metrics;
  private final AnswerFlow answers;
  private final FileShares files;

  IncomingEvents(
      Dedupe dedupe,
      Conversations conversations,
      Supplier<String> botUserId,
      Metrics metrics,
      AnswerFlow answers,
      FileShares files) {
    this.dedupe = dedupe;
    this.conversations = conversations;
    this.botUserId = botUserId;
    this.metrics = metrics;
    this.answers = answers;
    this.files = files;
  }

  Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    metrics.slackRequests.labelValues("event").inc();
    long received = System.nanoTime();
    AppMentionEvent e = payload.getEvent();
    if (!dedupe.firstEvent(payload.getEventId())
        || ignorable(e.getUser(), e.getBotId(), e.getAppId(), e.getSubtype())
        || e.getEdited() != null) {
      return ctx.ack();
    }
    String threadTs = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
    boolean hasFiles = e.getFiles() != null && !e.getFiles().isEmpty();
    Optional<PendingAnswers.Pending> claim =
        dedupe.claim(
            payload.getEventId(),
            e.getChannel(),
            e.getTs(),
            threadTs,
            e.getUser(),
            e.getText(),
            hasFiles ? PendingAnswers.Work.FILES : PendingAnswers.Work.ANSWER);
    if (claim.isEmpty()) {
      return ctx.ack();
    }
    if (hasFiles) {
      files.submit(
          e.getChannel(), threadTs, e.getUser(), e.getText(), e.getFiles(), received, claim.get());
      return ctx.ack();
    }
    answers.submit(e.getChannel(), threadTs, e.getUser(), e.getText(), received, claim.get());
    return ctx.ack();
  }

  /**
   * A message with files ({@code subtype} {@code file_share}): in a DM, the files are added; in a
   * channel only when the message mentions Debrief (its {@code app_mention} carries the same files;
   * whichever event comes first claims the message).
   */
  Response onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
    metrics.slackRequests.labelValues("event").inc();
    long received = System.nanoTime();
    MessageFileShareEvent e = payload.getEvent();
    if (!dedupe.firstEvent(payload.getEventId())
        || ignorable(e.getUser(), null, null, null)
        || e.getFiles() == null
        || e.getFiles().isEmpty()) {
      return ctx.ack();
    }
    boolean dm = "im".equals(e.getChannelType()) || SlackIntake.isDm(e.getChannel());
    String me = botUserId.get();
    boolean mentioned = me != null && e.getText() != null && e.getText().contains("<@" + me);
    if (!dm && !mentioned) {
      return ctx.ack();
    }
    String threadTs = dm ? e.getThreadTs() : e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
    Optional<PendingAnswers.Pending> claim =
        dedupe.claim(
            payload.getEventId(),
            e.getChannel(),
            e.getTs(),
            threadTs,
            e.getUser(),
            e.getText(),
            PendingAnswers.Work.FILES);
    if (claim.isPresent()) {
      files.submit(
          e.getChannel(), threadTs, e.getUser(), e.getText(), e.getFiles(), received, claim.get());
    }
    return ctx.ack();
  }

  Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    metrics.slackRequests.labelValues("event").inc();
    long received = System.nanoTime();
    MessageEvent e = payload.getEvent();
    if (!dedupe.firstEvent(payload.getEventId())
        || ignorable(e.getUser(), e.getBotId(), null, e.getSubtype())
        || e.getEdited() != null) {
      return ctx.ack();
    }
    boolean dm = "im".equals(e.getChannelType());
    boolean followUp =
        e.getThreadTs() != null && conversations.answeredThread(e.getChannel(), e.getThreadTs());
    // Slack sends no app_mention for group DMs (mpim): a message.mpim that mentions Debrief is the
    // mention.
    boolean groupDmMention = GroupDms.isMention(e.getChannelType(), e.getText(), botUserId.get());
    if (!dm && !followUp && !groupDmMention) {
      return ctx.ack();
    }
    // A follow-up that also mentions Debrief arrives twice (message and app_mention); (channel, ts)
    // decides.
    String threadTs = groupDmMention && e.getThreadTs() == null ? e.getTs() : e.getThreadTs();
    Optional<PendingAnswers.Pending> claim =
        dedupe.claim(
            payload.getEventId(),
            e.getChannel(),
            e.getTs(),
            threadTs,
            e.getUser(),
            e.getText(),
            PendingAnswers.Work.ANSWER);
    if (claim.isPresent()) {
      answers.submit(e.getChannel(), threadTs, e.getUser(), e.getText(), received, claim.get());
    }
    return ctx.ack();
  }

  private boolean ignorable(String user, String botId, String appId, String subtype) {
    if (subtype != null && !subtype.isEmpty()) {
      return true;
    }
    if (botId != null || appId != null || user == null || user.isEmpty()) {
      return true;
    }
    String me = botUserId.get();
    return me != null && me.equals(user);
  }
}
