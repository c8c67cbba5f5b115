/**
 * Adding and removing reports on behalf of people (Slack uploads, {@code /debrief add URL}, {@code
 * /debrief remove}), independent of Slack's SDK: {@link dev.debrief.intake.ReportIntake} ingests
 * bytes or a URL with an optional channel restriction, records the uploader and answers with what
 * was indexed or the exact reason it was not. {@link dev.debrief.intake.WebIngest} fetches a URL
 * with {@link dev.debrief.fetch.SafeFetcher} and ingests the page, its final URL becoming the
 * report's source.
 */
package dev.debrief.intake;
