/**
 * The command line (picocli) and the only place that wires objects together: {@link dev.debrief.cli.Main}
 * with subcommands {@code ingest}, {@code search}, {@code ask}, {@code eval}, {@code bench}, {@code reports},
 * {@code config}; {@link dev.debrief.cli.Wiring} builds the pipeline from the config.
 */
package dev.debrief.cli;
