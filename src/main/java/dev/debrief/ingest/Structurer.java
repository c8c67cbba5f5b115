package dev.debrief.ingest;

import dev.debrief.ingest.DocBuilder.Block;
import dev.debrief.ingest.DocBuilder.Kind;
import dev.debrief.model.Passage;
import dev.debrief.model.Section;
import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Turns the headings and blocks of a {@link DocBuilder} into {@link Section sections} and {@link
 * Passage passages}.
 *
 * <p>Passage rules: passages never cross a section boundary; whole blocks (paragraphs, list items,
 * table rows) are packed in order and a passage is closed at the first block boundary once it holds
 * {@code minWords}, or before a block that would take it over {@code maxWords}. A block longer than
 * {@code maxWords} is cut into its lines (list items, table rows and code lines stay whole), then
 * sentences, then, as a last resort, runs of {@code maxWords} words. A passage whose first block is
 * a table row of a table whose header row it does not contain starts with that header row (its
 * offsets cover the rows only). A short tail passage is merged into the previous passage of the
 * same section when the two fit in {@code maxWords}.
 *
 * <p>Words: a run of characters between spaces, except that in scripts written without spaces
 * between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan) every character
 * counts as a word and a run may be cut between any two of them. So a Chinese or Japanese paragraph
 * is cut into passages of at most {@code maxWords} characters — each about one token of the
 * embedding model's WordPiece vocabulary, which splits such characters one by one — instead of
 * being one "word" of thousands of characters.
 */
final class Structurer {
  /** A piece of a block at {@code [start, end)} of the text. */
  private record Unit(int start, int end, int words, Kind kind, int group, String tableHeader) {}

  /** The structured result. */
  record Result(List<Section> sections, List<Passage> passages) {}

  private final int minWords;
  private final int maxWords;

  Structurer(int minWords, int maxWords) {
    this.maxWords = Math.max(1, maxWords);
    this.minWords = Math.max(1, Math.min(minWords, this.maxWords));
  }

