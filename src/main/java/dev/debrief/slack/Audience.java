package dev.debrief.slack;

import dev.debrief.access.AccessPolicy;
import java.util.List;

/**
 * Which restricted reports a question, listing or digest asked in Slack may use: the channels an
 * {@link AccessPolicy} allows for the conversation and the person asking.
 */
final class Audience {
  private final AccessPolicy access;

  Audience(AccessPolicy access) {
    this.access = access;
  }

  /**
   * The channels whose restricted reports a question in {@code channel} by {@code user} may use.
   */
  List<String> allowed(String channel, String user) {
    return channel == null
        ? List.of()
        : access.allowedChannels(channel, user, SlackIntake.isDm(channel));
  }
}
