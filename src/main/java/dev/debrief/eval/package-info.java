/**
 * Evaluation on question sets in the {@code ../shared/qa} format (JSON Lines): recall@k, MRR, fact coverage,
 * citation hit, refusal accuracy and false-refusal rate.
 */
package dev.debrief.eval;