  Result structure(String reportId, DocBuilder doc) {
    String text = doc.text();
    List<DocBuilder.Heading> headings = doc.headings();
    List<Block> blocks = doc.blocks();

    Slugger slugger = new Slugger();
    for (DocBuilder.Heading h : headings) {
      if (h.sourceId() != null) {
        slugger.reserve(h.sourceId());
      }
    }
    java.util.Set<String> sourceIdsUsed = new java.util.HashSet<>();

    List<Section> sections = new ArrayList<>();
    List<Integer> bodyStarts = new ArrayList<>();
    int firstHeadingStart = headings.isEmpty() ? text.length() : headings.get(0).start();
    boolean preambleHasBody = blocks.stream().anyMatch(b -> b.start() < firstHeadingStart);
    if (preambleHasBody) {
      sections.add(new Section(0, 0, "", List.of(), "", 0, firstHeadingStart));
      bodyStarts.add(0);
    }
    Deque<DocBuilder.Heading> stack = new ArrayDeque<>();
    for (int i = 0; i < headings.size(); i++) {
      DocBuilder.Heading h = headings.get(i);
      while (!stack.isEmpty() && stack.peekLast().level() >= h.level()) {
        stack.removeLast();
      }
      stack.addLast(h);
      List<String> path = stack.stream().map(DocBuilder.Heading::text).toList();
      String anchor;
      boolean fromSource = h.sourceId() != null && sourceIdsUsed.add(h.sourceId());
      if (fromSource) {
        anchor = h.sourceId();
      } else {
        anchor = slugger.unique(h.text());
      }
      int end = i + 1 < headings.size() ? headings.get(i + 1).start() : text.length();
      sections.add(
          new Section(
              sections.size(), h.level(), h.text(), path, anchor, h.start(), end, fromSource));
      bodyStarts.add(h.end());
    }

    List<Passage> passages = new ArrayList<>();
    int blockIndex = 0;
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      List<Unit> units = new ArrayList<>();
      while (blockIndex < blocks.size() && blocks.get(blockIndex).start() < section.end()) {
        Block b = blocks.get(blockIndex++);
        if (b.start() >= bodyStarts.get(s)) {
          split(text, b, units);
        }
      }
      for (List<Unit> group : pack(units)) {
        Unit first = group.get(0);
        Unit last = group.get(group.size() - 1);
        String body = text.substring(first.start(), last.end());
        if (first.kind() == Kind.TABLE_ROW && first.tableHeader() != null) {
          body = first.tableHeader() + "\n" + body;
        }
        if (body.isBlank()) {
          continue;
        }
        int ordinal = passages.size();
        passages.add(
            new Passage(
                Passage.idOf(reportId, ordinal),
                reportId,
                ordinal,
                section.ordinal(),
                section.headingPath(),
                section.anchor(),
                body,
                first.start(),
                last.end()));
      }
    }
    return new Result(sections, passages);
  }

  private List<List<Unit>> pack(List<Unit> units) {
    List<List<Unit>> out = new ArrayList<>();
    List<Unit> cur = new ArrayList<>();
    int words = 0;
    for (Unit u : units) {
      if (!cur.isEmpty() && words + u.words() > maxWords) {
        List<Unit> carry = new ArrayList<>();
        Unit last = cur.get(cur.size() - 1);
        if (last.kind() == Kind.TABLE_HEADER && cur.size() > 1) {
          cur.remove(cur.size() - 1);
          carry.add(last);
        }
        out.add(cur);
        cur = carry;
        words = carry.stream().mapToInt(Unit::words).sum();
      }
      if (cur.isEmpty() && u.kind() == Kind.TABLE_ROW && u.tableHeader() != null) {
        words +=
            countWords(u.tableHeader(), 0, u.tableHeader().length()); // the repeated header row
      }
      cur.add(u);
      words += u.words();
      if (words >= minWords && u.kind() != Kind.TABLE_HEADER) {
        out.add(cur);
        cur = new ArrayList<>();
        words = 0;
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    if (out.size() >= 2) {
      List<Unit> tail = out.get(out.size() - 1);
      List<Unit> prev = out.get(out.size() - 2);
      int tailWords =
          tail.stream().mapToInt(Unit::words).sum(); // without a repeated header: it goes away
      int prevWords = prev.stream().mapToInt(Unit::words).sum();
      if (tailWords < minWords && prevWords + tailWords <= maxWords) {
        prev.addAll(tail);
        out.remove(out.size() - 1);
      }
    }
    return out;
  }

  /** Cuts one block into units of at most maxWords words where it can. */
  private void split(String text, Block b, List<Unit> out) {
    int words = countWords(text, b.start(), b.end());
    if (words <= maxWords) {
      out.add(new Unit(b.start(), b.end(), words, b.kind(), b.group(), b.tableHeader()));
      return;
    }
    List<int[]> pieces = new ArrayList<>();
    if (text.substring(b.start(), b.end()).indexOf('\n') >= 0) {
      int lineStart = b.start();
      for (int i = b.start(); i <= b.end(); i++) {
        if (i == b.end() || text.charAt(i) == '\n') {
          if (i > lineStart) {
            pieces.add(new int[] {lineStart, i});
          }
          lineStart = i + 1;
        }
      }
    } else {
      pieces.add(new int[] {b.start(), b.end()});
    }
    for (int[] p : pieces) {
      int w = countWords(text, p[0], p[1]);
      if (w <= maxWords) {
        out.add(new Unit(p[0], p[1], w, b.kind(), b.group(), b.tableHeader()));
      } else {
        splitSentences(text, p[0], p[1], b, out);
      }
    }
  }

  private void splitSentences(String text, int start, int end, Block b, List<Unit> out) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    String part = text.substring(start, end);
    it.setText(part);
    int s = it.first();
    for (int e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
      int a = start + s;
      int z = start + e;
      while (z > a && Character.isWhitespace(text.charAt(z - 1))) {
        z--;
      }
      if (z <= a) {
        continue;
      }
      int w = countWords(text, a, z);
      if (w <= maxWords) {
        out.add(new Unit(a, z, w, b.kind(), b.group(), b.tableHeader()));
      } else {
        splitWords(text, a, z, b, out);
      }
    }
  }

  private void splitWords(String text, int start, int end, Block b, List<Unit> out) {
    int pieceStart = -1;
    int count = 0;
    int lastWordEnd = start;
    int i = start;
    while (i < end) {
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= end) {
        break;
      }
      if (pieceStart < 0) {
        pieceStart = i;
      }
      i = wordEnd(text, i, end);
      lastWordEnd = i;
      count++;
      if (count == maxWords) {
        out.add(new Unit(pieceStart, lastWordEnd, count, b.kind(), b.group(), b.tableHeader()));
        pieceStart = -1;
        count = 0;
      }
    }
    if (count > 0) {
      out.add(new Unit(pieceStart, lastWordEnd, count, b.kind(), b.group(), b.tableHeader()));
    }
  }

  /**
   * Where the word starting at {@code i} ends: after one character of a script without spaces, else
   * at the next space or such character.
   */
  private static int wordEnd(String text, int i, int end) {
    int cp = text.codePointAt(i);
    if (withoutSpaces(cp)) {
      return Math.min(end, i + Character.charCount(cp));
    }
    int j = i;
    while (j < end) {
      int c = text.codePointAt(j);
      if (Character.isWhitespace(c) || withoutSpaces(c)) {
        break;
      }
      j += Character.charCount(c);
    }
    return j;
  }

  /**
   * True for a character of a script written without spaces between words, where a character is a
   * word.
   */
  static boolean withoutSpaces(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
      default -> false;
    };
  }

  /**
   * Words in {@code text[start, end)}: space-separated runs, each character of a script without
   * spaces alone.
   */
  static int countWords(String text, int start, int end) {
    int count = 0;
    int i = start;
    while (i < end) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      i = wordEnd(text, i, end);
      count++;
    }
    return count;
  }
}
