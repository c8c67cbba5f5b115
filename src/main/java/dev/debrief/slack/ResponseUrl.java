package dev.debrief.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.bolt.response.Response;
import dev.debrief.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response_url protocol of slash commands and buttons
 * (https://api.slack.com/interactivity/handling#message_responses): the ack of a command carries an
 * ephemeral "working" message, and the work done later sends its messages to the command's {@code
 * response_url}, the first replacing the "working" one ({@code replace_original}), at most {@link
 * #RESPONSE_URL_MAX} in all.
 */
final class ResponseUrl {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);

  /** Messages one response_url accepts (Slack: "up to 5 times within 30 minutes"). */
  static final int RESPONSE_URL_MAX = 5;

  private final SlackApi api;
  private final Metrics metrics;
  private final AnswerKeys keys;

  ResponseUrl(SlackApi api, Metrics metrics, AnswerKeys keys) {
    this.api = api;
    this.metrics = metrics;
    this.keys = keys;
  }

  /**
   * Builds messages and sends them all through {@code responseUrl} (the first replaces the
   * "working" ack); a failure to build becomes one apology with a reference that the log repeats.
   * {@code what} names the work in the apology, the log and the error counter ("digest",
   * "summary").
   */
  void respondAll(String responseUrl, Supplier<List<OutMessage>> build, String what) {
    List<OutMessage> messages;
    try {
      messages = build.get();
    } catch (RuntimeException e) {
      metrics.errors.labelValues(what).inc();
      String ref = keys.ref();
      LOG.error("/{} failed (ref {}): {}", what, ref, e.toString());
      messages =
          List.of(
              OutMessage.text(
                  ":warning: Sorry, I couldn't build the "
                      + what
                      + " just now (ref "
                      + ref
                      + ")."));
    }
    if (messages.size() > RESPONSE_URL_MAX) {
      int left = messages.size() - (RESPONSE_URL_MAX - 1);
      messages = new ArrayList<>(messages.subList(0, RESPONSE_URL_MAX - 1));
      messages.add(
          OutMessage.text(
              "…and "
                  + left
                  + " more part"
                  + (left == 1 ? "" : "s")
                  + " I can't send here."
                  + " Try a shorter window (`/digest 24h`) or one event (`/digest EVENT`)."));
    }
    try {
      for (int i = 0; i < messages.size(); i++) {
        api.respond(responseUrl, body(messages.get(i), "ephemeral", i == 0));
      }
    } catch (SlackCallException e) {
      metrics.errors.labelValues("respond").inc();
      LOG.warn("Could not deliver the {}: {}", what, e.getMessage());
    }
  }

  /**
   * The ack of a command: an ephemeral message shown to the person who typed it (HTTP 200, JSON
   * body).
   */
  static Response ephemeralAck(List<JsonObject> blocks, String text) {
    JsonObject body = new JsonObject();
    body.addProperty("response_type", "ephemeral");
    body.addProperty("text", text);
    JsonArray a = new JsonArray();
    blocks.forEach(a::add);
    body.add("blocks", a);
    return Response.builder()
        .statusCode(200)
        .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body(body.toString())
        .build();
  }

  /**
   * The JSON posted to a response_url.
   *
   * @param responseType {@code ephemeral} or {@code in_channel}
   * @param replaceOriginal whether it replaces the message the response_url belongs to
   */
  static JsonObject body(OutMessage m, String responseType, boolean replaceOriginal) {
    JsonObject body = new JsonObject();
    body.addProperty("response_type", responseType);
    body.addProperty("replace_original", replaceOriginal);
    body.addProperty("text", m.text());
    if (m.blocks() != null) {
      body.add("blocks", m.blocks());
    }
    return body;
  }
}
