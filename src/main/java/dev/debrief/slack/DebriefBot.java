package dev.debrief.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageChannelJoinEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.debrief.access.AccessPolicy;
import dev.debrief.answer.Answerer;
import dev.debrief.intake.ReportIntake;
import dev.debrief.retrieve.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IndexUnavailableException;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import dev.debrief.state.EventClaims;
import dev.debrief.state.PendingAnswers;
import dev.debrief.state.StateStore;
import dev.debrief.state.ThreadMemory;
import dev.debrief.web.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debrief's Bolt listeners. Every listener returns its ack at once and hands the work to an executor, because
 * Bolt acknowledges only when a listener returns and Slack expects the ack within 3 seconds ("Responding to
 * events", https://api.slack.com/apis/events-api#responding; slash commands,
 * https://api.slack.com/interactivity/slash-commands#responding_basic_receipt).
 *
 * <p>Behaviour:
 * <ul>
 *   <li>An {@code app_mention} is answered in its thread: {@code thread_ts} is the message's own ts, or its
 *       {@code thread_ts} when it already is in a thread. A DM ({@code channel_type} {@code im}) is answered in
 *       the DM. A message in a thread Debrief already answered is a follow-up and needs no mention; the
 *       thread's earlier questions go along as {@link Question#history()}.</li>
 *   <li>A placeholder is posted first (the visible sign of work) and replaced by the answer with
 *       {@code chat.update}, so a retried edit can never produce a second answer.</li>
 *   <li>Exactly once, across restarts: the event is skipped when its {@code event_id} was seen (HTTP retries
 *       with {@code X-Slack-Retry-Num}, Socket Mode re-deliveries) or its {@code (channel, ts)} was already
 *       claimed (the {@code message} and {@code app_mention} events of one message; an edit); claims, the
 *       progress of each answer and thread memory live in a {@link StateStore} ({@link Dedupe}), and
 *       {@link AnswerRecovery} finishes on start what a crash left.</li>
 *   <li>Edits: an edited message never gets an answer, whether or not the original got one. Events marked
 *       {@code edited} and {@code message_changed} are ignored; to ask again, post a new message.</li>
 *   <li>Ignored without error: events from Debrief itself or any bot ({@code bot_id}, {@code app_id},
 *       Debrief's user id) and every message subtype ({@code message_changed}, {@code message_deleted}, …).</li>
 * </ul>
 */
public final class DebriefBot {
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);
  static final String WORKING = ":hourglass_flowing_sand: Looking through the reports…";
  /** Shown in place of the placeholder while the report library (SolrCloud) does not answer. */
  static final String UNREACHABLE = ":warning: The report library is unreachable right now. I'll answer here as"
      + " soon as it is back.";
  /** Shown when the library stayed unreachable through every retry. */
  static final String STILL_UNREACHABLE = ":warning: The report library is still unreachable, so I can't answer"
      + " this now. Please ask again later.";
  static final String HELP = "*Debrief answers questions about the event reports, with sources.*\n"
      + "• Mention me in a channel: `@Debrief what did the keynote say about storage?` — I answer in the thread, "
      + "and follow-ups in that thread need no mention.\n"
      + "• Or send me a direct message.\n"
      + "• `/debrief ask QUESTION` — a private answer you can share in the channel.\n"
      + "• `/debrief reports` — what is indexed.\n"
      + "• `/digest [24h|7d|EVENT]` — reports added recently, or about one event, summarised with sources.\n"
      + "• `/digest subscribe [HH:MM] [EVENT]` — a digest in this channel every day; `/digest unsubscribe`,"
      + " `/digest subscriptions`.\n"
      + "• `/debrief summarize EVENT` (or `summary`) or `@Debrief summarize EVENT` — a brief of a whole event.\n"
      + "• Add a report: share the file with me in a DM, or mention me with the file attached (`@Debrief add this`);"
      + " `/debrief add URL` for a web page. Add `this channel only` to keep it in this conversation.\n"
      + "• `/debrief remove REPORT` — remove a report you added (admins: any report).";

  private final Answerer answerer;
  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final SlackApi api;
  private final ExecutorService workers;
  private final ExecutorService io;
  private final Metrics metrics;
  private final Clock clock;
  private final Supplier<String> botUserId;
  private final Dedupe dedupe;
  private final Conversations conversations;
  private final PendingAnswers progress;
  private final AnswerDelivery delivery;
  private final AnswerRenderer renderer;
  private final DigestRenderer digest;
  private final FeedbackLog feedback;
  private final SecureRandom random = new SecureRandom();
  private SlackDigests digests;
  private ScheduledExecutorService retryTimer;
  private List<Duration> retryDelays = List.of();
  /** Messages one response_url accepts. */
  static final int RESPONSE_URL_MAX = 5;
  private AccessPolicy access;
  private CitationLinks links;
  private SlackIntake intake;

  /**
   * @param answerer  answers questions
   * @param catalog   what is indexed
   * @param config    settings ({@code web}, {@code slack}, {@code digest} sections)
   * @param api       Web API calls
   * @param workers   runs answers and other slow work off the request thread
   * @param io        posts the placeholder at once, even while every worker is busy
   * @param metrics   metrics
   * @param clock     "now"
   * @param botUserId Debrief's own user id (from auth.test)
   * @param state     where event claims, answers in progress and thread memory are kept
   */
  public DebriefBot(Answerer answerer, ReportCatalog catalog, DebriefConfig config, SlackApi api,
                    ExecutorService workers, ExecutorService io, Metrics metrics, Clock clock,
                    Supplier<String> botUserId, StateStore state) {
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
    this.conversations = new Conversations(20_000,
        new ThreadMemory(state, clock, Duration.ofDays(config.slack.threadMemoryDays)));
    this.delivery = new AnswerDelivery(api, metrics, progress);
    this.renderer = new AnswerRenderer(config.web.publicBaseUrl);
    this.digest = new DigestRenderer(catalog, config.web.publicBaseUrl, clock);
    this.feedback = new FeedbackLog(Path.of(config.slack.feedbackLog), clock);
    this.access = new AccessPolicy(List::of, channel -> Set.of(), clock, Duration.ZERO, LOG::warn);
    this.links = new CitationLinks(config.web.publicBaseUrl);
  }

  /**
   * Uses {@code policy} for every question, listing and digest (which restricted reports may be used), and
   * {@code links} for viewer links to reports (signed for restricted ones). Without it, a question may use
   * reports restricted to its own channel only.
   */
  public DebriefBot withAccess(AccessPolicy policy, CitationLinks viewerLinks) {
    this.access = policy;
    this.links = viewerLinks;
    this.digest.viewerLinks(viewerLinks);
    return this;
  }

  /** Enables adding reports from Slack (file shares, {@code /debrief add}, {@code /debrief remove}). */
  public DebriefBot withIntake(ReportIntake reportIntake, SlackFiles files) {
    this.intake = new SlackIntake(reportIntake, files, api, this::allowed);
    return this;
  }

  /** The channels whose restricted reports a question in {@code channel} by {@code user} may use. */
  private List<String> allowed(String channel, String user) {
    return channel == null ? List.of() : access.allowedChannels(channel, user, SlackIntake.isDm(channel));
  }

  /**
   * Adds digests, event briefs and subscriptions ({@code null} keeps the plain report listing of
   * {@link DigestRenderer}). Call before {@link #register(App)}.
   */
  public DebriefBot withDigests(SlackDigests digests) {
    this.digests = digests;
    return this;
  }

  /**
   * When the report library does not answer ({@link IndexUnavailableException}), the placeholder says so at
   * once and the question is asked again after each of {@code delays} (on {@code timer}, then on the answer
   * workers) until it is answered, in the same message; after the last, the message says to ask again later.
   * Without it, the first failure is final.
   */
  public DebriefBot withLibraryRetries(ScheduledExecutorService timer, List<Duration> delays) {
    this.retryTimer = timer;
    this.retryDelays = List.copyOf(delays);
    return this;
  }

  /** Registers every listener on a Bolt app. */
  public void register(App app) {
    // Socket Mode acks are timed here (HTTP acks are timed around the whole request in BoltHttpEndpoint).
    app.use((req, resp, chain) -> {
      long start = System.nanoTime();
      Response r = chain.next(req);
      if (req.isSocketMode()) {
        metrics.ackSeconds.observe((System.nanoTime() - start) / 1e9);
      }
      return r;
    });
    app.event(AppMentionEvent.class, this::onMention);
    app.event(MessageEvent.class, this::onMessage);
    app.event(AppHomeOpenedEvent.class, this::onHomeOpened);
    // Message subtypes are ignored without error (and without Bolt's "unhandled" warnings).
    app.event(MessageChangedEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageChannelJoinEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageThreadBroadcastEvent.class, (p, ctx) -> ctx.ack());
    app.event(MessageFileShareEvent.class, this::onFileShare);
    app.command("/debrief", this::onDebriefCommand);
    app.command("/digest", this::onDigestCommand);
    app.blockAction(AnswerRenderer.FEEDBACK_UP, (req, ctx) -> onFeedback(req, ctx, "up"));
    app.blockAction(AnswerRenderer.FEEDBACK_DOWN, (req, ctx) -> onFeedback(req, ctx, "down"));
    app.blockAction(AnswerRenderer.SHOW_QUOTES, this::onShowQuotes);
    app.blockAction(AnswerRenderer.SHARE, this::onShare);
  }

  // ---------------------------------------------------------------- events

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
    boolean files = e.getFiles() != null && !e.getFiles().isEmpty();
    Optional<PendingAnswers.Pending> claim = dedupe.claim(payload.getEventId(), e.getChannel(), e.getTs(), threadTs,
        e.getUser(), e.getText(), files ? PendingAnswers.Work.FILES : PendingAnswers.Work.ANSWER);
    if (claim.isEmpty()) {
      return ctx.ack();
    }
    if (files) {
      submitFiles(e.getChannel(), threadTs, e.getUser(), e.getText(), e.getFiles(), received, claim.get());
      return ctx.ack();
    }
    submitAnswer(e.getChannel(), threadTs, e.getUser(), e.getText(), received, claim.get());
    return ctx.ack();
  }

  /**
   * A message with files ({@code subtype} {@code file_share}): in a DM, the files are added; in a channel only
   * when the message mentions Debrief (its {@code app_mention} carries the same files; whichever event comes
   * first claims the message).
   */
  Response onFileShare(EventsApiPayload<MessageFileShareEvent> payload, EventContext ctx) {
    metrics.slackRequests.labelValues("event").inc();
    long received = System.nanoTime();
    MessageFileShareEvent e = payload.getEvent();
    if (!dedupe.firstEvent(payload.getEventId()) || ignorable(e.getUser(), null, null, null)
        || e.getFiles() == null || e.getFiles().isEmpty()) {
      return ctx.ack();
    }
    boolean dm = "im".equals(e.getChannelType()) || SlackIntake.isDm(e.getChannel());
    String me = botUserId.get();
    boolean mentioned = me != null && e.getText() != null && e.getText().contains("<@" + me);
    if (!dm && !mentioned) {
      return ctx.ack();
    }
    String threadTs = dm ? e.getThreadTs() : e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
    Optional<PendingAnswers.Pending> claim = dedupe.claim(payload.getEventId(), e.getChannel(), e.getTs(), threadTs,
        e.getUser(), e.getText(), PendingAnswers.Work.FILES);
    if (claim.isPresent()) {
      submitFiles(e.getChannel(), threadTs, e.getUser(), e.getText(), e.getFiles(), received, claim.get());
    }
    return ctx.ack();
  }

  /**
   * Adds the files of a message, replies with one line per file, then answers the question the message also
   * asked, if any (never silently dropped).
   */
  private void submitFiles(String channel, String threadTs, String user, String rawText,
                           List<com.slack.api.model.File> files, long receivedNanos, PendingAnswers.Pending claim) {
    String text = Mrkdwn.stripMention(rawText == null ? "" : rawText, botUserId.get());
    offload(workers, () -> {
      OutMessage reply;
      try {
        reply = intake == null
            ? OutMessage.text(":warning: Adding reports from Slack is not enabled on this Debrief.")
            : intake.addFiles(files, text, user, channel);
      } catch (RuntimeException e) {
        metrics.errors.labelValues("intake").inc();
        String ref = newKey().substring(0, 8);
        LOG.error("Adding files failed (ref {}): {}", ref, e.toString());
        reply = OutMessage.text(":warning: Sorry, I couldn't add that file because of an internal error (ref " + ref
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
        answerInConversation(channel, threadTs, user, question, receivedNanos, CompletableFuture.completedFuture(null),
            claim);
      } else {
        progress.done(claim);
      }
    });
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
    boolean followUp = e.getThreadTs() != null && conversations.answeredThread(e.getChannel(), e.getThreadTs());
    // Slack sends no app_mention for group DMs (mpim): a message.mpim that mentions Debrief is the mention.
    boolean groupDmMention = GroupDms.isMention(e.getChannelType(), e.getText(), botUserId.get());
    if (!dm && !followUp && !groupDmMention) {
      return ctx.ack();
    }
    // A follow-up that also mentions Debrief arrives twice (message and app_mention); (channel, ts) decides.
    String threadTs = groupDmMention && e.getThreadTs() == null ? e.getTs() : e.getThreadTs();
    Optional<PendingAnswers.Pending> claim = dedupe.claim(payload.getEventId(), e.getChannel(), e.getTs(),
        threadTs, e.getUser(), e.getText(), PendingAnswers.Work.ANSWER);
    if (claim.isPresent()) {
      submitAnswer(e.getChannel(), threadTs, e.getUser(), e.getText(), received, claim.get());
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

  private void submitAnswer(String channel, String threadTs, String user, String rawText, long receivedNanos,
                            PendingAnswers.Pending claim) {
    // The placeholder goes out on its own pool so the sign of work does not queue behind other answers.
    CompletableFuture<String> placeholder;
    try {
      placeholder = CompletableFuture.supplyAsync(() -> {
        try {
          String ts = api.post(channel, threadTs, OutMessage.text(WORKING));
          progress.placeholderPosted(claim, ts);
          return ts;
        } catch (SlackCallException e) {
          LOG.warn("Could not post the placeholder: {}", e.getMessage());
          return null;
        }
      }, io);
    } catch (RejectedExecutionException ex) {
      placeholder = CompletableFuture.completedFuture(null);
    }
    try {
      CompletableFuture<String> p = placeholder;
      workers.execute(() -> answerInConversation(channel, threadTs, user, rawText, receivedNanos, p, claim));
    } catch (RejectedExecutionException ex) {
      metrics.errors.labelValues("overloaded").inc();
      LOG.info("Answer queue full; the question in {} is not answered and its asker is told so", channel);
      OutMessage busy = OutMessage.text(":warning: Sorry, I'm overloaded right now. Please ask again in a minute.");
      placeholder.thenAcceptAsync(ts -> delivery.deliver(channel, threadTs, ts, List.of(busy), claim), io);
    }
  }

  /**
   * Finishes an answer a restart found unfinished ({@link AnswerRecovery}): computes it again and delivers it
   * into {@code placeholderTs} (null: posts it), skipping the messages already delivered.
   */
  void resume(PendingAnswers.Pending pending, String placeholderTs) {
    answerInConversation(pending.channel(), pending.threadTs(), pending.user(), pending.question(), System.nanoTime(),
        CompletableFuture.completedFuture(placeholderTs), pending);
  }

  /** Runs work off the request thread; when the pool refuses it, counts and logs instead of failing the ack. */
  private void offload(ExecutorService pool, Runnable work) {
    try {
      pool.execute(work);
    } catch (RejectedExecutionException ex) {
      metrics.errors.labelValues("overloaded").inc();
      LOG.warn("Work queue full ({} waiting); dropped a background task (a command or button click)",
          pool instanceof java.util.concurrent.ThreadPoolExecutor t ? t.getQueue().size() : -1);
    }
  }


  /** The full answer path of a mention, DM or follow-up; runs on a worker thread. */
  void answerInConversation(String channel, String threadTs, String user, String rawText, long receivedNanos,
                            CompletableFuture<String> placeholder, PendingAnswers.Pending claim) {
    answerInConversation(channel, threadTs, user, rawText, receivedNanos, placeholder, claim, 0);
  }

  /**
   * {@code retry} counts the earlier tries that found the report library unreachable. While a retry is
   * scheduled, the "unreachable" notice is delivered untracked: the claim stays unfinished, so a restart in
   * the meantime still finishes the answer in that message.
   */
  private void answerInConversation(String channel, String threadTs, String user, String rawText,
                                    long receivedNanos, CompletableFuture<String> placeholder,
                                    PendingAnswers.Pending claim, int retry) {
    PendingAnswers.Pending tracked = claim;
    String text = Mrkdwn.stripMention(rawText, botUserId.get());
    List<OutMessage> messages;
    try {
      Optional<List<OutMessage>> brief = digests == null || text.isBlank() ? Optional.empty()
          : digests.summaryIfEvent(trim(text).text(), allowed(channel, user));
      if (text.isBlank()) {
        messages = List.of(new OutMessage("Ask me a question about the event reports.", blocksOf(HELP)));
      } else if (brief.isPresent()) {
        messages = brief.get();
      } else {
        Trimmed q = trim(text);
        List<String> history = conversations.history(channel, threadTs);
        Question question = new Question(q.text(), history, new SearchFilters("", "", "", allowed(channel, user)),
            conversations.previous(channel, threadTs));
        Answer answer = answerer.answer(question, draft -> showDraft(channel, placeholder, draft));
        String key = newKey();
        conversations.store(key, new Conversations.Stored(answer, channel, threadTs, user));
        conversations.recordAnswer(channel, threadTs, answer);
        messages = renderer.render(answer, key, q.note(), false, "");
      }
    } catch (IndexUnavailableException e) {
      metrics.errors.labelValues("library_unreachable").inc();
      LOG.warn("The report library is unreachable (try {} of {}): {}", retry + 1, retryDelays.size() + 1,
          e.getMessage());
      if (retry < retryDelays.size() && retryTimer != null) {
        scheduleRetry(channel, threadTs, user, rawText, receivedNanos, placeholder, claim, retry);
        tracked = null;
        if (retry > 0) {
          return; // the message already says the library is unreachable
        }
        messages = List.of(OutMessage.text(UNREACHABLE));
      } else {
        messages = List.of(OutMessage.text(retry == 0 ? UNREACHABLE.replace(" I'll answer here as soon as it is back.",
            " Please ask again in a few minutes.") : STILL_UNREACHABLE));
      }
    } catch (RuntimeException | Error e) {
      metrics.errors.labelValues("answer").inc();
      String ref = newKey().substring(0, 8);
      LOG.error("Answering failed (ref {}): {}", ref, e.toString());
      messages = List.of(OutMessage.text(":warning: Sorry, I couldn't answer that because of an internal error "
          + "(ref " + ref + "). Please try again in a minute."));
    }
    String placeholderTs;
    try {
      placeholderTs = placeholder.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      placeholderTs = null;
    }
    delivery.deliver(channel, threadTs, placeholderTs, messages, tracked);
    metrics.answerSeconds.observe((System.nanoTime() - receivedNanos) / 1e9);
  }

  /** Asks again after the next delay, in the message that now says the library is unreachable. */
  private void scheduleRetry(String channel, String threadTs, String user, String rawText, long receivedNanos,
                             CompletableFuture<String> placeholder, PendingAnswers.Pending claim, int retry) {
    Duration delay = retryDelays.get(retry);
    try {
      retryTimer.schedule(() -> offload(workers, () -> answerInConversation(channel, threadTs, user, rawText,
          receivedNanos, placeholder, claim, retry + 1)), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException ex) {
      LOG.warn("Retry timer stopped; not asking again");
    }
  }

  /**
   * Shows a streaming LLM's draft in the placeholder (chat.update; SlackApi throttles edits of one message to
   * one per second). Drafts are unverified, so they carry no citations and say so; the final answer replaces
   * them. Skipped while the placeholder is not posted yet, and on any failure.
   */
  private void showDraft(String channel, CompletableFuture<String> placeholder, String draft) {
    String ts = placeholder.getNow(null);
    if (ts == null || draft == null || draft.isBlank()) {
      return;
    }
    int cut = Math.min(draft.length(), 2_500);
    if (cut < draft.length() && Character.isHighSurrogate(draft.charAt(cut - 1))) {
      cut--;
    }
    String text = Mrkdwn.escape(cut < draft.length() ? draft.substring(0, cut) + "…" : draft);
    try {
      api.update(channel, ts, OutMessage.text(":hourglass_flowing_sand: _drafting, sources being checked…_\n" + text));
    } catch (SlackCallException | RuntimeException e) {
      LOG.debug("Draft update skipped: {}", e.getMessage());
    }
  }

  record Trimmed(String text, String note) {}

  Trimmed trim(String text) {
    int max = config.slack.maxQuestionChars;
    if (text.length() <= max) {
      return new Trimmed(text, "");
    }
    int end = max;
    while (end > 0 && !TextSplitter.isSafe(text, end, false)) {
      end--;
    }
    return new Trimmed(text.substring(0, end), "your question was " + String.format(Locale.ROOT, "%,d", text.length())
        + " characters; I used the first " + String.format(Locale.ROOT, "%,d", end));
  }

  private String newKey() {
    byte[] b = new byte[9];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static JsonArray blocksOf(String mrkdwn) {
    JsonArray a = new JsonArray();
    Blocks.sections(mrkdwn).forEach(a::add);
    return a;
  }

  // ---------------------------------------------------------------- App Home

  Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    metrics.slackRequests.labelValues("event").inc();
    AppHomeOpenedEvent e = payload.getEvent();
    if ((e.getTab() != null && !"home".equals(e.getTab())) || !dedupe.take(payload.getEventId())) {
      return ctx.ack();
    }
    String user = e.getUser();
    offload(workers, () -> {
      try {
        api.publishHome(user, homeView());
      } catch (SlackCallException | RuntimeException ex) {
        metrics.errors.labelValues("home").inc();
        LOG.warn("Could not publish App Home: {}", ex.getMessage());
      }
    });
    return ctx.ack();
  }

  /** The App Home view JSON: what Debrief knows, how to ask, digest subscriptions. */
  String homeView() {
    // The Home tab is not tied to a channel: it describes only reports open to every channel.
    List<ReportInfo> reports = catalog.list().stream().filter(r -> r.meta().channels().isEmpty()).toList();
    Set<String> events = new LinkedHashSet<>();
    long last = 0;
    for (ReportInfo r : reports) {
      if (!r.meta().event().isEmpty()) {
        events.add(r.meta().event());
      }
      last = Math.max(last, r.ingestedAt());
    }
    JsonArray blocks = new JsonArray();
    JsonObject header = new JsonObject();
    header.addProperty("type", "header");
    JsonObject ht = new JsonObject();
    ht.addProperty("type", "plain_text");
    ht.addProperty("text", "Debrief");
    header.add("text", ht);
    blocks.add(header);
    StringBuilder known = new StringBuilder("*What I know*\n");
    known.append(reports.size()).append(reports.size() == 1 ? " report" : " reports");
    if (!events.isEmpty()) {
      List<String> ev = events.stream().limit(15).map(Mrkdwn::escape).toList();
      known.append(" from ").append(events.size()).append(events.size() == 1 ? " event: " : " events: ")
          .append(String.join(", ", ev)).append(events.size() > 15 ? ", …" : "");
    }
    known.append(".\nLast ingest: ").append(last == 0 ? "never" : WHEN.format(Instant.ofEpochMilli(last)));
    known.append("\n").append(Mrkdwn.link(config.web.publicBaseUrl.replaceAll("/$", "") + "/reports",
        "Browse the reports"));
    Blocks.sections(known.toString()).forEach(blocks::add);
    blocks.add(Blocks.divider());
    Blocks.sections("*How to ask*\n" + HELP.substring(HELP.indexOf('\n') + 1)).forEach(blocks::add);
    blocks.add(Blocks.divider());
    Blocks.sections("*Digest subscriptions*\n" + (digests != null ? digests.homeSummary() : subscriptionsSummary()))
        .forEach(blocks::add);
    JsonObject view = new JsonObject();
    view.addProperty("type", "home");
    view.add("blocks", blocks);
    return view.toString();
  }

  private String subscriptionsSummary() {
    Path file = Path.of(config.digest.subscriptionsFile);
    try {
      if (Files.isRegularFile(file)) {
        com.google.gson.JsonElement json = com.google.gson.JsonParser.parseString(Files.readString(file));
        int n = json.isJsonArray() ? json.getAsJsonArray().size()
            : json.isJsonObject() ? json.getAsJsonObject().size() : 0;
        if (n > 0) {
          return n + (n == 1 ? " subscription" : " subscriptions") + " active. Use `/digest` for one now.";
        }
      }
    } catch (Exception e) {
      LOG.debug("Could not read subscriptions: {}", e.toString());
    }
    return "None yet. Use `/digest 24h` or `/digest 7d` for a digest now (default window: "
        + Mrkdwn.escape(config.digest.defaultWindow) + ").";
  }

  // ---------------------------------------------------------------- slash commands

  Response onDebriefCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    metrics.slackRequests.labelValues("command").inc();
    SlashCommandPayload p = req.getPayload();
    String text = p.getText() == null ? "" : p.getText().strip();
    String sub = text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String rest = text.contains(" ") || text.contains("\n") ? text.split("\\s+", 2)[1] : "";
    switch (sub) {
      case "ask" -> {
        if (rest.isBlank()) {
          return ephemeralAck(List.of(Blocks.section("Usage: `/debrief ask QUESTION`")), "Usage: /debrief ask QUESTION");
        }
        String responseUrl = p.getResponseUrl();
        String channel = p.getChannelId();
        String user = p.getUserId();
        offload(workers, () -> askEphemeral(rest, channel, user, responseUrl));
        return ephemeralAck(List.of(Blocks.section(WORKING)), WORKING);
      }
      case "summary", "summarize", "summarise", "brief" -> {
        if (digests == null) {
          return ephemeralAck(Blocks.sections(HELP), "Debrief help");
        }
        String responseUrl = p.getResponseUrl();
        List<String> allowedHere = allowed(p.getChannelId(), p.getUserId());
        offload(workers, () -> respondAll(responseUrl, () -> digests.summary(trim(rest).text(), allowedHere),
            "summary"));
        return ephemeralAck(List.of(Blocks.section(":hourglass_flowing_sand: Summarising the event…")),
            "Summarising the event…");
      }
      case "reports" -> {
        return ephemeralAck(reportListBlocks(allowed(p.getChannelId(), p.getUserId())), "Indexed reports");
      }
      case "add", "remove" -> {
        if (intake == null) {
          return ephemeralAck(List.of(Blocks.section("Adding and removing reports is not enabled on this Debrief.")),
              "Not enabled");
        }
        if (rest.isBlank()) {
          String usage = sub.equals("add") ? "Usage: `/debrief add URL` (add `this channel only` to keep it here)"
              : "Usage: `/debrief remove REPORT` (its id, title, file name or URL)";
          return ephemeralAck(List.of(Blocks.section(usage)), usage);
        }
        String responseUrl = p.getResponseUrl();
        String channel = p.getChannelId();
        String user = p.getUserId();
        offload(workers, () -> {
          OutMessage m;
          try {
            m = sub.equals("add") ? intake.addUrl(rest, user, channel) : intake.remove(rest, user, channel);
          } catch (RuntimeException e) {
            metrics.errors.labelValues("intake").inc();
            LOG.error("/debrief {} failed: {}", sub, e.toString());
            m = OutMessage.text(":warning: Sorry, that failed because of an internal error.");
          }
          try {
            api.respond(responseUrl, responseBody(m, "ephemeral", true));
          } catch (SlackCallException e) {
            metrics.errors.labelValues("respond").inc();
            LOG.warn("Could not respond to /debrief {}: {}", sub, e.getMessage());
          }
        });
        String working = sub.equals("add") ? ":hourglass_flowing_sand: Fetching and indexing…"
            : ":hourglass_flowing_sand: Removing…";
        return ephemeralAck(List.of(Blocks.section(working)), working);
      }
      default -> {
        String prefix = "help".equals(sub) ? "" : "I don't know `" + Mrkdwn.escape(sub) + "`.\n";
        return ephemeralAck(Blocks.sections(prefix + HELP), "Debrief help");
      }
    }
  }

  private List<JsonObject> reportListBlocks(List<String> allowed) {
    List<ReportInfo> reports = catalog.list().stream().filter(r -> AccessPolicy.permits(r.meta(), allowed)).toList();
    StringBuilder b = new StringBuilder("*" + reports.size() + (reports.size() == 1 ? " report" : " reports")
        + " indexed*");
    int shown = 0;
    for (ReportInfo r : reports) {
      if (shown++ == 40) {
        b.append("\n…and ").append(reports.size() - 40).append(" more: ")
            .append(Mrkdwn.link(config.web.publicBaseUrl.replaceAll("/$", "") + "/reports", "all reports"));
        break;
      }
      b.append("\n• ").append(Mrkdwn.link(links.viewerLink(r.id(), "", "", !r.meta().channels().isEmpty()),
          r.meta().title()));
      if (!r.meta().event().isEmpty()) {
        b.append(" — ").append(Mrkdwn.escape(r.meta().event()));
      }
    }
    List<JsonObject> blocks = new ArrayList<>(Blocks.sections(b.toString()));
    return blocks.size() > 45 ? blocks.subList(0, 45) : blocks;
  }

  private void askEphemeral(String text, String channel, String user, String responseUrl) {
    long start = System.nanoTime();
    JsonObject body;
    try {
      Trimmed q = trim(text);
      Answer answer = answerer.answer(new Question(q.text(), List.of(),
          new SearchFilters("", "", "", allowed(channel, user))));
      String key = newKey();
      conversations.store(key, new Conversations.Stored(answer, channel, null, user));
      List<OutMessage> messages = renderer.render(answer, key, q.note(), true, "");
      body = responseBody(messages.get(0), "ephemeral", true);
      for (int i = 1; i < messages.size() && i < 4; i++) {
        api.respond(responseUrl, responseBody(messages.get(i), "ephemeral", false));
      }
    } catch (RuntimeException | SlackCallException e) {
      metrics.errors.labelValues("answer").inc();
      LOG.error("/debrief ask failed: {}", e.toString());
      body = responseBody(OutMessage.text(":warning: Sorry, I couldn't answer that just now. Please try again."),
          "ephemeral", true);
    }
    try {
      api.respond(responseUrl, body);
    } catch (SlackCallException e) {
      metrics.errors.labelValues("respond").inc();
      LOG.warn("Could not respond to /debrief ask: {}", e.getMessage());
    }
    metrics.answerSeconds.observe((System.nanoTime() - start) / 1e9);
  }

  Response onDigestCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    metrics.slackRequests.labelValues("command").inc();
    SlashCommandPayload p = req.getPayload();
    String arg = p.getText() == null ? "" : p.getText();
    String responseUrl = p.getResponseUrl();
    String digestChannel = p.getChannelId();
    String digestUser = p.getUserId();
    if (digests != null) {
      List<String> allowedHere = allowed(digestChannel, digestUser);
      offload(workers, () -> respondAll(responseUrl, () -> digests.command(trim(arg).text(), digestChannel, digestUser,
          allowedHere, () -> DigestSubscriptionsZone.of(api, digestUser)), "digest"));
      return ephemeralAck(List.of(Blocks.section(":hourglass_flowing_sand: Working on your digest…")),
          "Working on your digest…");
    }
    offload(workers, () -> {
      List<OutMessage> messages;
      try {
        messages = digest.render(arg, config.digest.defaultWindow, allowed(digestChannel, digestUser));
      } catch (RuntimeException e) {
        metrics.errors.labelValues("digest").inc();
        LOG.error("/digest failed: {}", e.toString());
        messages = List.of(OutMessage.text(":warning: Sorry, I couldn't build the digest just now."));
      }
      try {
        for (int i = 0; i < messages.size() && i < 5; i++) {
          api.respond(responseUrl, responseBody(messages.get(i), "ephemeral", i == 0));
        }
      } catch (SlackCallException e) {
        metrics.errors.labelValues("respond").inc();
        LOG.warn("Could not deliver /digest: {}", e.getMessage());
      }
    });
    return ephemeralAck(List.of(Blocks.section(":hourglass_flowing_sand: Working on your digest…")),
        "Working on your digest…");
  }

  /** Builds messages and sends them all through {@code response_url} (the first replaces the "working" ack). */
  private void respondAll(String responseUrl, Supplier<List<OutMessage>> build, String what) {
    List<OutMessage> messages;
    try {
      messages = build.get();
    } catch (RuntimeException e) {
      metrics.errors.labelValues(what).inc();
      String ref = newKey().substring(0, 8);
      LOG.error("/{} failed (ref {}): {}", what, ref, e.toString());
      messages = List.of(OutMessage.text(":warning: Sorry, I couldn't build the " + what + " just now (ref " + ref
          + ")."));
    }
    if (messages.size() > RESPONSE_URL_MAX) {
      // a response_url takes at most five messages (https://api.slack.com/interactivity/handling#message_responses)
      int left = messages.size() - (RESPONSE_URL_MAX - 1);
      messages = new ArrayList<>(messages.subList(0, RESPONSE_URL_MAX - 1));
      messages.add(OutMessage.text("…and " + left + " more part" + (left == 1 ? "" : "s") + " I can't send here."
          + " Try a shorter window (`/digest 24h`) or one event (`/digest EVENT`)."));
    }
    try {
      for (int i = 0; i < messages.size(); i++) {
        api.respond(responseUrl, responseBody(messages.get(i), "ephemeral", i == 0));
      }
    } catch (SlackCallException e) {
      metrics.errors.labelValues("respond").inc();
      LOG.warn("Could not deliver the {}: {}", what, e.getMessage());
    }
  }

  /** The user's time zone for digests: users.info {@code tz}, UTC when unknown. */
  static final class DigestSubscriptionsZone {
    private DigestSubscriptionsZone() {}

    static java.time.ZoneId of(SlackApi api, String user) {
      return dev.debrief.digest.DigestSubscriptions.zoneOrUtc(api.userTimeZone(user).orElse(""));
    }
  }

  private static Response ephemeralAck(List<JsonObject> blocks, String text) {
    JsonObject body = new JsonObject();
    body.addProperty("response_type", "ephemeral");
    body.addProperty("text", text);
    JsonArray a = new JsonArray();
    blocks.forEach(a::add);
    body.add("blocks", a);
    return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body(body.toString()).build();
  }

  private static JsonObject responseBody(OutMessage m, String responseType, boolean replaceOriginal) {
    JsonObject body = new JsonObject();
    body.addProperty("response_type", responseType);
    body.addProperty("replace_original", replaceOriginal);
    body.addProperty("text", m.text());
    if (m.blocks() != null) {
      body.add("blocks", m.blocks());
    }
    return body;
  }

  // ---------------------------------------------------------------- buttons

  Response onFeedback(BlockActionRequest req, ActionContext ctx, String vote) {
    metrics.slackRequests.labelValues("action").inc();
    BlockActionPayload p = req.getPayload();
    String key = p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    String user = p.getUser() == null ? "" : p.getUser().getId();
    String channel = p.getChannel() == null ? "" : p.getChannel().getId();
    String responseUrl = p.getResponseUrl();
    offload(workers, () -> {
      Optional<Conversations.Stored> stored = conversations.answer(key);
      try {
        feedback.append(vote, user, channel, key, stored.map(s -> s.answer().question()).orElse(""),
            stored.map(s -> s.answer().provider()).orElse(""));
        metrics.feedback.labelValues(vote).inc();
      } catch (Exception e) {
        metrics.errors.labelValues("feedback").inc();
        LOG.warn("Could not store feedback: {}", e.toString());
      }
      if (responseUrl != null) {
        try {
          api.respond(responseUrl, responseBody(OutMessage.text("up".equals(vote) ? "Thanks for the 👍!"
              : "Thanks — noted 👎. Rephrasing the question often helps."), "ephemeral", false));
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
    offload(workers, () -> {
      List<OutMessage> messages = conversations.answer(key).map(s -> renderer.quotes(s.answer()))
          .orElse(List.of(OutMessage.text("I no longer have that answer's quotes (I was restarted). Ask again?")));
      try {
        for (int i = 0; i < messages.size() && i < 5; i++) {
          api.respond(responseUrl, responseBody(messages.get(i), "ephemeral", false));
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
    offload(workers, () -> {
      Optional<Conversations.Stored> stored = conversations.answer(key);
      try {
        if (stored.isEmpty() || channel == null) {
          api.respond(responseUrl, responseBody(OutMessage.text("I no longer have that answer. Ask again?"),
              "ephemeral", false));
          return;
        }
        String sharedBy = user.matches("[UW][A-Z0-9]+") ? "shared by <@" + user + ">" : "shared";
        List<OutMessage> messages = renderer.render(stored.get().answer(), key, "", false, sharedBy);
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
