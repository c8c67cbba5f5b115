/**
 * The command line (picocli) and the only place that wires objects together: {@link
 * dev.debrief.cli.Main} with subcommands {@code ingest}, {@code search}, {@code ask}, {@code eval},
 * {@code bench}, {@code reports}, {@code config}; {@link dev.debrief.cli.Wiring} builds the
 * pipeline from the config (through one package-private wiring per concern: storage, access,
 * intake, LLM, answers, digests, web), and {@link dev.debrief.cli.SlackWiring} builds what the
 * Slack app runs on (pools, timers, access policy, web server). Executors are made here and shut
 * down by the wiring that made them.
 */
package dev.debrief.cli;
