package dev.debrief.cite;

import dev.debrief.text.StopWords;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a claim is checked by in {@link CitationVerifier}: its content words, lower-cased and
 * lightly stemmed, and its salient names and acronyms ("RBAC", "gRPC", "Red Hat"), which a passage
 * must hold for the claim to be about the same thing.
 */
final class ClaimTerms {
  private ClaimTerms() {}

  /**
   * Acronyms and names written with capitals inside a sentence: RBAC, gRPC, WG21, Helm, Red Hat.
   */
  static final Pattern SALIENT =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:\\p{Lu}{2,}[\\p{L}\\p{N}]*|\\p{Ll}+\\p{Lu}[\\p{L}\\p{N}]*|\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}])");

  /** Salient names of a claim (not its first word), as terms. */
  static Set<String> salient(String claim) {
    Set<String> out = new HashSet<>();
    Matcher m = SALIENT.matcher(claim);
    String lead = claim.strip();
    int firstWordEnd =
        lead.isEmpty()
            ? 0
            : claim.indexOf(lead) + Math.max(1, lead.split("[\\s,:;]", 2)[0].length());
    while (m.find()) {
      boolean capitalisedWord =
          Character.isUpperCase(m.group().charAt(0))
              && m.group().substring(1).chars().allMatch(Character::isLowerCase);
      if (capitalisedWord && (m.start() < firstWordEnd || afterBoundary(claim, m.start()))) {
        continue; // sentence-initial capital, not a name
      }
      for (String t : terms(m.group())) {
        out.add(t);
      }
    }
    return out;
  }

  static boolean afterBoundary(String s, int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    return i >= 0 && ".!?:;\"“(".indexOf(s.charAt(i)) >= 0;
  }

  static boolean contains(Set<String> terms, String t) {
    if (terms.contains(t)) {
      return true;
    }
    if (t.length() >= 6 && !t.chars().anyMatch(Character::isDigit)) {
      String prefix = t.substring(0, 6);
      for (String p : terms) {
        if (p.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Content words, lower-cased and lightly stemmed; numbers keep digits ("5,000" becomes "5000").
   */
  static Set<String> terms(String text) {
    String t =
        text.toLowerCase(Locale.ROOT)
            .replaceAll("(?<=\\d)[,_](?=\\d{3})", "")
            .replace("’", "'")
            .replaceAll("'s\\b", "");
    Set<String> out = new HashSet<>();
    for (String w : t.split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty()
          || StopWords.CLAIM.contains(w)
          || (w.length() < 2 && !Character.isDigit(w.charAt(0)))) {
        continue;
      }
      out.add(stem(w));
    }
    return out;
  }

  static String stem(String w) {
    if (w.chars().anyMatch(Character::isDigit)) {
      return w;
    }
    String s = w;
    if (s.length() > 4 && s.endsWith("ies")) {
      s = s.substring(0, s.length() - 3) + "y";
    } else if (s.length() > 3
        && s.endsWith("s")
        && !s.endsWith("ss")
        && !s.endsWith("us")
        && !s.endsWith("is")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() > 5 && s.endsWith("ing")) {
      s = s.substring(0, s.length() - 3);
    } else if (s.length() > 4 && s.endsWith("ed")) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }
}
