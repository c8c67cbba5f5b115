/**
 * Ingest: one report file (Markdown, HTML, plain text, reStructuredText, PDF, Word .docx,
 * PowerPoint .pptx, OpenDocument .odt or EPUB) in, one {@link dev.debrief.model.Report} out.
 *
 * <p>{@link dev.debrief.ingest.ReportReader#read(String, String, byte[])} detects the format
 * (file-name extension, corrected by content sniffing), decodes the bytes (BOM, strict UTF-8,
 * windows-1252 fallback; {@link dev.debrief.ingest.TextDecoding}), splits off YAML front matter,
 * parses the body with the format's library (commonmark-java per the CommonMark spec with GFM
 * tables; jsoup per the WHATWG HTML parsing algorithm; Apache PDFBox; SnakeYAML for YAML 1.1 front
 * matter; the JDK's ZIP reader and jsoup's XML parser for the ZIP-packaged Office Open XML,
 * OpenDocument and EPUB formats) into one normalized plain text, and cuts that text into {@link
 * dev.debrief.model.Section sections} (heading tree, GitHub-style slug anchors unique per report,
 * UTF-16 offsets) and {@link dev.debrief.model.Passage passages} (about {@code passageMinWords} to
 * {@code passageMaxWords} words, never crossing a section, never splitting a list item or table
 * row, table continuations repeating the header row).
 *
 * <p>Normalized text layout: headings on their own line; blocks separated by a blank line; list
 * items ({@code "• "} or {@code "1. "}) and table rows ({@code "cell | cell"}) one per line; links
 * reduced to their label; images dropped; code kept verbatim. Everything that cannot be read fails
 * with an {@link dev.debrief.ingest.IngestException} whose message is the reason.
 *
 * <p>Nothing here is shared mutable state: a {@code ReportReader} is cheap and should be used by
 * one thread at a time.
 */
package dev.debrief.ingest;
