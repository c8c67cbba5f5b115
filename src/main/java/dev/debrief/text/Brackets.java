package dev.debrief.text;

/**
 * Brackets, markup and quotes left open or closed without opening, a {@link StandAlone} fragment: a
 * piece of a sentence the splitter cut inside a quotation or parenthesis.
 */
final class Brackets {
  private Brackets() {}

  /**
   * The bracket or quote that opens without closing or closes without opening — a piece of a
   * sentence the splitter cut inside a quotation or parenthesis — or null.
   */
  static String unbalanced(String s) {
    int round = 0;
    int square = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        round++;
      } else if (c == ')') {
        if (--round < 0 && !(i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && i < 4)) {
          return "\")\"";
        }
      } else if (c == '[') {
        square++;
      } else if (c == ']') {
        square--;
      }
    }
    if (round > 0) {
      return "\"(\"";
    }
    // markup such as "<!here>" or "<b>": an opening "<" glued to a word, a closing ">" glued to one
    long opens = java.util.regex.Pattern.compile("<(?=[\\p{L}!@/#])").matcher(s).results().count();
    long closes =
        java.util.regex.Pattern.compile("(?<=[\\p{L}\\p{N}\"'/])>").matcher(s).results().count();
    if (opens != closes) {
      return "\"<\"";
    }
    if (square != 0) {
      return "\"[\"";
    }
    long straight = s.chars().filter(ch -> ch == '"').count();
    long open = s.chars().filter(ch -> ch == '“').count();
    long close = s.chars().filter(ch -> ch == '”').count();
    if (straight % 2 == 1 || open != close && open + close > 0 && straight == 0) {
      return "quote";
    }
    return null;
  }
}
