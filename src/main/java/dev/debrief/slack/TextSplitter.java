package dev.debrief.slack;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts mrkdwn text into pieces that fit Slack's limits (a section's text is at most 3,000
 * characters, https://api.slack.com/reference/block-kit/blocks#section). Cuts prefer a paragraph
 * break, then a line break, then a space; a piece is cut mid-word only when a word is longer than
 * the limit. A cut never falls inside a surrogate pair, an emoji sequence (ZWJ, variation
 * selectors, skin-tone modifiers, keycaps, tags, flag pairs), before a combining mark, inside an
 * escaped entity such as {@code &amp;}, or inside a {@code <link|label>}. Lengths are counted in
 * UTF-16 units, which is never less than Slack's character count.
 */
public final class TextSplitter {
  private TextSplitter() {}

  /**
   * Splits {@code text} into non-empty pieces of at most {@code max} UTF-16 units (max at least
   * 16).
   */
  public static List<String> split(String text, int max) {
    if (max < 16) {
      throw new IllegalArgumentException("max must be >= 16, got " + max);
    }
    List<String> out = new ArrayList<>();
    String rest = text == null ? "" : text.strip();
    while (rest.length() > max) {
      int cut = findCut(rest, max);
      String piece = rest.substring(0, cut).stripTrailing();
      if (!piece.isEmpty()) {
        out.add(piece);
      }
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  static int findCut(String s, int max) {
    int floor = max / 3;
    for (String sep : new String[] {"\n\n", "\n", " "}) {
      int i = s.lastIndexOf(sep, max - sep.length());
      while (i >= floor) {
        int cut = i + sep.length();
        if (cut <= max && isSafe(s, cut, true)) {
          return cut;
        }
        i = s.lastIndexOf(sep, i - 1);
      }
    }
    for (int cut = max; cut > 0; cut--) {
      if (isSafe(s, cut, true)) {
        return cut;
      }
    }
    for (int cut = max; cut > 0; cut--) {
      if (isSafe(s, cut, false)) {
        return cut;
      }
    }
    return max;
  }

  /** True when cutting {@code s} before index {@code i} keeps every character and emoji whole. */
  static boolean isSafe(String s, int i, boolean markup) {
    if (i <= 0 || i >= s.length()) {
      return true;
    }
    char before = s.charAt(i - 1);
    char at = s.charAt(i);
    if (Character.isHighSurrogate(before) && Character.isLowSurrogate(at)) {
      return false;
    }
    int prevCp = s.codePointBefore(i);
    int cp = s.codePointAt(i);
    if (prevCp == 0x200D || cp == 0x200D) {
      return false;
    }
    if ((cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF)
        || cp == 0x20E3
        || (cp >= 0xE0020 && cp <= 0xE007F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)) {
      return false;
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      return false;
    }
    if (isRegionalIndicator(cp) && isRegionalIndicator(prevCp)) {
      int count = 0;
      int j = i;
      while (j > 0 && isRegionalIndicator(s.codePointBefore(j))) {
        count++;
        j -= Character.charCount(s.codePointBefore(j));
      }
      if (count % 2 == 1) {
        return false;
      }
    }
    if (markup) {
      int amp = s.lastIndexOf('&', i - 1);
      if (amp >= 0 && i - amp <= 8 && s.indexOf(';', amp) >= i && s.indexOf(';', amp) - amp <= 8) {
        return false;
      }
      int open = s.lastIndexOf('<', i - 1);
      if (open >= 0 && s.lastIndexOf('>', i - 1) < open && s.indexOf('>', open) >= i) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }
}
