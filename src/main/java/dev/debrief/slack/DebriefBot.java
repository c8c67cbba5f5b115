package dev.debrief.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageChannelJoinEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.debrief.access.AccessPolicy;
import dev.debrief.answer.Answerer;
import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IndexUnavailableException;
import dev.debrief.index.ReportCatalog;
import dev.debrief.intake.ReportIntake;
import dev.debrief.metrics.Metrics;
import dev.debrief.state.EventClaims;
import dev.debrief.state.PendingAnswers;
import dev.debrief.state.StateStore;
import dev.debrief.state.ThreadMemory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Debrief's Bolt listeners on an {@link App}; each job has its own class. Every listener
 * returns its ack at once and hands the work to an executor, because Bolt acknowledges only when a
 * listener returns and Slack expects the ack within 3 seconds ("Responding to events",
 * https://api.slack.com/apis/events-api#responding; slash commands,
 * https://api.slack.com/interactivity/slash-commands#responding_basic_receipt).
 *
 * <ul>
 *   <li>Events API ({@code app_mention}, {@code message}, {@code message.file_share}): which events
 *       are answered, and exactly once — {@link IncomingEvents} with {@link Dedupe}.
 *   <li>Placeholder, answer, library retries — {@link AnswerFlow}; drafts — {@link DraftPreview};
 *       putting messages into Slack, the smaller fallback form — {@link AnswerDelivery}; files
 *       shared — {@link FileShares}.
 *   <li>App Home — {@link AppHome}. {@code /debrief} — {@link DebriefSlashCommand}. {@code /digest}
 *       — {@link DigestSlashCommand}. The response_url protocol — {@link ResponseUrl}. Buttons —
 *       {@link AnswerButtons}.
 *   <li>Ignored without error (and without Bolt's "unhandled" warnings): every message subtype
 *       ({@code message_changed}, {@code message_deleted}, …).
 * </ul>
 */
public final class DebriefBot {
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);

  /** Answers kept for their buttons (Show quotes, Share, feedback), the oldest dropped first. */
  private static final int ANSWERS_KEPT = 20_000;

  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final SlackApi api;
  private final ExecutorService workers;
  private final ExecutorService io;
  private final Metrics metrics;
  private final Clock clock;
  private final Supplier<String> botUserId;
  private final PendingAnswers progress;
  private final Dedupe dedupe;
  private final Conversations conversations;
  private final DigestRenderer listing;
  private final AnswerKeys keys = new AnswerKeys();
  private final Offload offload;
  private SlackDigests digests;
  private ScheduledExecutorService retryTimer;
  private List<Duration> retryDelays = List.of();
  private AccessPolicy access;
  private CitationLinks links;
  private ReportIntake reportIntake;
  private SlackFiles files;
  private AnswerFlow answers;

  /**
   * @param answerer answers questions
   * @param catalog what is indexed
   * @param config settings ({@code web}, {@code slack}, {@code digest} sections)
   * @param api Web API calls
   * @param workers runs answers and other slow work off the request thread
   * @param io posts the placeholder at once, even while every worker is busy
   * @param metrics metrics
   * @param clock "now"
   * @param botUserId Debrief's own user id (from auth.test)
   * @param state where event claims, answers in progress and thread memory are kept
   */
  public DebriefBot(
      Answerer answerer,
      ReportCatalog catalog,
      DebriefConfig config,
      SlackApi api,
      ExecutorService workers,
      ExecutorService io,
      Metrics metrics,
      Clock clock,
      Supplier<String> botUserId,
      StateStore state) {
    this.answerer = answerer;
    this.catalog = catalog;
    this.config = config;
    this.api = api;
    this.workers = workers;
    this.io = io;
    this.metrics = metrics;
    this.clock = clock;
    this.botUserId = botUserId;
    this.progress = new PendingAnswers(state, clock);
    this.dedupe = new Dedupe(new EventClaims(state, clock), progress);
    this.conversations =
        new Conversations(
            ANSWERS_KEPT,
            new ThreadMemory(state, clock, Duration.ofDays(config.slack.threadMemoryDays)));
    this.listing = new DigestRenderer(catalog, config.web.publicBaseUrl, clock);
    this.offload = new Offload(workers, metrics);
    this.access = new AccessPolicy(List::of, channel -> Set.of(), clock, Duration.ZERO, LOG::warn);
    this.links = new CitationLinks(config.web.publicBaseUrl);
  }

  /**
   * Uses {@code policy} for every question, listing and digest (which restricted reports may be
   * used), and {@code links} for viewer links to reports (signed for restricted ones). Without it,
   * a question may use reports restricted to its own channel only.
   */
  public DebriefBot withAccess(AccessPolicy policy, CitationLinks viewerLinks) {
    this.access = policy;
    this.links = viewerLinks;
    this.listing.viewerLinks(viewerLinks);
    return this;
  }

  /**
   * Enables adding reports from Slack (file shares, {@code /debrief add}, {@code /debrief remove}).
   */
  public DebriefBot withIntake(ReportIntake intake, SlackFiles slackFiles) {
    this.reportIntake = intake;
    this.files = slackFiles;
    return this;
  }

  /**
   * Adds digests, event briefs and subscriptions ({@code null} keeps the plain report listing of
   * {@link DigestRenderer}). Call before {@link #register(App)}.
   */
  public DebriefBot withDigests(SlackDigests slackDigests) {
    this.digests = slackDigests;
    return this;
  }

  /**
   * When the report library does not answer ({@link IndexUnavailableException}), the placeholder
   * says so at once and the question is asked again after each of {@code delays} (on {@code timer},
   * then on the answer workers) until it is answered, in the same message; after the last, the
   * message says to ask again later. Without it, the first failure is final.
   */
  public DebriefBot withLibraryRetries(ScheduledExecutorService timer, List<Duration> delays) {
    this.retryTimer = timer;
    this.retryDelays = List.copyOf(delays);
    return this;
  }

  /**
   * Builds the listeners from what the {@code with…} calls gave and registers every one on a Bolt
   * app.
   */
  public void register(App app) {
    Audience audience = new Audience(access);
    SlackIntake intake =
        reportIntake == null ? null : new SlackIntake(reportIntake, files, api, audience::allowed);
    QuestionLimit limit = new QuestionLimit(config.slack.maxQuestionChars);
    AnswerRenderer renderer = new AnswerRenderer(config.web.publicBaseUrl);
    ResponseUrl responses = new ResponseUrl(api, metrics, keys);
    answers =
        new AnswerFlow(
            new AnswerFlow.Parts(
                answerer,
                api,
                workers,
                io,
                metrics,
                botUserId,
                conversations,
                progress,
                new AnswerDelivery(api, metrics, progress),
                renderer,
                digests,
                audience,
                limit,
                keys,
                offload),
            retryTimer,
            retryDelays);
    IncomingEvents events =
        new IncomingEvents(
            dedupe,
            conversations,
            botUserId,
            metrics,
            answers,
            new FileShares(intake, api, metrics, botUserId, progress, answers, keys, offload));
    AppHome home = new AppHome(catalog, config, api, metrics, dedupe, digests, offload);
    DebriefSlashCommand debrief =
        new DebriefSlashCommand(
            new DebriefSlashCommand.Parts(
                answerer,
                catalog,
                config.web.publicBaseUrl,
                api,
                metrics,
                conversations,
                renderer,
                digests,
                intake,
                audience,
                links,
                limit,
                keys,
                offload,
                responses));
    DigestSlashCommand digest =
        new DigestSlashCommand(
            digests,
            listing,
            config.digest.defaultWindow,
            api,
            metrics,
            audience,
            limit,
            offload,
            responses);
    AnswerButtons buttons =
        new AnswerButtons(
            api,
            metrics,
            conversations,
            renderer,
            new FeedbackLog(Path.of(config.slack.feedbackLog), clock),
            offload);

    // Socket Mode acks are timed here (HTTP acks are timed around the whole request in
    // BoltHttpEndpoint).
    app.use(
        (req, resp, chain) -> {
          long start = System.nanoTime();
          Response r = chain.next(req);
          if (req.isSocketMode()) {
            metrics.ackSeconds.observe((System.nanoTime() - start) / 1e9);
          }
          return r;
        });
    app.event(AppMentionEvent.class, events::onMention);
    app.event(MessageEvent.class, events::onMessage);
    app.event(AppHomeOpenedEvent.class, home::onHomeOpened);
    // Message subtypes are ignored without error (and without Bolt's "unhandled" warnings).
    app.event(MessageChangedEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageChannelJoinEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageThreadBroadcastEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageFileShareEvent.class, events::onFileShare);
    app.command("/debrief", debrief::onCommand);
    app.command("/digest", digest::onCommand);
    app.blockAction(AnswerRenderer.FEEDBACK_UP, (req, ctx) -> buttons.onFeedback(req, ctx, "up"));
    app.blockAction(
        AnswerRenderer.FEEDBACK_DOWN, (req, ctx) -> buttons.onFeedback(req, ctx, "down"));
    app.blockAction(AnswerRenderer.SHOW_QUOTES, buttons::onShowQuotes);
    app.blockAction(AnswerRenderer.SHARE, buttons::onShare);
  }

  /**
   * Retries scheduled while the report library was unreachable do nothing from now on (the server
   * is stopping).
   */
  void stop() {
    if (answers != null) {
      answers.stop();
    }
  }

  /** The answer flow, for {@link AnswerRecovery} (after {@link #register(App)}). */
  AnswerFlow answers() {
    if (answers == null) {
      throw new IllegalStateException("register(App) first");
    }
    return answers;
  }
}
