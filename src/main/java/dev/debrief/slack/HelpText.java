package dev.debrief.slack;

/**
 * What Debrief tells people it can do: {@code /debrief help}, an empty mention, and the App Home's
 * "How to ask".
 */
final class HelpText {
  private HelpText() {}

  /** mrkdwn; the first line is the title, the rest one bullet per way to ask. */
  static final String HELP =
      "*Debrief answers questions about the event reports, with sources.*\n"
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
}
