/**
 * Evaluation on question sets in the {@code ../shared/qa} format (JSON Lines): recall@k, MRR, fact
 * coverage, citation hit, refusal accuracy and false-refusal rate ({@link
 * dev.debrief.eval.Evaluator}); and {@link dev.debrief.eval.CitationVerificationEval}, which
 * measures and calibrates {@link dev.debrief.cite.CitationVerifier} with fake LLM replies citing
 * retrieved passages made by {@link dev.debrief.eval.FakeCitations}, embedding through {@link
 * dev.debrief.eval.MemoisedEmbedder}. {@link dev.debrief.eval.QaFile} reads the question files.
 */
package dev.debrief.eval;
