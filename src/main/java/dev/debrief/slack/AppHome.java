package dev.debrief.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import dev.debrief.metrics.Metrics;
import dev.debrief.model.ReportInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab (https://api.slack.com/surfaces/app-home): on {@code app_home_opened}
 * (https://api.slack.com/events/app_home_opened) for the Home tab, publishes a view ({@code
 * views.publish}) with what Debrief knows, how to ask, and the digest subscriptions.
 */
final class AppHome {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Events named in "What I know" before "…": a line that still reads at a glance. */
  private static final int EVENTS_SHOWN = 15;

  private final ReportCatalog catalog;
  private final DebriefConfig config;
  private final SlackApi api;
  private final Metrics metrics;
  private final Dedupe dedupe;
  private final SlackDigests digests;
  private final Offload offload;

  /**
   * @param digests the digest subscriptions; null: summarised from {@code digest.subscriptionsFile}
   */
  AppHome(
      ReportCatalog catalog,
      DebriefConfig config,
      SlackApi api,
      Metrics metrics,
      Dedupe dedupe,
      SlackDigests digests,
      Offload offload) {
    this.catalog = catalog;
    this.config = config;
    this.api = api;
    this.metrics = metrics;
    this.dedupe = dedupe;
    this.digests = digests;
    this.offload = offload;
  }

  Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    metrics.slackRequests.labelValues("event").inc();
    AppHomeOpenedEvent e = payload.getEvent();
    if ((e.getTab() != null && !"home".equals(e.getTab())) || !dedupe.take(payload.getEventId())) {
      return ctx.ack();
    }
    String user = e.getUser();
    offload.run(
        () -> {
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
    List<ReportInfo> reports =
        catalog.list().stream().filter(r -> r.meta().channels().isEmpty()).toList();
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
      List<String> ev = events.stream().limit(EVENTS_SHOWN).map(Mrkdwn::escape).toList();
      known
          .append(" from ")
          .append(events.size())
          .append(events.size() == 1 ? " event: " : " events: ")
          .append(String.join(", ", ev))
          .append(events.size() > EVENTS_SHOWN ? ", …" : "");
    }
    known
        .append(".\nLast ingest: ")
        .append(last == 0 ? "never" : WHEN.format(Instant.ofEpochMilli(last)));
    known
        .append("\n")
        .append(
            Mrkdwn.link(
                config.web.publicBaseUrl.replaceAll("/$", "") + "/reports", "Browse the reports"));
    Blocks.sections(known.toString()).forEach(blocks::add);
    blocks.add(Blocks.divider());
    String help = HelpText.HELP;
    Blocks.sections("*How to ask*\n" + help.substring(help.indexOf('\n') + 1)).forEach(blocks::add);
    blocks.add(Blocks.divider());
    Blocks.sections(
            "*Digest subscriptions*\n"
                + (digests != null ? digests.homeSummary() : subscriptionsSummary()))
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
        com.google.gson.JsonElement json =
            com.google.gson.JsonParser.parseString(Files.readString(file));
        int n =
            json.isJsonArray()
                ? json.getAsJsonArray().size()
                : json.isJsonObject() ? json.getAsJsonObject().size() : 0;
        if (n > 0) {
          return n
              + (n == 1 ? " subscription" : " subscriptions")
              + " active. Use `/digest` for one now.";
        }
      }
    } catch (Exception e) {
      LOG.debug("Could not read subscriptions: {}", e.toString());
    }
    return "None yet. Use `/digest 24h` or `/digest 7d` for a digest now (default window: "
        + Mrkdwn.escape(config.digest.defaultWindow)
        + ").";
  }
}
