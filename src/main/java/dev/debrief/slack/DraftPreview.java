package dev.debrief.slack;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a streaming LLM's draft in the placeholder with {@code chat.update}
 * (https://api.slack.com/methods/chat.update; {@link SlackApi} throttles edits of one message to
 * one per second). Drafts are unverified, so they carry no citations and say so; the final answer
 * replaces them.
 */
final class DraftPreview {
  // the log category stays the bot's, as before the listeners were split (log settings name it)
  private static final Logger LOG = LoggerFactory.getLogger(DebriefBot.class);

  /**
   * The longest draft shown, in chars: well inside the 3,000-char limit of one section block with
   * the prefix.
   */
  private static final int MAX_DRAFT_CHARS = 2_500;

  static final String PREFIX = ":hourglass_flowing_sand: _drafting, sources being checked…_\n";

  private final SlackApi api;

  DraftPreview(SlackApi api) {
    this.api = api;
  }

  /** Shows {@code draft}; skipped while the placeholder is not posted yet, and on any failure. */
  void show(String channel, CompletableFuture<String> placeholder, String draft) {
    String ts = placeholder.getNow(null);
    if (ts == null || draft == null || draft.isBlank()) {
      return;
    }
    int cut = Math.min(draft.length(), MAX_DRAFT_CHARS);
    if (cut < draft.length() && Character.isHighSurrogate(draft.charAt(cut - 1))) {
      cut--;
    }
    String text = Mrkdwn.escape(cut < draft.length() ? draft.substring(0, cut) + "…" : draft);
    try {
      api.update(channel, ts, OutMessage.text(PREFIX + text));
    } catch (SlackCallException | RuntimeException e) {
      LOG.debug("Draft update skipped: {}", e.getMessage());
    }
  }
}
