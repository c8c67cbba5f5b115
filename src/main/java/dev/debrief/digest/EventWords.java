package dev.debrief.digest;

import dev.debrief.text.EventNameWords;
import dev.debrief.text.ReportExtensions;
import dev.debrief.text.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words {@link EventMatcher} compares: lower-cased tokens split at dots, apostrophes and
 * dashes, canonicalised (Europe/European → eu, North America → na, USA/United States → us, cpp →
 * c++), adjacent words also joined ("re" + "invent", "strange" + "loop"), noise words
 * ("conference", "notes", file extensions) and short numbers left out.
 */
final class EventWords {
  private EventWords() {}

  /** Longest text read for words (a pasted essay names no event). */
  private static final int MAX_TEXT_CHARS = 2000;

  /** A year ({@link EventNameWords#YEAR}). */
  static final Pattern YEAR = EventNameWords.YEAR;

  /** Words left out: those that name no event, summary verbs and report file extensions. */
  private static final Set<String> NOISE =
      Stream.of(
              EventNameWords.NOT_A_NAME,
              Set.of("summary", "summarize", "summarise"),
              Set.copyOf(ReportExtensions.ALL))
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  private static final Map<String, String> CANON =
      Map.ofEntries(
          Map.entry("europe", "eu"),
          Map.entry("european", "eu"),
          Map.entry("emea", "eu"),
          Map.entry("usa", "us"),
          Map.entry("america", "na"),
          Map.entry("northamerica", "na"),
          Map.entry("unitedstates", "us"),
          Map.entry("cpp", "c++"),
          Map.entry("cplusplus", "c++"),
          Map.entry("k8s", "kubernetes"),
          Map.entry("cncf", "cloudnativecon"));

  /**
   * Canonical words of {@code text}, plus joins of adjacent words ("re" + "invent"), noise words
   * removed.
   */
  static Set<String> canonical(String text) {
    List<String> raw = new ArrayList<>();
    for (String w :
        Tokens.words(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text)) {
      for (String part : w.split("[.'’\\-]+")) {
        if (part.length() > 1 && !part.matches("\\d{1,3}")) { // "2" in "Day 2" names nothing
          raw.add(part);
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String w = raw.get(i);
      if (i + 1 < raw.size()) {
        String joined = w + raw.get(i + 1);
        if (CANON.containsKey(joined)) {
          out.add(CANON.get(joined));
          i++;
          continue;
        }
        if (!NOISE.contains(w)
            && !NOISE.contains(raw.get(i + 1))
            && !YEAR.matcher(w).matches()
            && !YEAR.matcher(raw.get(i + 1)).matches()) {
          out.add(joined);
        }
      }
      if (w.equals("north") && i + 1 < raw.size() && raw.get(i + 1).equals("america")) {
        continue;
      }
      if (!NOISE.contains(w)) {
        out.add(CANON.getOrDefault(w, w));
      }
    }
    return out;
  }

  /** A file name without folder and extension, dashes and underscores as spaces. */
  static String fileStem(String source) {
    String s = source == null ? "" : source;
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    s = s.substring(slash + 1);
    int dot = s.lastIndexOf('.');
    return (dot > 0 ? s.substring(0, dot) : s).replace('-', ' ').replace('_', ' ');
  }

  /**
   * True when {@code a} becomes {@code b} with at most two single-character insertions, deletions
   * or substitutions (Levenshtein distance, V. I. Levenshtein 1966), and the edits are few for the
   * word's length: one edit for words under eight letters, two from eight on.
   */
  static boolean withinTwoEdits(String a, String b) {
    int allowed = Math.min(a.length(), b.length()) >= 8 ? 2 : 1;
    if (Math.abs(a.length() - b.length()) > allowed || a.equals(b)) {
      return false;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > allowed) {
        return false;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] <= allowed;
  }
}
