/**
 * Judgements about pieces of report text that more than one part of Debrief needs: whether a sentence or a
 * note can be shown on its own, outside the paragraph it came from ({@link dev.debrief.text.StandAlone}),
 * what kind of line a line is — a timestamp, a caption, a metadata line, a link or code, a heading
 * ({@link dev.debrief.text.LineKind}) — whether it is chatter ({@link dev.debrief.text.Chatter}), rough
 * grammatical cues ({@link dev.debrief.text.Grammar}) and the people a report names in full
 * ({@link dev.debrief.text.PersonNames}).
 *
 * <p>Everything here is a rule about the kind of text (English trip reports, session notes, recaps), written
 * as small pattern lists; nothing is fitted to a particular report. The rules are deliberately conservative in
 * one direction: they reject a good sentence more readily than they accept a bad one, because a brief can
 * always pick another sentence but cannot repair one that reads wrongly out of context. No dependencies on
 * other Debrief packages.
 */
package dev.debrief.text;
