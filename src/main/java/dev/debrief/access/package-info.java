/**
 * Who may see which report. No Slack or web dependencies: the Slack app supplies membership lookups
 * and the viewer checks signed links through these classes.
 *
 * <ul>
 *   <li>{@link dev.debrief.access.AccessPolicy}: the channels whose restricted reports may be used
 *       for a question asked in a channel or a DM ({@link
 *       dev.debrief.model.SearchFilters#allowedChannels()}).
 *   <li>{@link dev.debrief.access.SignedLinks}: HMAC-SHA256 (RFC 2104, FIPS 180-4) signed, expiring
 *       viewer links for restricted reports, compared in constant time.
 *   <li>{@link dev.debrief.access.Uploads}: who added a report from Slack and where (for {@code
 *       /debrief remove}).
 * </ul>
 */
package dev.debrief.access;
