package dev.debrief.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.debrief.metrics.Metrics;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /digest} slash command (https://api.slack.com/interactivity/slash-commands): a digest
 * of recent reports or of one event, and daily subscriptions, through {@link SlackDigests}; without
 * them, the plain report listing of {@link DigestRenderer}. The ack says "working" at once; the
 * digest comes through the command's {@code response_url} ({@link ResponseUrl}).
 */
final class DigestSlashCommand {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);
  private static final String WORKING = ":hourglass_flowing_sand: Working on your digest…";

  private final SlackDigests digests;
  private final DigestRenderer listing;
  private final String defaultWindow;
  private final SlackApi api;
  private final Metrics metrics;
  private final Audience audience;
  private final QuestionLimit limit;
  private final Offload offload;
  private final ResponseUrl responses;

  /**
   * @param digests digests, briefs and subscriptions; null: {@code listing} only
   * @param defaultWindow the window of a bare {@code /digest} ({@code digest.defaultWindow})
   */
  DigestSlashCommand(
      SlackDigests digests,
      DigestRenderer listing,
      String defaultWindow,
      SlackApi api,
      Metrics metrics,
      Audience audience,
      QuestionLimit limit,
      Offload offload,
      ResponseUrl responses) {
    this.digests = digests;
    this.listing = listing;
    this.defaultWindow = defaultWindow;
    this.api = api;
    this.metrics = metrics;
    this.audience = audience;
    this.limit = limit;
    this.offload = offload;
    this.responses = responses;
  }

  Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
    metrics.slackRequests.labelValues("command").inc();
    SlashCommandPayload p = req.getPayload();
    String arg = p.getText() == null ? "" : p.getText();
    String responseUrl = p.getResponseUrl();
    String digestChannel = p.getChannelId();
    String digestUser = p.getUserId();
    if (digests != null) {
      List<String> allowedHere = audience.allowed(digestChannel, digestUser);
      offload.run(
          () ->
              responses.respondAll(
                  responseUrl,
                  () ->
                      digests.command(
                          limit.trim(arg).text(),
                          digestChannel,
                          digestUser,
                          allowedHere,
                          () -> userZone(digestUser)),
                  "digest"));
      return ResponseUrl.ephemeralAck(List.of(Blocks.section(WORKING)), "Working on your digest…");
    }
    offload.run(
        () -> {
          List<OutMessage> messages;
          try {
            messages =
                listing.render(arg, defaultWindow, audience.allowed(digestChannel, digestUser));
          } catch (RuntimeException e) {
            metrics.errors.labelValues("digest").inc();
            LOG.error("/digest failed: {}", e.toString());
            messages =
                List.of(OutMessage.text(":warning: Sorry, I couldn't build the digest just now."));
          }
          try {
            for (int i = 0; i < messages.size() && i < ResponseUrl.RESPONSE_URL_MAX; i++) {
              api.respond(responseUrl, ResponseUrl.body(messages.get(i), "ephemeral", i == 0));
            }
          } catch (SlackCallException e) {
            metrics.errors.labelValues("respond").inc();
            LOG.warn("Could not deliver /digest: {}", e.getMessage());
          }
        });
    return ResponseUrl.ephemeralAck(List.of(Blocks.section(WORKING)), "Working on your digest…");
  }

  /** The user's time zone for digests: users.info {@code tz}, UTC when unknown. */
  private ZoneId userZone(String user) {
    return dev.debrief.digest.DigestSubscriptions.zoneOrUtc(api.userTimeZone(user).orElse(""));
  }
}
