/**
 * Citations: where a citation links to and whether the cited passage supports the sentence.
 *
 * <ul>
 *   <li>{@link dev.debrief.cite.CitationLinks} builds the link of a cited passage: the report's own
 *       page (with the section's anchor or a text fragment) or Debrief's viewer, signed by {@link
 *       dev.debrief.access.SignedLinks} when the report is restricted to channels;
 *   <li>{@link dev.debrief.cite.CitationVerifier} checks every cited sentence of an LLM reply
 *       against the passages it cites (content-word overlap and embedding similarity, thresholds
 *       per embedding model in {@link dev.debrief.cite.CitationVerifier.Thresholds}) and renumbers
 *       the citations that survive.
 * </ul>
 *
 * <p>Retrieval, answers, digests and the Slack and web front ends use it; it depends only on {@code
 * access}, {@code embed} and {@code model}.
 */
package dev.debrief.cite;
