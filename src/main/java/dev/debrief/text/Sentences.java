package dev.debrief.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits passage text into sentences: each line (list item, table row, paragraph) separately, then
 * {@link BreakIterator#getSentenceInstance(Locale)} rules (Unicode UAX #29) within a line. The one
 * sentence splitter for passage text, used by answers and digests. Two other splitters have jobs of
 * their own and stay where they are: ingest's {@code Structurer} cuts an over-long block into units
 * for passages (offsets into the whole report, no gluing), and {@code CitationVerifier} splits an
 * LLM reply while reading its {@code [n]} markers.
 */
public final class Sentences {
  private Sentences() {}

  /** One sentence with its character span in the passage text. */
  public record Span(String text, int start, int end) {}

  /** Sentences of {@code text} in order, trimmed, blank ones dropped. */
  public static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      splitLine(text, lineStart, lineEnd, out);
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return out;
  }

  private static void splitLine(String text, int from, int to, List<Span> out) {
    String line = text.substring(from, to);
    if (line.isBlank()) {
      return;
    }
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(line);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String raw = line.substring(start, end);
      String s = raw.strip();
      if (s.isEmpty()) {
        continue;
      }
      // Abbreviations such as "e.g." or "approx." would end a sentence, so would the "?" of a URL's
      // query and
      // the "!" or "?" inside a parenthesis ("(CPU?, memory?)", "1M (one million!) VMs"); glue such
      // pieces to
      // the previous one.
      boolean glued =
          !out.isEmpty()
              && out.get(out.size() - 1).end() >= from
              && (endsWithAbbreviation(out.get(out.size() - 1).text())
                  || ORDERED_MARKER.matcher(out.get(out.size() - 1).text()).matches()
                  || insideParenthesis(out.get(out.size() - 1).text())
                  || start > 0
                      && !Character.isWhitespace(line.charAt(start - 1))
                      && !Character.isWhitespace(line.charAt(start)));
      if (glued) {
        Span prev = out.remove(out.size() - 1);
        int absEnd = from + start + raw.stripTrailing().length();
        out.add(new Span(text.substring(prev.start(), absEnd), prev.start(), absEnd));
        continue;
      }
      int lead = raw.length() - raw.stripLeading().length();
      int absStart = from + start + lead;
      out.add(new Span(s, absStart, absStart + s.length()));
    }
  }

  /**
   * An ordered list's marker ("1.", "12.") that the sentence rules cut off its item as a sentence
   * of its own: it belongs to the item ("1. Continuous Delivery with Containers").
   */
  private static final java.util.regex.Pattern ORDERED_MARKER =
      java.util.regex.Pattern.compile("\\d{1,3}\\.");

  private static final java.util.regex.Pattern ABBREVIATION =
      java.util.regex.Pattern.compile(
          "(?i)(?:^|[\\s(])(?:e\\.g|i\\.e|vs|etc|approx|dr|mr|ms|mrs|no|st|cf|fig)\\.$");

  /**
   * True when {@code s} ends with a whole-word abbreviation ("e.g.", "Dr."), not merely with "no."
   * as in "Kyverno.".
   */
  static boolean endsWithAbbreviation(String s) {
    return ABBREVIATION.matcher(s).find() || MIDDLE_INITIAL.matcher(s).find();
  }

  /**
   * A name's initial after a capitalised word or another initial ("Thomas J.", "J. R.", a lone "J."
   * opening a line): the period ends the initial, not the sentence ("speaker: Thomas J. Fan" is one
   * line).
   */
  private static final java.util.regex.Pattern MIDDLE_INITIAL =
      java.util.regex.Pattern.compile(
          "^\\p{Lu}\\.$|(?:^|\\s)(?:\\p{Lu}\\p{Ll}+|\\p{Lu}\\.)\\s\\p{Lu}\\.$");

  /**
   * True when {@code s} stops inside a parenthesis or just after a "!" or "?" that closes one: the
   * break the sentence rules put there is an aside's punctuation, not the end of the sentence.
   */
  static boolean insideParenthesis(String s) {
    int open = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        open++;
      } else if (c == ')' && open > 0) {
        open--;
      }
    }
    return s.length() <= PARENTHESIS_MAX_CHARS && (open > 0 || ASIDE_END.matcher(s).find());
  }

  /**
   * Longest piece glued for an open parenthesis: a parenthesis that never closes (a typo) must not
   * turn a whole paragraph into one sentence. Chosen by hand, about two long sentences.
   */
  static final int PARENTHESIS_MAX_CHARS = 300;

  private static final java.util.regex.Pattern ASIDE_END =
      java.util.regex.Pattern.compile("[!?]+\\)$");

  /**
   * {@code body} trimmed, without the closing run of {@code . ! ? ; : ,} (and spaces between them).
   */
  public static String stripEnd(String body) {
    String b = body.strip();
    while (!b.isEmpty() && ".!?;:,".indexOf(b.charAt(b.length() - 1)) >= 0) {
      b = b.substring(0, b.length() - 1).stripTrailing();
    }
    return b;
  }
}
