package dev.debrief.slack;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.debrief.access.AccessPolicy;
import dev.debrief.answer.Answerer;
import dev.debrief.cite.CitationLinks;
import dev.debrief.index.ReportCatalog;
import dev.debrief.metrics.Metrics;
import dev.debrief.model.Answer;
import dev.debrief.model.Question;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /debrief} slash command (https://api.slack.com/interactivity/slash-commands): routes
 * its first word to {@code ask}, {@code summary} (and its spellings), {@code reports}, {@code add},
 * {@code remove} or help. The ack carries an ephemeral "working" message at once; the work runs on
 * a worker and answers through the command's {@code response_url} ({@link ResponseUrl}).
 */
final class DebriefSlashCommand {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);

  /** Reports listed by {@code /debrief reports} before a link to all of them. */
  private static final int REPORTS_LISTED = 40;

  /** Blocks in one message at most (Block Kit: 50; a margin for the renderer's own). */
  private static final int MAX_BLOCKS = 45;

  /** Follow-up messages of a private answer at most (the response_url takes five in all). */
  private static final int ASK_MESSAGES = 4;

  /** What the command needs. {@code digests} and {@code intake} may be null (not enabled). */
  record Parts(
      Answerer answerer,
      ReportCatalog catalog,
      String publicBaseUrl,
      SlackApi api,
      Metrics metrics,
      Conversations conversations,
      AnswerRenderer renderer,
      SlackDigests digests,
      SlackIntake intake,
      Audience audience,
      CitationLinks links,
      QuestionLimit limit,
      AnswerKeys keys,
      Offload offload,
      ResponseUrl responses) {}

  private final Parts p;

  DebriefSlashCommand(Parts parts) {
    this.p = parts;
  }

  Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    p.metrics().slackRequests.labelValues("command").inc();
    SlashCommandPayload cmd = req.getPayload();
    String text = cmd.getText() == null ? "" : cmd.getText().strip();
    String sub = text.isEmpty() ? "help" : text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    String rest = text.contains(" ") || text.contains("\n") ? text.split("\\s+", 2)[1] : "";
    String responseUrl = cmd.getResponseUrl();
    String channel = cmd.getChannelId();
    String user = cmd.getUserId();
    switch (sub) {
      case "ask" -> {
        if (rest.isBlank()) {
          return ResponseUrl.ephemeralAck(
              List.of(Blocks.section("Usage: `/debrief ask QUESTION`")),
              "Usage: /debrief ask QUESTION");
        }
        p.offload().run(() -> askEphemeral(rest, channel, user, responseUrl));
        return ResponseUrl.ephemeralAck(
            List.of(Blocks.section(AnswerFlow.WORKING)), AnswerFlow.WORKING);
      }
      case "summary", "summarize", "summarise", "brief" -> {
        if (p.digests() == null) {
          return ResponseUrl.ephemeralAck(Blocks.sections(HelpText.HELP), "Debrief help");
        }
        List<String> allowedHere = p.audience().allowed(channel, user);
        p.offload()
            .run(
                () ->
                    p.responses()
                        .respondAll(
                            responseUrl,
                            () -> p.digests().summary(p.limit().trim(rest).text(), allowedHere),
                            "summary"));
        return ResponseUrl.ephemeralAck(
            List.of(Blocks.section(":hourglass_flowing_sand: Summarising the event…")),
            "Summarising the event…");
      }
      case "reports" -> {
        return ResponseUrl.ephemeralAck(
            reportListBlocks(p.audience().allowed(channel, user)), "Indexed reports");
      }
      case "add", "remove" -> {
        return addOrRemove(sub, rest, channel, user, responseUrl);
      }
      default -> {
        String prefix = "help".equals(sub) ? "" : "I don't know `" + Mrkdwn.escape(sub) + "`.\n";
        return ResponseUrl.ephemeralAck(Blocks.sections(prefix + HelpText.HELP), "Debrief help");
      }
    }
  }

  private Response addOrRemove(
      String sub, String rest, String channel, String user, String responseUrl) {
    SlackIntake intake = p.intake();
    if (intake == null) {
      return ResponseUrl.ephemeralAck(
          List.of(Blocks.section("Adding and removing reports is not enabled on this Debrief.")),
          "Not enabled");
    }
    if (rest.isBlank()) {
      String usage =
          sub.equals("add")
              ? "Usage: `/debrief add URL` (add `this channel only` to keep it here)"
              : "Usage: `/debrief remove REPORT` (its id, title, file name or URL)";
      return ResponseUrl.ephemeralAck(List.of(Blocks.section(usage)), usage);
    }
    p.offload()
        .run(
            () -> {
              OutMessage m;
              try {
                m =
                    sub.equals("add")
                        ? intake.addUrl(rest, user, channel)
                        : intake.remove(rest, user, channel);
              } catch (RuntimeException e) {
                p.metrics().errors.labelValues("intake").inc();
                LOG.error("/debrief {} failed: {}", sub, e.toString());
                m = OutMessage.text(":warning: Sorry, that failed because of an internal error.");
              }
              try {
                p.api().respond(responseUrl, ResponseUrl.body(m, "ephemeral", true));
              } catch (SlackCallException e) {
                p.metrics().errors.labelValues("respond").inc();
                LOG.warn("Could not respond to /debrief {}: {}", sub, e.getMessage());
              }
            });
    String working =
        sub.equals("add")
            ? ":hourglass_flowing_sand: Fetching and indexing…"
            : ":hourglass_flowing_sand: Removing…";
    return ResponseUrl.ephemeralAck(List.of(Blocks.section(working)), working);
  }

  private List<JsonObject> reportListBlocks(List<String> allowed) {
    List<ReportInfo> reports =
        p.catalog().list().stream().filter(r -> AccessPolicy.permits(r.meta(), allowed)).toList();
    StringBuilder b =
        new StringBuilder(
            "*" + reports.size() + (reports.size() == 1 ? " report" : " reports") + " indexed*");
    int shown = 0;
    for (ReportInfo r : reports) {
      if (shown++ == REPORTS_LISTED) {
        b.append("\n…and ")
            .append(reports.size() - REPORTS_LISTED)
            .append(" more: ")
            .append(
                Mrkdwn.link(p.publicBaseUrl().replaceAll("/$", "") + "/reports", "all reports"));
        break;
      }
      b.append("\n• ")
          .append(
              Mrkdwn.link(
                  p.links().viewerLink(r.id(), "", "", !r.meta().channels().isEmpty()),
                  r.meta().title()));
      if (!r.meta().event().isEmpty()) {
        b.append(" — ").append(Mrkdwn.escape(r.meta().event()));
      }
    }
    List<JsonObject> blocks = new ArrayList<>(Blocks.sections(b.toString()));
    return blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks;
  }

  /** {@code /debrief ask}: a private answer through the response_url, with a Share button. */
  private void askEphemeral(String text, String channel, String user, String responseUrl) {
    long start = System.nanoTime();
    JsonObject body;
    try {
      QuestionLimit.Trimmed q = p.limit().trim(text);
      Answer answer =
          p.answerer()
              .answer(
                  new Question(
                      q.text(),
                      List.of(),
                      new SearchFilters("", "", "", p.audience().allowed(channel, user))));
      String key = p.keys().next();
      p.conversations().store(key, new Conversations.Stored(answer, channel, null, user));
      List<OutMessage> messages = p.renderer().render(answer, key, q.note(), true, "");
      body = ResponseUrl.body(messages.get(0), "ephemeral", true);
      for (int i = 1; i < messages.size() && i < ASK_MESSAGES; i++) {
        p.api().respond(responseUrl, ResponseUrl.body(messages.get(i), "ephemeral", false));
      }
    } catch (RuntimeException | SlackCallException e) {
      p.metrics().errors.labelValues("answer").inc();
      LOG.error("/debrief ask failed: {}", e.toString());
      body =
          ResponseUrl.body(
              OutMessage.text(
                  ":warning: Sorry, I couldn't answer that just now. Please try again."),
              "ephemeral",
              true);
    }
    try {
      p.api().respond(responseUrl, body);
    } catch (SlackCallException e) {
      p.metrics().errors.labelValues("respond").inc();
      LOG.warn("Could not respond to /debrief ask: {}", e.getMessage());
    }
    p.metrics().answerSeconds.observe((System.nanoTime() - start) / 1e9);
  }
}
