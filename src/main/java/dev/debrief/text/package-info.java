/**
 * Judgements about pieces of report text that more than one part of Debrief needs: whether a
 * sentence or a note can be shown on its own, outside the paragraph it came from ({@link
 * dev.debrief.text.StandAlone}), what kind of line a line is — a timestamp, a caption, a metadata
 * line, a link or code, a heading ({@link dev.debrief.text.LineKind}) — whether it is chatter
 * ({@link dev.debrief.text.Chatter}), rough grammatical cues ({@link dev.debrief.text.Grammar},
 * whether there is a finite verb in {@link dev.debrief.text.FiniteVerbs}, list bullets in {@link
 * dev.debrief.text.Bullets}) and the people a report names in full ({@link
 * dev.debrief.text.PersonNames}).
 *
 * <p>It is also the one text toolkit every other package uses: words ({@link
 * dev.debrief.text.Tokens}), the stop list with its two named additions ({@link
 * dev.debrief.text.StopWords}), the sentence splitter for passage text and {@code stripEnd} ({@link
 * dev.debrief.text.Sentences}), the report file extensions ({@link
 * dev.debrief.text.ReportExtensions}) and the dot product of embeddings ({@link
 * dev.debrief.text.Vectors}). BM25 analysis is not here: it is Lucene's, in {@code
 * index.TextAnalysis}.
 *
 * <p>Everything here is a rule about the kind of text (English trip reports, session notes,
 * recaps), written as small pattern lists; nothing is fitted to a particular report. The rules are
 * deliberately conservative in one direction: they reject a good sentence more readily than they
 * accept a bad one, because a brief can always pick another sentence but cannot repair one that
 * reads wrongly out of context. No dependencies on other Debrief packages.
 */
package dev.debrief.text;
