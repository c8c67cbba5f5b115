/**
 * What Debrief tells its operators about itself, shared by the Slack side and the web server so
 * neither depends on the other: {@link dev.debrief.metrics.Metrics} (Prometheus counters and
 * histograms in one registry per instance, served at {@code GET /metrics}) and {@link
 * dev.debrief.metrics.Health} (the answer of {@code GET /healthz}). Depends on no other Debrief
 * package.
 */
package dev.debrief.metrics;
