package dev.debrief.answer;

import java.util.Collection;
import java.util.List;

/**
 * Spelling variants of a name's analyzed terms, so that a name typed differently from the report is
 * still found: one letter off ("caeser" / "caesar", "boykiss" / "boykis"), two off in long words,
 * or the same letters with or without a space ("AppSec" / "App Sec", "Real Time" / "Realtime").
 * Terms with digits ("1.6", "p3691") and short terms never vary: "1.6" is not "1.9", and "joe" is
 * not "jon".
 *
 * <p>The distance is the optimal string alignment variant of Damerau–Levenshtein (insertions,
 * deletions, substitutions and transpositions of adjacent letters, each counted once), as in
 * Damerau, "A technique for computer detection and correction of spelling errors", CACM 7(3), 1964.
 */
final class Spelling {
  /**
   * Shortest term that may be one edit off. Chosen by hand from the names the dev sets spell:
   * four-letter names ("Joel", "Aden") are too often another person's name one letter away.
   */
  static final int ONE_EDIT_MIN = 5;

  /** Shortest term that may be two edits off ("kubernetees"). */
  static final int TWO_EDITS_MIN = 9;

  /** Shortest part of a term split in two ("app" + "sec"). */
  static final int PART_MIN = 3;

  private Spelling() {}

  /**
   * True when {@code present} holds every term of {@code needed}, each exactly or as a variant, or
   * holds the terms written together or apart (see the class comment).
   *
   * @param present analyzed terms of a text
   * @param needed analyzed terms of a name, in order; empty gives false
   */
  static boolean holdsVariant(Collection<String> present, List<String> needed) {
    if (needed.isEmpty()) {
      return false;
    }
    if (needed.size() > 1 && present.contains(String.join("", needed))) {
      return true;
    }
    if (needed.size() == 1 && split(present, needed.get(0))) {
      return true;
    }
    for (String t : needed) {
      if (!present.contains(t) && present.stream().noneMatch(p -> variant(p, t))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code term} is two present terms written together ("appsec" from "app" and "sec").
   */
  private static boolean split(Collection<String> present, String term) {
    if (!letters(term)) {
      return false;
    }
    for (int i = PART_MIN; i <= term.length() - PART_MIN; i++) {
      if (present.contains(term.substring(0, i)) && present.contains(term.substring(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when two terms of letters only are within the edit distance their length allows: one edit
   * from {@link #ONE_EDIT_MIN} letters, two from {@link #TWO_EDITS_MIN}; the first letter must
   * agree.
   */
  static boolean variant(String a, String b) {
    int shorter = Math.min(a.length(), b.length());
    if (shorter < ONE_EDIT_MIN || a.charAt(0) != b.charAt(0) || !letters(a) || !letters(b)) {
      return false;
    }
    int allowed = shorter >= TWO_EDITS_MIN ? 2 : 1;
    return Math.abs(a.length() - b.length()) <= allowed && distance(a, b, allowed) <= allowed;
  }

  private static boolean letters(String s) {
    return s.chars().allMatch(Character::isLetter);
  }

  /**
   * Optimal string alignment distance, or {@code limit + 1} once it is certain to exceed {@code
   * limit}.
   */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
