package dev.debrief.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit building and packing within Slack's limits ("Blocks",
 * https://api.slack.com/reference/block-kit/blocks): a section's text at most 3,000 characters, at
 * most 50 blocks per message, and a message's total kept under about 12,000 characters; content
 * that does not fit continues in follow-up messages.
 */
public final class Blocks {
  /** Longest text of one section block. */
  public static final int SECTION_MAX = 3000;

  /** Most blocks in one message. */
  public static final int MAX_BLOCKS = 50;

  /** Budget of characters per message (Slack truncates beyond about 12,000; we stay well under). */
  public static final int MESSAGE_MAX_CHARS = 11_000;

  /** Longest fallback text we send. */
  public static final int FALLBACK_MAX = 2900;

  private Blocks() {}

  /**
   * A mrkdwn section block; the text must be escaped and at most {@link #SECTION_MAX} characters.
   */
  public static JsonObject section(String mrkdwn) {
    JsonObject text = new JsonObject();
    text.addProperty("type", "mrkdwn");
    text.addProperty("text", mrkdwn);
    JsonObject block = new JsonObject();
    block.addProperty("type", "section");
    block.add("text", text);
    return block;
  }

  /** Sections for long escaped text, split at safe boundaries. */
  public static List<JsonObject> sections(String mrkdwn) {
    List<JsonObject> out = new ArrayList<>();
    for (String piece : TextSplitter.split(mrkdwn, SECTION_MAX)) {
      out.add(section(piece));
    }
    return out;
  }

  /** A divider. */
  public static JsonObject divider() {
    JsonObject block = new JsonObject();
    block.addProperty("type", "divider");
    return block;
  }

  /** A context block with one mrkdwn element (escaped text, cut to 2,000 characters). */
  public static JsonObject context(String mrkdwn) {
    JsonObject el = new JsonObject();
    el.addProperty("type", "mrkdwn");
    el.addProperty("text", TextSplitter.split(mrkdwn, 2000).stream().findFirst().orElse(" "));
    JsonArray elements = new JsonArray();
    elements.add(el);
    JsonObject block = new JsonObject();
    block.addProperty("type", "context");
    block.add("elements", elements);
    return block;
  }

  /** A button element ({@code style} may be null). */
  public static JsonObject button(String actionId, String label, String value, String style) {
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", label);
    text.addProperty("emoji", true);
    JsonObject b = new JsonObject();
    b.addProperty("type", "button");
    b.addProperty("action_id", actionId);
    b.add("text", text);
    b.addProperty("value", value);
    if (style != null) {
      b.addProperty("style", style);
    }
    return b;
  }

  /** An actions block. */
  public static JsonObject actions(String blockId, List<JsonObject> elements) {
    JsonArray els = new JsonArray();
    elements.forEach(els::add);
    JsonObject block = new JsonObject();
    block.addProperty("type", "actions");
    block.addProperty("block_id", blockId);
    block.add("elements", els);
    return block;
  }

  /** Characters a block contributes to a message's size. */
  static int size(JsonObject block) {
    return block.toString().length();
  }

  /**
   * Packs blocks into messages of at most {@link #MAX_BLOCKS} blocks and {@link #MESSAGE_MAX_CHARS}
   * characters, in order; {@code fallback} becomes the first message's text, later ones say they
   * continue it.
   */
  public static List<OutMessage> pack(List<JsonObject> blocks, String fallback) {
    List<OutMessage> out = new ArrayList<>();
    JsonArray current = new JsonArray();
    int chars = 0;
    for (JsonObject block : blocks) {
      int size = size(block);
      if (current.size() > 0
          && (current.size() + 1 > MAX_BLOCKS || chars + size > MESSAGE_MAX_CHARS)) {
        out.add(new OutMessage(fallbackFor(out.size(), fallback), current));
        current = new JsonArray();
        chars = 0;
      }
      current.add(block);
      chars += size;
    }
    if (current.size() > 0 || out.isEmpty()) {
      out.add(new OutMessage(fallbackFor(out.size(), fallback), current));
    }
    return out;
  }

  private static String fallbackFor(int index, String fallback) {
    String f = TextSplitter.split(fallback, FALLBACK_MAX).stream().findFirst().orElse("Debrief");
    return index == 0 ? f : "(continued) " + TextSplitter.split(f, 200).get(0);
  }

  /** The text-only smaller form: the messages' text cut into pieces of at most 3,000 characters. */
  public static List<OutMessage> textOnly(List<OutMessage> messages) {
    List<OutMessage> out = new ArrayList<>();
    for (OutMessage m : messages) {
      for (String piece : TextSplitter.split(m.plainText(), SECTION_MAX)) {
        out.add(OutMessage.text(piece));
      }
    }
    if (out.isEmpty()) {
      out.add(OutMessage.text("(empty)"));
    }
    return out;
  }
}
