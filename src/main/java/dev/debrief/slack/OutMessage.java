package dev.debrief.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One message to send: the {@code text} fallback (always set, used for notifications and by clients
 * that cannot show blocks, https://api.slack.com/methods/chat.postMessage#arg_text) and optional
 * Block Kit blocks.
 *
 * @param text mrkdwn fallback text, already escaped; never empty
 * @param blocks the blocks, or null for a text-only message
 */
public record OutMessage(String text, JsonArray blocks) {
  /** A text-only message. */
  public static OutMessage text(String text) {
    return new OutMessage(text, null);
  }

  /** The blocks as a JSON string, or null. */
  public String blocksJson() {
    return blocks == null ? null : blocks.toString();
  }

  /**
   * All mrkdwn text of the blocks (or the fallback when there are none), for the text-only smaller
   * form.
   */
  public String plainText() {
    if (blocks == null) {
      return text;
    }
    StringBuilder b = new StringBuilder();
    for (JsonElement el : blocks) {
      JsonObject block = el.getAsJsonObject();
      String type = block.get("type").getAsString();
      if (block.has("text") && block.get("text").isJsonObject()) {
        append(b, block.getAsJsonObject("text").get("text").getAsString());
      } else if ("context".equals(type)) {
        for (JsonElement e : block.getAsJsonArray("elements")) {
          if (e.getAsJsonObject().has("text")) {
            append(b, e.getAsJsonObject().get("text").getAsString());
          }
        }
      }
    }
    return b.length() == 0 ? text : b.toString();
  }

  private static void append(StringBuilder b, String s) {
    if (b.length() > 0) {
      b.append("\n\n");
    }
    b.append(s);
  }
}
