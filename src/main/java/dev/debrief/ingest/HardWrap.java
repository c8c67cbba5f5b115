package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Text hard-wrapped at a fixed width (as editors and {@code fmt} do): the document's wrap width,
 * and whether a paragraph's line break is such a wrap, to be joined with a space so that a sentence
 * is not cut at a line end. The wrap width is the 90th percentile of the lengths of lines in
 * multi-line paragraphs, and only counts when it is between {@link #MIN_WRAP} and {@link #MAX_WRAP}
 * characters (notes written one thought per line are short; text pasted without wrapping has long
 * lines); a line that reaches {@link #FULL_LINE} of it is joined to the next.
 */
final class HardWrap {
  /**
   * Share of the wrap width from which a line counts as filled to the margin (joined to the next).
   */
  static final double FULL_LINE = 0.75;

  /**
   * Narrowest wrap width taken as hard wrapping: below it, short lines are the author's own line
   * breaks.
   */
  static final int MIN_WRAP = 50;

  /**
   * Widest wrap width taken as hard wrapping (editors wrap at 72–80; a paste without wraps has
   * longer lines).
   */
  static final int MAX_WRAP = 100;

  private HardWrap() {}

  /**
   * The 90th percentile of line lengths in multi-line paragraphs, or 0 when outside
   * MIN_WRAP..MAX_WRAP.
   */
  static int wrapWidth(List<List<String>> blocks) {
    List<Integer> lengths = new ArrayList<>();
    for (List<String> block : blocks) {
      if (block.size() > 1
          && !block.get(0).startsWith(PlainTextParser.HEADING)
          && block.stream().noneMatch(l -> PlainTextParser.BULLET.matcher(l).find())) {
        for (String l : block) {
          lengths.add(l.strip().length());
        }
      }
    }
    if (lengths.size() < 4) {
      return 0;
    }
    lengths.sort(Integer::compare);
    int p90 = lengths.get((int) Math.floor(0.9 * (lengths.size() - 1)));
    return p90 >= MIN_WRAP && p90 <= MAX_WRAP ? p90 : 0;
  }

  /**
   * True when the break between {@code previous} and {@code line} of one paragraph is a hard wrap:
   * the document is wrapped ({@code wrapWidth > 0}), {@code previous} reaches {@link #FULL_LINE} of
   * the width, and {@code line} does not start with white space (an indented line is the author's).
   */
  static boolean wrapped(String previous, String line, int wrapWidth) {
    return wrapWidth > 0
        && previous.strip().length() >= FULL_LINE * wrapWidth
        && !line.isEmpty()
        && !Character.isWhitespace(line.charAt(0));
  }
}
