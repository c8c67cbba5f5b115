/**
 * The HTTP side of {@code debrief serve} and {@code debrief web}: a Javalin 7 server (Jetty 12)
 * with the ask page ({@code GET /}, {@code GET /ask?q=}; {@link dev.debrief.web.AskSite}: answers
 * from the same {@link dev.debrief.answer.Answerer} as Slack, the library by event and author, and
 * with {@code web.auth: slack} Sign in with Slack through the {@link dev.debrief.http.SignIn} the
 * Slack package implements), the citation viewer ({@code GET /reports/{id}?p=PASSAGE_ID}), {@code
 * GET /healthz}, {@code GET /metrics} (Prometheus text format), and one pluggable raw endpoint that
 * the Slack package mounts at {@code POST /slack/events}. Pages are built server-side with jsoup's
 * DOM, so every piece of report text is escaped by construction. Nothing here depends on Bolt. What
 * the Slack package and this one both need is in {@code dev.debrief.http} (the raw endpoint and
 * sign-in contracts) and {@code dev.debrief.metrics} (metrics and health); the one remaining use of
 * this package from Slack is {@code SlackServer} building the {@link dev.debrief.web.WebServer}
 * (with the {@link dev.debrief.web.AskSite}) for {@code debrief serve}, construction that belongs
 * in {@code cli}.
 */
package dev.debrief.web;
