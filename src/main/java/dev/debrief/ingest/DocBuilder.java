package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Assembles the normalized text of a report from headings and blocks, remembering where each one
 * sits.
 *
 * <p>Layout of the text: a heading is a line of its own; blocks are separated by a blank line,
 * except consecutive blocks of one group (the items of one list, the rows of one table), which are
 * separated by a single line break. There is no leading or trailing whitespace.
 *
 * <p>One instance per document; not thread-safe.
 */
final class DocBuilder {
  /** What a block is; it decides how the block may be split into passages. */
  enum Kind {
    PARAGRAPH,
    LIST_ITEM,
    TABLE_HEADER,
    TABLE_ROW,
    CODE
  }

  /**
   * A block of body text at {@code [start, end)} of the text.
   *
   * @param group a list or table id (consecutive blocks of one group share a line); 0 for none
   * @param tableHeader for {@link Kind#TABLE_ROW}, the header row text of its table, or null
   */
  record Block(Kind kind, String text, int start, int end, int group, String tableHeader) {}

  /**
   * A heading line at {@code [start, end)}; {@code sourceId} is the HTML id it carried, or null.
   */
  record Heading(int level, String text, String sourceId, int start, int end) {}

  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\\n|$)");
  private static final Pattern MANY_BREAKS = Pattern.compile("\\n{3,}");
  private static final Pattern SPACES =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");

  private final StringBuilder text = new StringBuilder();
  private final List<Block> blocks = new ArrayList<>();
  private final List<Heading> headings = new ArrayList<>();
  private int lastGroup = 0;
  private int nextGroup = 1;
  private final java.util.Map<Integer, String> tableHeaders = new java.util.HashMap<>();

  /** A fresh group id for a list or table. */
  int newGroup() {
    return nextGroup++;
  }

  /** Adds a heading (levels outside 1..6 are clamped); blank headings are ignored. */
  void heading(int level, String headingText, String sourceId) {
    String clean = oneLine(headingText);
    if (clean.isEmpty()) {
      return;
    }
    separate(false);
    int start = text.length();
    text.append(clean);
    headings.add(
        new Heading(
            Math.max(1, Math.min(6, level)), clean, blankToNull(sourceId), start, text.length()));
    lastGroup = 0;
  }

  /** Adds a paragraph (its own line breaks are kept, whitespace runs inside lines collapsed). */
  void paragraph(String body) {
    add(Kind.PARAGRAPH, cleanLines(body), 0);
  }

  /** Adds one list item line, e.g. {@code "• text"}, to list {@code group}. */
  void listItem(String item, int group) {
    add(Kind.LIST_ITEM, cleanLines(item), group);
  }

  /**
   * Adds a table row ({@code "cell | cell"}) to table {@code group}; the header row comes first.
   */
  void tableRow(String row, boolean header, int group) {
    String clean = oneLine(row);
    if (clean.replace("|", "").isBlank()) {
      return;
    }
    if (header) {
      tableHeaders.put(group, clean);
    }
    add(header ? Kind.TABLE_HEADER : Kind.TABLE_ROW, clean, group);
  }

  /** Adds a code block; indentation is kept, trailing blank lines dropped. */
  void code(String code) {
    String clean = INVISIBLE.matcher(code).replaceAll("");
    clean = TRAILING_SPACE.matcher(clean).replaceAll("");
    clean = MANY_BREAKS.matcher(clean).replaceAll("\n\n");
    clean = stripBlankLines(clean);
    add(Kind.CODE, clean, 0);
  }

  private void add(Kind kind, String body, int group) {
    if (body.isBlank()) {
      return;
    }
    separate(group != 0 && group == lastGroup);
    int start = text.length();
    text.append(body);
    String header = kind == Kind.TABLE_ROW ? tableHeaders.get(group) : null;
    blocks.add(new Block(kind, body, start, text.length(), group, header));
    lastGroup = group;
  }

  private void separate(boolean sameGroup) {
    if (text.length() > 0) {
      text.append(sameGroup ? "\n" : "\n\n");
    }
  }

  String text() {
    return text.toString();
  }

  List<Block> blocks() {
    return blocks;
  }

  List<Heading> headings() {
    return headings;
  }

  boolean hasBody() {
    return !blocks.isEmpty();
  }

  /** Collapses every whitespace run (line breaks included) to one space and trims. */
  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    return SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").strip();
  }

  /** Collapses whitespace within each line, drops blank lines, trims. */
  static String cleanLines(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (String line : s.split("\n", -1)) {
      String l = oneLine(line);
      if (!l.isEmpty()) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(l);
      }
    }
    return sb.toString();
  }

  private static String stripBlankLines(String s) {
    int start = 0;
    while (true) {
      int nl = s.indexOf('\n', start);
      if (nl < 0 || !s.substring(start, nl).isBlank()) {
        break;
      }
      start = nl + 1;
    }
    return s.substring(start).stripTrailing();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
