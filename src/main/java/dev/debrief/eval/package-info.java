/**
 * Evaluation on question sets in the {@code ../shared/qa} format (JSON Lines): recall@k, MRR, fact
 * coverage, citation hit, refusal accuracy and false-refusal rate ({@link
 * dev.debrief.eval.Evaluator}); and {@link dev.debrief.eval.CitationVerificationEval}, which
 * measures and calibrates {@link dev.debrief.cite.CitationVerifier} with fake LLM replies citing
 * retrieved passages.
 */
package dev.debrief.eval;
