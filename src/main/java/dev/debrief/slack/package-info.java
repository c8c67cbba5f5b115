/**
 * Debrief in Slack, built on Bolt for Java; Bolt stays inside this package. {@link dev.debrief.slack.SlackServer}
 * runs the app in HTTP mode (Bolt's {@code App} behind the Javalin server of {@code dev.debrief.web}) or Socket
 * Mode (Java-WebSocket backend). Answers are delivered off the request thread so every request is acknowledged
 * at once (Events API: respond within 3 seconds, https://api.slack.com/apis/events-api#responding), are posted
 * exactly once per question, are rendered as Block Kit within Slack's limits
 * (https://api.slack.com/reference/block-kit/blocks), and carry only text that was escaped for mrkdwn
 * (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
package dev.debrief.slack;
