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
 * </ol>
 *
 * Other blank-line separated runs of lines are paragraphs. A paragraph's line breaks are kept,
 * except where the text was hard-wrapped at a fixed width (as editors and {@code fmt} do): a line
 * that reaches {@link #FULL_LINE} of the document's wrap width is joined to the next one with a
 * space, so a sentence is not cut at a line end. The wrap width is the 90th percentile of the
 * lengths of lines in multi-line paragraphs, and only counts when it is between {@link #MIN_WRAP}
 * and {@link #MAX_WRAP} characters (notes written one thought per line are short; text pasted
 * without wrapping has long lines). Lines starting with a bullet ({@code • - * + ·}) or a number
 * ({@code 1.} / {@code 1)}) are list items; a following line without a bullet continues the item
 * when it is indented or the item is longer than 60 characters (wrapped text), else it is a line of
 * its own. rst directives and comments ({@code .. name::}) are dropped, except that {@code
 * code-block} content is kept; {@code `label <url>`_} becomes {@code label}, double back-quotes are
 * removed, and a trailing {@code ::} becomes {@code :}.
 */
final class PlainTextParser {
  private static final Pattern ADORNMENT = Pattern.compile("^([=\\-~^*#+_:.'\"`])\\1{2,}\\s*$");
  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[•·◦▪‣*+\\-–]\\s+|\\d{1,3}[.)]\\s+|[a-zA-Z][.)]\\s+)");
  private static final Pattern RST_LINK = Pattern.compile("`([^`<]+?)\\s*<[^>]+>`__?");
  private static final Pattern RST_ROLE = Pattern.compile(":[a-zA-Z:+-]+:`([^`]+)`");
  private static final Pattern RST_LITERAL = Pattern.compile("``(.+?)``");
  private static final Pattern RST_REF = Pattern.compile("`([^`]+)`_{1,2}");
  private static final Pattern DIRECTIVE = Pattern.compile("^\\.\\.(?:\\s|$).*");
  private static final Pattern URLISH =
      Pattern.compile("(?i)^(https?://|www\\.)\\S+$|^\\S+\\.(com|org|net|io)(/\\S*)?$");

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
      lines = dropDirectives(lines);
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

    // pass 2: blocks
    List<List<String>> blocks = new ArrayList<>();
    List<Integer> blockStartLine = new ArrayList<>();
    List<String> cur = null;
    for (int i = 0; i < lines.size(); i++) {
      if (headingAt.containsKey(i)) {
        cur = null;
        int titleIndex =
            lines.get(i).isBlank() || ADORNMENT.matcher(lines.get(i)).matches() ? i + 1 : i;
        blocks.add(List.of("\u0000H" + headingAt.get(i), lines.get(titleIndex)));
        blockStartLine.add(i);
        i = skipUntil.get(i) - 1;
        continue;
      }
      String l = lines.get(i);
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

    wrapWidth = wrapWidth(blocks);
    boolean firstIsTitle = false;
    for (int b = 0; b < blocks.size(); b++) {
      List<String> block = blocks.get(b);
      if (block.get(0).startsWith("\u0000H")) {
        out.heading(Integer.parseInt(block.get(0).substring(2)), inlineText(block.get(1)), null);
        continue;
      }
      if (bare
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

  /**
   * The 90th percentile of line lengths in multi-line paragraphs, or 0 when outside
   * MIN_WRAP..MAX_WRAP.
   */
  private static int wrapWidth(List<List<String>> blocks) {
    List<Integer> lengths = new ArrayList<>();
    for (List<String> block : blocks) {
      if (block.size() > 1
          && !block.get(0).startsWith("\u0000H")
          && block.stream().noneMatch(l -> BULLET.matcher(l).find())) {
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

  private static boolean isolated(List<String> lines, int i) {
    return (i == 0 || lines.get(i - 1).isBlank())
        && (i + 1 >= lines.size() || lines.get(i + 1).isBlank());
  }

  private boolean isParagraph(List<String> block) {
    if (block.get(0).startsWith("\u0000H")) {
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
          boolean wrapped =
              wrapWidth > 0
                  && previous.strip().length() >= FULL_LINE * wrapWidth
                  && !l.isEmpty()
                  && !Character.isWhitespace(l.charAt(0));
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
    if (!rst) {
      return line;
    }
    String s = RST_LINK.matcher(line).replaceAll("$1");
    s = RST_ROLE.matcher(s).replaceAll("$1");
    s = RST_LITERAL.matcher(s).replaceAll("$1");
    s = RST_REF.matcher(s).replaceAll("$1");
    return s;
  }

  /** Drops rst comments and directives with their indented bodies; keeps code-block bodies. */
  private static List<String> dropDirectives(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!DIRECTIVE.matcher(l).matches()) {
        out.add(l);
        continue;
      }
      boolean keepBody =
          l.matches("^\\.\\.\\s+(code-block|code|sourcecode|note|warning|tip|important)::.*");
      int j = i + 1;
      while (j < lines.size()
          && (lines.get(j).isBlank() || Character.isWhitespace(lines.get(j).charAt(0)))) {
        String body = lines.get(j);
        if (keepBody && !body.strip().startsWith(":")) {
          out.add(body);
        } else {
          out.add("");
        }
        j++;
      }
      out.add("");
      i = j - 1;
    }
    return out;
  }
}
