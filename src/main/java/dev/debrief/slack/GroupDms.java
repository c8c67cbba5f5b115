package dev.debrief.slack;

/**
 * Group DMs ({@code mpim}, https://api.slack.com/events/message.mpim): Slack delivers no {@code
 * app_mention} there, so a {@code message.mpim} event that mentions Debrief is treated as the
 * mention and answered in its thread, like a mention in a channel. Other messages of the group are
 * the people's own conversation and are left alone (follow-ups in a thread Debrief answered are
 * answered as everywhere).
 */
final class GroupDms {
  private GroupDms() {}

  /** True for a group-DM message whose text mentions {@code botUserId} ({@code <@U…>}). */
  static boolean isMention(String channelType, String text, String botUserId) {
    return "mpim".equals(channelType)
        && botUserId != null
        && text != null
        && text.contains("<@" + botUserId + ">");
  }
}
