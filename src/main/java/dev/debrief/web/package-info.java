/**
 * The HTTP side of {@code debrief serve}: a Javalin 7 server (Jetty 12) with the citation viewer
 * ({@code GET /reports}, {@code GET /reports/{id}?p=PASSAGE_ID}), {@code GET /healthz}, {@code GET /metrics}
 * (Prometheus text format), and one pluggable raw endpoint that the Slack package mounts at
 * {@code POST /slack/events}. Pages are built server-side with jsoup's DOM, so every piece of report text is
 * escaped by construction. Nothing here depends on Bolt.
 */
package dev.debrief.web;
