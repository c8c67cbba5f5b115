/**
 * Daily digests and whole-event summaries for team leads.
 *
 * <ul>
 *   <li>{@link dev.debrief.digest.DigestService}: what was indexed in a time window, grouped by
 *       event, each report with a cited 2–3 sentence summary (centroid-based extraction, Radev et
 *       al. 2004, with maximal marginal relevance, Carbonell &amp; Goldstein, SIGIR 1998) and
 *       takeaways, and a coverage line that names files the ingest could not parse ({@link
 *       dev.debrief.digest.IngestLog}).
 *   <li>{@link dev.debrief.digest.EventSummarizer}: a brief over all reports of one event: passages
 *       clustered by spherical k-means over MiniLM vectors (Lloyd 1982; Dhillon &amp; Modha 2001),
 *       central sentences per cluster by MMR, themes named by TF-IDF over clusters (Salton &amp;
 *       Buckley 1988); optionally rewritten by an LLM map-reduce with citation verification ({@link
 *       dev.debrief.digest.LlmBrief}). {@link dev.debrief.digest.EventMatcher} resolves loosely
 *       typed event names.
 *   <li>{@code DigestSubscriptions} and {@code DigestScheduler}: scheduled digests per channel,
 *       persisted with atomic file replacement, driven by an injectable {@link java.time.Clock};
 *       each covers exactly what is new since the channel's previous digest.
 *   <li>{@link dev.debrief.digest.DigestText}: plain-text and JSON renderings.
 * </ul>
 *
 * Nothing here touches Lucene types (the index is read through {@link
 * dev.debrief.index.ReportCatalog}) or Slack (posting goes through {@link
 * dev.debrief.digest.DigestPoster}) or an LLM library: {@link dev.debrief.digest.LlmBrief} writes
 * through {@link dev.debrief.digest.BriefModel}, which {@code dev.debrief.llm} implements, and its
 * citations are checked by {@link dev.debrief.cite.CitationVerifier}.
 */
package dev.debrief.digest;
