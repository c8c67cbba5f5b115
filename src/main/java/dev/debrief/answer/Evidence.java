package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.List;
import java.util.Set;

/**
 * The sentences of retrieved passages as evidence: one {@link Line} per sentence, scored against a
 * question, and the {@link Stretch}es an answer quotes.
 */
public final class Evidence {
  private Evidence() {}

  /**
   * One sentence (or list item) of a retrieved passage.
   *
   * @param hit its passage
   * @param rank its passage's rank among the hits, 0-based
   * @param index its position among the passage's sentences
   * @param span its text and offsets in the passage text
   * @param chrome true when it is no statement ({@link SentenceShape#chrome})
   * @param bullet true for a list item
   * @param terms its analyzed terms
   */
  public record Line(
      Hit hit,
      int rank,
      int index,
      Sentences.Span span,
      boolean chrome,
      boolean bullet,
      Set<String> terms) {
    /** The sentence text. */
    public String text() {
      return span.text();
    }
  }

  /**
   * A line with its scores.
   *
   * @param line the line
   * @param similarity cosine of its embedding (with its heading and the sentence before it) to the
   *     question's
   * @param lexical IDF-weighted share of the question's concepts it holds (heading concepts count
   *     half)
   * @param relevance its passage's relevance (rank and concept coverage)
   * @param score the combined score
   */
  public record Scored(
      Line line, double similarity, double lexical, double relevance, double score) {}

  /**
   * Consecutive lines of one passage that an answer quotes together: the sentence that answers, and
   * those that carry it on.
   *
   * @param anchor the best line of the stretch
   * @param lines the lines in document order (the anchor among them)
   * @param speaker the speaker line of the passage, quoted before the stretch when "who" is asked,
   *     or the talk's title when "which talk" is asked ({@link TalkTitles}); null for none
   */
  public record Stretch(Scored anchor, List<Line> lines, String speaker) {
    public Stretch {
      lines = List.copyOf(lines);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("a stretch needs at least one line");
      }
    }

    /** A stretch without a speaker line. */
    public Stretch(Scored anchor, List<Line> lines) {
      this(anchor, lines, null);
    }

    /** Its passage. */
    public Hit hit() {
      return anchor.line().hit();
    }
  }
}
