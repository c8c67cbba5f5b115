package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.retrieve.TermStatistics;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cuts a retrieved passage into the {@link Evidence.Line}s an answer is chosen from: its sentences
 * ({@link Sentences#split}), which of them are chrome (headings, captions, the section's own title)
 * and which are list items (bullets, one-fact-per-line notes, the fragments of a passage written as
 * notes).
 */
final class PassageLines {
  /** Words a note line has at most. */
  static final int NOTE_LINE_WORDS = 12;

  /**
   * Share of short fragments from which a passage reads as notes: its short lines are list items.
   */
  static final double NOTES_SHARE = 0.6;

  private final TermStatistics stats;

  /**
   * @param stats analyzes sentences as the index did
   */
  PassageLines(TermStatistics stats) {
    this.stats = stats;
  }

  /**
   * The passage's sentences, each with its analyzed terms ({@link LineTerms}). A list item is a
   * bulleted line, a short line of its own inside a block of such lines (notes written one fact per
   * line: "2500 people", "Every state in the US"), or any short fragment of a passage written as
   * notes (most of its sentences short and unpunctuated).
   */
  List<Evidence.Line> of(Hit h, int rank, Set<String> given) {
    List<Evidence.Line> out = new ArrayList<>();
    String text = h.text();
    List<Sentences.Span> spans = Sentences.split(text);
    int fragments = 0;
    for (Sentences.Span s : spans) {
      if (fragment(s.text())) {
        fragments++;
      }
    }
    boolean notes = !spans.isEmpty() && fragments >= NOTES_SHARE * spans.size();
    for (int i = 0; i < spans.size(); i++) {
      String t = spans.get(i).text();
      boolean chrome = chrome(h, t);
      boolean item =
          SentenceShape.bullet(t)
              || noteLine(text, spans, i)
                  && (noteLine(text, spans, i - 1) || noteLine(text, spans, i + 1))
              || notes && fragment(t);
      out.add(
          new Evidence.Line(
              h, rank, i, spans.get(i), chrome, item, LineTerms.of(stats.terms(t, 512), t, given)));
    }
    return out;
  }

  /**
   * True when sentence {@code t} of passage {@code h} is chrome: a heading, caption or metadata
   * line ({@link SentenceShape#chrome}), or the section's own title repeated as a sentence.
   */
  static boolean chrome(Hit h, String t) {
    return SentenceShape.chrome(t) || t.strip().equalsIgnoreCase(h.section().strip());
  }

  /**
   * A short line that is no full sentence: at most {@link #NOTE_LINE_WORDS} words, no closing
   * period.
   */
  private static boolean fragment(String s) {
    String t = SentenceShape.withoutBullet(s);
    return SentenceShape.words(t) <= NOTE_LINE_WORDS && !t.matches("(?s).*[.!?][\"”’)]?$");
  }

  /**
   * True when sentence {@code i} is a short line of its own, next to another line of the same
   * block.
   */
  private static boolean noteLine(String text, List<Sentences.Span> spans, int i) {
    if (i < 0 || i >= spans.size()) {
      return false;
    }
    Sentences.Span s = spans.get(i);
    String before = text.substring(i == 0 ? 0 : spans.get(i - 1).end(), s.start());
    String after =
        text.substring(s.end(), i + 1 < spans.size() ? spans.get(i + 1).start() : text.length());
    boolean ownLine =
        (i == 0 || before.contains("\n")) && (i + 1 == spans.size() || after.contains("\n"));
    boolean blockNeighbour =
        i > 0 && before.contains("\n") && !before.contains("\n\n")
            || i + 1 < spans.size() && after.contains("\n") && !after.contains("\n\n");
    return ownLine && blockNeighbour && SentenceShape.words(s.text()) <= NOTE_LINE_WORDS;
  }
}
