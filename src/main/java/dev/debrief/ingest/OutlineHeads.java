package dev.debrief.ingest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of a plain-text outline: notes typed one thought per line, indented under a few
 * flush-left lines, as people take them in a talk ("Speaker - @handle - Talk title - slides URL",
 * then tab-indented notes). Such a document has no title lines between blank lines the way prose
 * has; its structure is in the indentation, which {@link PlainTextParser} otherwise ignores.
 *
 * <p>A document is an outline when at least {@link #MIN_INDENTED_SHARE} of its non-blank lines are
 * indented (by a tab or {@link #INDENT} spaces) and at least {@link #MIN_HEADS} flush-left lines
 * have an indented line as the next non-blank line. Those flush-left lines are the heads; a
 * flush-left line is one with at most one leading space, not a list item, of at most {@link
 * #MAX_HEAD_CHARS} characters.
 *
 * <p>Immutable.
 */
final class OutlineHeads {
  /**
   * Share of indented lines from which a text is an outline. The RealtimeConf 2012 notes in {@code
   * ../shared/reports} have 95% indented lines; the other plain-text and rst reports there at most
   * 16%.
   */
  static final double MIN_INDENTED_SHARE = 0.6;

  /** Flush-left lines with indented notes under them needed for an outline. */
  static final int MIN_HEADS = 2;

  /** Width of a tab, and the spaces from which a line counts as indented. */
  static final int INDENT = 2;

  /** A longer flush-left line is text, not a head (the longest RealtimeConf head has 117). */
  static final int MAX_HEAD_CHARS = 200;

  /** No outline: no heads. */
  static final OutlineHeads NONE = new OutlineHeads(Set.of());

  private static final Pattern TRAILING_ADDRESS =
      Pattern.compile("\\s*(?:[-–—|:]\\s*)?(https?://\\S+)\\s*$");
  private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s\\-–—|:`]+$");

  /**
   * A head line split into its heading text and the web address that ended it.
   *
   * @param address the address, or null when the line ends with none
   */
  record Head(String title, String address) {}

  private final Set<Integer> heads;

  private OutlineHeads(Set<Integer> heads) {
    this.heads = heads;
  }

  /** The heads of {@code lines} (trailing spaces stripped), or {@link #NONE}. */
  static OutlineHeads of(List<String> lines) {
    int nonBlank = 0;
    int indented = 0;
    Set<Integer> found = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        continue;
      }
      nonBlank++;
      int width = indent(l);
      if (width >= INDENT) {
        indented++;
        continue;
      }
      if (l.length() > MAX_HEAD_CHARS || PlainTextParser.BULLET.matcher(l).find()) {
        continue;
      }
      int next = i + 1;
      while (next < lines.size() && lines.get(next).isBlank()) {
        next++;
      }
      if (next < lines.size() && indent(lines.get(next)) >= INDENT) {
        found.add(i);
      }
    }
    if (found.size() < MIN_HEADS || indented < MIN_INDENTED_SHARE * nonBlank) {
      return NONE;
    }
    return new OutlineHeads(Set.copyOf(found));
  }

  /** True when line {@code i} is a head. */
  boolean isHead(int i) {
    return heads.contains(i);
  }

  /** True when the text is an outline. */
  boolean any() {
    return !heads.isEmpty();
  }

  /**
   * Splits a head line: "Arnout Kazemier - @3rdEden - Taking the Suck out of WebSuckets - http://…"
   * gives the title up to the last separator and the address.
   */
  static Head split(String line) {
    String s = line.strip();
    String address = null;
    Matcher m = TRAILING_ADDRESS.matcher(s);
    if (m.find() && m.start() > 0) {
      address = m.group(1);
      s = s.substring(0, m.start());
    }
    String title = TRAILING_SEPARATORS.matcher(s).replaceFirst("");
    return new Head(title.isEmpty() ? line.strip() : title, address);
  }

  private static int indent(String line) {
    int width = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        width += INDENT;
      } else if (c == ' ') {
        width++;
      } else {
        break;
      }
    }
    return width;
  }
}
