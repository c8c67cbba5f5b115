package dev.debrief.web;

/**
 * The answer of {@code GET /healthz}.
 *
 * @param ok     true when the index is open and Slack's auth.test succeeded
 * @param detail a short human-readable reason, never a secret
 */
public record Health(boolean ok, String detail) {}
