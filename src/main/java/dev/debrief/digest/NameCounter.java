package dev.debrief.digest;

import dev.debrief.text.PersonNames;
import dev.debrief.text.StopWords;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and counts the names in a text for {@link ThemeNamer}: products, projects, people, written
 * with capitals, digits or symbols ("Aurora Limitless", "gRPC", "Maria Okafor"). URLs and handles
 * are skipped; a run of only common capitalised words ("The", "Keynote", "Monday"), stop words,
 * excluded words or numbers names nothing; a word that only opens the sentence is dropped.
 */
final class NameCounter {
  private NameCounter() {}

  /**
   * A capitalised run of up to four words, or one word with an inner capital, a digit or a symbol.
   */
  private static final Pattern NAME =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}/])(?:\\p{Lu}[\\p{L}\\p{N}+#.'’/\\-]*|[\\p{Ll}\\p{N}]+\\p{Lu}[\\p{L}\\p{N}]*|\\p{L}+\\d[\\p{L}\\p{N}]*)"
              + "(?:[ \\t](?:\\p{Lu}[\\p{L}\\p{N}+#'’\\-]*|\\d[\\p{L}\\p{N}.]*)){0,4}");

  private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])[@#]\\w+");
  private static final Pattern URL =
      Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\S+\\.(?:com|org|net|io)/\\S*");
  private static final Set<String> COMMON_CAPITALS =
      Set.of(
          "i",
          "i'm",
          "i’m",
          "i've",
          "i’ve",
          "i'd",
          "i’d",
          "i'll",
          "i’ll",
          "ok",
          "tl",
          "dr",
          "q",
          "a",
          "the",
          "this",
          "that",
          "it",
          "we",
          "you",
          "they",
          "he",
          "she",
          "my",
          "our",
          "in",
          "on",
          "at",
          "for",
          "and",
          "but",
          "so",
          "if",
          "when",
          "what",
          "why",
          "how",
          "also",
          "then",
          "there",
          "here",
          "yes",
          "no",
          "not",
          "note",
          "notes",
          "edit",
          "update",
          "day",
          "keynote",
          "keynotes",
          "talk",
          "talks",
          "session",
          "sessions",
          "conference",
          "summary",
          "conclusion",
          "intro",
          "introduction",
          "takeaways",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "youtube",
          "video",
          "slides",
          "twitter",
          "blog",
          "thanks",
          "great",
          "good",
          "nice",
          "new",
          "next",
          "first",
          "last",
          "one",
          "two",
          "three",
          "some",
          "all",
          "it's",
          "that's",
          "there's",
          "here's",
          "let's",
          "breakout",
          "ceo",
          "cto",
          "cio",
          "cfo",
          "coo",
          "vp",
          "svp",
          "evp",
          "pm",
          "mr",
          "ms",
          "prof",
          "faq",
          "ps",
          "todo",
          "wow",
          "lol",
          "omg",
          "announcing",
          "introducing",
          "launching",
          "announced",
          "introduced",
          "launched");

  /**
   * Counts the names of {@code text} (lower-cased keys; the most frequent spelling kept in {@code
   * surface}).
   */
  static void count(
      String text,
      int weight,
      Map<String, Double> tf,
      Set<String> inPassage,
      Map<String, String> surface,
      Set<String> excluded) {
    for (String line :
        HANDLE.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ").split("\n")) {
      Matcher m = NAME.matcher(line);
      while (m.find()) {
        String phrase = trim(m.group(), line, m.start());
        if (phrase.isEmpty()) {
          continue;
        }
        String key = phrase.toLowerCase(Locale.ROOT);
        boolean allExcluded = true;
        for (String w : key.split(" ")) {
          boolean parts = true;
          for (String part : w.split("[.\\-]")) {
            parts &= part.isEmpty() || excluded.contains(part) || part.matches("\\d+");
          }
          allExcluded &=
              parts
                  || excluded.contains(w)
                  || COMMON_CAPITALS.contains(w)
                  || StopWords.TOPIC.contains(w)
                  || PersonNames.notAName(w)
                  || w.matches("[\\d.,:\\-]+|\\d+(?:st|nd|rd|th)|ja|en|de|fr|es|pt|zh|ko");
        }
        if (allExcluded || key.length() < 2 || key.matches("[\\d.\\- ]+")) {
          continue;
        }
        tf.merge(key, (double) weight, Double::sum);
        inPassage.add(key);
        surface.putIfAbsent(key, phrase);
      }
    }
  }

  /**
   * Drops a phrase's leading word when it only opens the sentence ("The", "When"), closing pronouns
   * ("I"), a possessive ("Acme's") and trailing punctuation.
   */
  private static String trim(String phrase, String line, int at) {
    String p = phrase.replaceAll("[.'’/\\-]+$", "").replaceAll("['’]s$", "").strip();
    String[] ws = p.split(" ");
    int to = ws.length;
    while (to > 1 && ws[to - 1].matches("I(?:['’](?:m|d|ve|ll))?")) {
      to--; // "Whenever I": a pronoun closing the run is no part of a name
    }
    ws = java.util.Arrays.copyOf(ws, to);
    boolean opensSentence =
        at == 0 || line.substring(0, at).matches("(?s).*(?:[.!?:•\\-*]|^)\\s*$");
    int from = 0;
    while (from < ws.length
        && (COMMON_CAPITALS.contains(ws[from].toLowerCase(Locale.ROOT))
            || opensSentence && from == 0 && ws.length == 1 && !hasInnerShape(ws[0]))) {
      from++;
    }
    return String.join(" ", java.util.Arrays.asList(ws).subList(from, ws.length)).strip();
  }

  /** A capital past the first letter, a digit or a symbol: gRPC, K8s, C++. */
  private static boolean hasInnerShape(String w) {
    return w.codePoints().skip(1).anyMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch))
        || w.contains("+")
        || w.contains("#");
  }
}
