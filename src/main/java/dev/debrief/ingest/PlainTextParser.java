package dev.debrief.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plain text and reStructuredText (docutils section titles; inline markup reduced to its text).
 *
 * <p>Headings, in order of precedence:
 *
 * <ol>
 *   <li>reStructuredText / setext section titles: a title line underlined (and optionally
 *       overlined) with a line of one repeated punctuation character ({@code = - ~ ^ * # + _ : . '
 *       " `}), at least 3 long. Levels follow the order in which adornment styles first appear (as
 *       docutils does), so the first style is level 1.
 *   <li>Only when a document has no underlined titles: bare title-like lines. A line is a heading
 *       when it stands alone between blank lines (or the start of the text), is at most 12 words
 *       and 90 characters, starts with an upper-case letter or digit, does not end with {@code . ,
 *       ; :}, is not a list item or a URL, and the next block is a paragraph (not another
 *       title-like line). Such headings are level 2, under the document title when the very first
 *       line is one (level 1).
 *   <li>Only when a document has no underlined titles and is an indented outline (notes typed one
 *       thought per line, most lines indented under a few flush-left ones; {@link OutlineHeads}):
 *       the flush-left lines with indented lines under them are the level-1 headings (the talks of
 *       a day's notes), and no other line is taken for a heading. A web address that ends such a
 *       line is kept as the section's first paragraph, not in the heading.
 * </ol>
 *
 * Other blank-line separated runs of lines are paragraphs. A paragraph's line breaks are kept,
 * except where the text was hard-wrapped at a fixed width (as editors and {@code fmt} do): a line
 * that reaches {@link HardWrap#FULL_LINE} of the document's wrap width is joined to the next one
 * with a space, so a sentence is not cut at a line end. The wrap width is the 90th percentile of
 * the lengths of lines in multi-line paragraphs, and only counts when it is between {@link
 * HardWrap#MIN_WRAP} and {@link HardWrap#MAX_WRAP} characters (notes written one thought per line
 * are short; text pasted without wrapping has long lines). Lines starting with a bullet ({@code • -
 * * + ·}) or a number ({@code 1.} / {@code 1)}) are list items; a following line without a bullet
 * continues the item when it is indented or the item is longer than 60 characters (wrapped text),
 * else it is a line of its own. rst directives and comments ({@code .. name::}) are dropped, except
 * that {@code code-block} content is kept; {@code `label <url>`_} becomes {@code label}, double
 * back-quotes are removed, and a trailing {@code ::} becomes {@code :} ({@link RstMarkup}).
 */
final class PlainTextParser {
  private static final Pattern ADORNMENT = Pattern.compile("^([=\\-~^*#+_:.'\"`])\\1{2,}\\s*$");

  /** A list item's bullet or number at the start of a line. */
  static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[•·◦▪‣*+\\-–]\\s+|\\d{1,3}[.)]\\s+|[a-zA-Z][.)]\\s+)");

  private static final Pattern URLISH =
      Pattern.compile("(?i)^(https?://|www\\.)\\S+$|^\\S+\\.(com|org|net|io)(/\\S*)?$");

  /** First line of a block that is a heading; the heading level follows it. */
  static final String HEADING = "\u0000H";

  private final boolean rst;

  /** The document's wrap width, or 0 when it is not hard-wrapped. */
  private int wrapWidth;

  PlainTextParser(boolean rst) {
    this.rst = rst;
  }

  private record Line(String text, boolean blank) {}

  void parse(String text, DocBuilder out) {
    String[] raw = text.split("\n", -1);
    List<String> lines = new ArrayList<>(raw.length);
    for (String l : raw) {
      lines.add(l.stripTrailing());
    }
    if (rst) {
      lines = RstMarkup.dropDirectives(lines);
    }
    // pass 1: find underlined titles
    Map<Integer, Integer> headingAt = new HashMap<>(); // title line index -> level
    Map<Integer, Integer> skipUntil =
        new HashMap<>(); // title line index -> first index after adornment
    List<String> styles = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || ADORNMENT.matcher(l).matches()) {
        continue;
      }
      boolean prevBlank = i == 0 || lines.get(i - 1).isBlank();
      boolean over =
          i > 0
              && ADORNMENT.matcher(lines.get(i - 1)).matches()
              && (i < 2 || lines.get(i - 2).isBlank());
      if (!prevBlank && !over) {
        continue;
      }
      if (i + 1 >= lines.size() || !ADORNMENT.matcher(lines.get(i + 1)).matches()) {
        continue;
      }
      if (BULLET.matcher(l).find() && !over) {
        continue;
      }
      char c = lines.get(i + 1).charAt(0);
      if (over && lines.get(i - 1).charAt(0) != c) {
        continue;
      }
      String style = (over ? "o" : "u") + c;
      int level = styles.indexOf(style);
      if (level < 0) {
        styles.add(style);
        level = styles.size() - 1;
      }
      headingAt.put(over ? i - 1 : i, Math.min(6, level + 1));
      skipUntil.put(over ? i - 1 : i, i + 2);
    }
    boolean bare = headingAt.isEmpty();
    OutlineHeads outline = bare ? OutlineHeads.of(lines) : OutlineHeads.NONE;

    // pass 2: blocks
    List<List<String>> blocks = new ArrayList<>();
    List<Integer> blockStartLine = new ArrayList<>();
    List<String> cur = null;
    for (int i = 0; i < lines.size(); i++) {
      if (headingAt.containsKey(i)) {
        cur = null;
        int titleIndex =
            lines.get(i).isBlank() || ADORNMENT.matcher(lines.get(i)).matches() ? i + 1 : i;
        blocks.add(List.of(HEADING + headingAt.get(i), lines.get(titleIndex)));
        blockStartLine.add(i);
        i = skipUntil.get(i) - 1;
        continue;
      }
      String l = lines.get(i);
      if (outline.isHead(i)) {
        cur = null;
        OutlineHeads.Head head = OutlineHeads.split(l);
        blocks.add(List.of(HEADING + 1, head.title()));
        blockStartLine.add(i);
        if (head.address() != null) {
          blocks.add(new ArrayList<>(List.of(head.address())));
          blockStartLine.add(i);
        }
        continue;
      }
      if (l.isBlank()
          || (ADORNMENT.matcher(l).matches() && l.strip().length() >= 3 && isolated(lines, i))) {
        cur = null;
        continue;
      }
      if (cur == null) {
        cur = new ArrayList<>();
        blocks.add(cur);
        blockStartLine.add(i);
      }
      cur.add(l);
    }

    wrapWidth = HardWrap.wrapWidth(blocks);
    boolean firstIsTitle = false;
    for (int b = 0; b < blocks.size(); b++) {
      List<String> block = blocks.get(b);
      if (block.get(0).startsWith(HEADING)) {
        out.heading(Integer.parseInt(block.get(0).substring(2)), inlineText(block.get(1)), null);
        continue;
      }
      if (bare
          && !outline.any()
          && block.size() == 1
          && titleLike(block.get(0))
          && b + 1 < blocks.size()
          && isParagraph(blocks.get(b + 1))) {
        if (b == 0) {
          firstIsTitle = true;
          out.heading(1, inlineText(block.get(0)), null);
        } else {
          out.heading(firstIsTitle ? 2 : 1, inlineText(block.get(0)), null);
        }
        continue;
      }
      emitBlock(block, out);
    }
  }

  private static boolean isolated(List<String> lines, int i) {
    return (i == 0 || lines.get(i - 1).isBlank())
        && (i + 1 >= lines.size() || lines.get(i + 1).isBlank());
  }

  private boolean isParagraph(List<String> block) {
    if (block.get(0).startsWith(HEADING)) {
      return false;
    }
    return !(block.size() == 1 && titleLike(block.get(0)));
  }

  /** A bare line that looks like a title rather than a sentence. */
  static boolean titleLike(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > 90 || BULLET.matcher(line).find() || URLISH.matcher(s).find()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (!(Character.isUpperCase(first)
        || Character.isDigit(first)
        || Character.isTitleCase(first))) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '…') {
      return false;
    }
    String[] words = s.split("\\s+");
    if (words.length > 12) {
      return false;
    }
    if (words.length >= 6) {
      int longWords = 0;
      int capitalized = 0;
      for (String w : words) {
        if (w.length() > 3) {
          longWords++;
          if (Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0))) {
            capitalized++;
          }
        }
      }
      return longWords == 0 || capitalized * 2 >= longWords;
    }
    return true;
  }

  private void emitBlock(List<String> block, DocBuilder out) {
    boolean anyBullet = block.stream().anyMatch(l -> BULLET.matcher(l).find());
    if (!anyBullet) {
      StringBuilder sb = new StringBuilder();
      String previous = null;
      for (String l : block) {
        String text = l;
        if (previous != null) {
          boolean wrapped = HardWrap.wrapped(previous, l, wrapWidth);
          sb.append(wrapped ? " " : "\n");
          if (wrapped) {
            text = text.strip();
          }
        }
        sb.append(text);
        previous = l;
      }
      // inline markup after joining: an rst link or literal may run over a line break
      String body = inlineText(sb.toString());
      if (rst && body.endsWith("::")) {
        body = body.substring(0, body.length() - 1);
      }
      out.paragraph(body);
      return;
    }
    int group = out.newGroup();
    StringBuilder item = null;
    for (String l : block) {
      String text = inlineText(l);
      boolean continuation =
          item != null
              && !BULLET.matcher(l).find()
              && (Character.isWhitespace(l.charAt(0)) || item.length() > 60);
      if (continuation) {
        item.append(' ').append(text.strip());
        continue;
      }
      if (item != null) {
        out.listItem(item.toString(), group);
      }
      item = new StringBuilder(BULLET.matcher(l).find() ? normalizeBullet(text) : text.strip());
    }
    if (item != null) {
      out.listItem(item.toString(), group);
    }
  }

  private static String normalizeBullet(String line) {
    String s = line.strip();
    if (!s.isEmpty()
        && "•·◦▪‣*+-–".indexOf(s.charAt(0)) >= 0
        && s.length() > 1
        && Character.isWhitespace(s.charAt(1))) {
      return "• " + s.substring(1).strip();
    }
    return s;
  }

  private String inlineText(String line) {
    return rst ? RstMarkup.inlineText(line) : line;
  }
}
