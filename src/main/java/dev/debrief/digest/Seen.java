package dev.debrief.digest;

import dev.debrief.text.StopWords;
import dev.debrief.text.Tokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a brief or digest has already shown, so nothing is listed twice: a sentence equal to one
 * shown, or whose words are nearly all in one shown (one contains the other, or they share {@link
 * #NEAR_SAME} of their distinct words), is a repeat. Lexical on purpose: it must hold whatever the
 * embedding model.
 */
final class Seen {
  /**
   * Share of the smaller word set found in the other from which two statements are the same.
   * Measured over the pairs of standing statements (three or more content words) within each report
   * of ../shared/reports: the 20 pairs at 0.8 or above all repeat a statement (the same sentence
   * twice, or one inside the other); the 11 pairs from 0.7 and the 105 from 0.6 are different
   * statements sharing a product name or a subject.
   */
  static final double NEAR_SAME = 0.8;

  private final Set<String> exact = new HashSet<>();
  private final List<Set<String>> words = new ArrayList<>();

  /** True when {@code text} repeats something shown (markers and punctuation ignored). */
  boolean repeats(String text) {
    String n = normal(text);
    if (n.isEmpty() || exact.contains(n)) {
      return !n.isEmpty();
    }
    Set<String> w = wordSet(n);
    for (Set<String> other : words) {
      int small = Math.min(w.size(), other.size());
      if (small == 0) {
        continue;
      }
      int common = 0;
      for (String x : w) {
        if (other.contains(x)) {
          common++;
        }
      }
      if (common >= NEAR_SAME * small && small >= 3) {
        return true;
      }
    }
    return false;
  }

  /** Records {@code text} as shown. */
  void add(String text) {
    String n = normal(text);
    if (!n.isEmpty()) {
      exact.add(n);
      words.add(wordSet(n));
    }
  }

  /** Adds {@code text} unless it repeats something shown; true when added. */
  boolean addIfNew(String text) {
    if (repeats(text)) {
      return false;
    }
    add(text);
    return true;
  }

  static String normal(String text) {
    return Tokens.fold(text.replaceAll("\\[\\d+]", " "));
  }

  private static Set<String> wordSet(String normal) {
    Set<String> out = new HashSet<>();
    for (String w : normal.split(" ")) {
      if (w.length() > 2 && !StopWords.TOPIC.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
