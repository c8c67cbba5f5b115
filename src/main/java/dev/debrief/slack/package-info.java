/**
 * Debrief in Slack, built on Bolt for Java; Bolt stays inside this package. {@link
 * dev.debrief.slack.SlackServer} runs the app in HTTP mode (Bolt's {@code App} behind the Javalin
 * server of {@code dev.debrief.web}) or Socket Mode (Java-WebSocket backend). Answers are delivered
 * off the request thread so every request is acknowledged at once (Events API: respond within 3
 * seconds, https://api.slack.com/apis/events-api#responding), are posted exactly once per question,
 * are rendered as Block Kit within Slack's limits
 * (https://api.slack.com/reference/block-kit/blocks), and carry only text that was escaped for
 * mrkdwn (https://api.slack.com/reference/surfaces/formatting#escaping).
 *
 * <p>Where things are: {@link dev.debrief.slack.DebriefBot} registers the listeners; {@link
 * dev.debrief.slack.IncomingEvents} decides which events are answered (with {@link
 * dev.debrief.slack.Dedupe}); {@link dev.debrief.slack.AnswerFlow} goes from placeholder to answer;
 * {@link dev.debrief.slack.AnswerDelivery} puts messages into Slack (the smaller fallback form when
 * one is refused); {@link dev.debrief.slack.AnswerRenderer} turns an answer into Block Kit; {@link
 * dev.debrief.slack.DebriefSlashCommand} and {@link dev.debrief.slack.DigestSlashCommand} are the
 * slash commands, answering through {@link dev.debrief.slack.ResponseUrl}; {@link
 * dev.debrief.slack.AnswerButtons} the buttons; {@link dev.debrief.slack.AppHome} the Home tab.
 * {@link dev.debrief.slack.SlackServer} keeps the start-up and stop orders, with {@link
 * dev.debrief.slack.SlackSession} (the Slack side made at start) and {@link
 * dev.debrief.slack.SlackWebServer} (the web server); its inputs are {@link
 * dev.debrief.slack.SlackServerOptions}, {@link dev.debrief.slack.SlackServerParts}, {@link
 * dev.debrief.slack.SlackServerFactory} and {@link dev.debrief.slack.WebServerFactory}. What the
 * server runs on is made in {@code dev.debrief.cli.SlackWiring}.
 */
package dev.debrief.slack;
