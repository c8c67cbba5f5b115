package dev.debrief.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms a sentence is matched on: its analyzed terms, plus {@link #NUMBER} when it holds a
 * number the question does not already hold and {@link #SELF} when its author speaks in the first
 * person.
 */
final class LineTerms {
  private LineTerms() {}

  /**
   * A pseudo-term for "holds a number", which no analyzed word can equal (analyzed terms have no
   * "#"): it answers a question's "stats", "how many", "what share".
   */
  static final String NUMBER = "#number";

  /**
   * A pseudo-term for "the author speaks here" (a first-person sentence: I, my, we): a question
   * naming the report's author ("what did Logan get wrong?") is answered by what the author says of
   * themselves.
   */
  static final String SELF = "#self";

  private static final Pattern FIRST_PERSON =
      Pattern.compile(
          "\\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|My|" + "me|mine|we|We|our|Our|us)\\b");

  /**
   * A word ("1,200", "24x", "v2", "Kubernetes"); possessive, so a line of thousands of letters is
   * matched in linear time. {@link #numerals} keeps those with a digit.
   */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N},.]*+");

  /**
   * A time of day ("9:27", "10:30"): when something happened, not how many, how long or how big.
   */
  private static final Pattern CLOCK_TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");

  /**
   * The numerals of {@code text} (words that open with a digit; times of day left out),
   * lower-cased, without thousands separators or a closing period ("1,200." → "1200").
   */
  static Set<String> numerals(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(CLOCK_TIME.matcher(text).replaceAll(" "));
    while (m.find()) {
      if (!Character.isDigit(m.group().codePointAt(0))) {
        continue; // "tc39qs", "K8s", "P3149R10": names with digits, not quantities
      }
      String n = m.group().replace(",", "").toLowerCase(Locale.ROOT);
      while (n.endsWith(".")) {
        n = n.substring(0, n.length() - 1);
      }
      out.add(n);
    }
    return out;
  }

  /**
   * The terms of a sentence.
   *
   * @param analyzed the sentence's analyzed terms
   * @param sentence the sentence
   * @param given numerals the question itself holds ({@link #numerals}): "2024" in "how many
   *     attendees did EuroPython 2024 have?" is not an answer to it
   */
  static Set<String> of(List<String> analyzed, String sentence, Set<String> given) {
    Set<String> out = new HashSet<>(analyzed);
    if (!given.containsAll(numerals(sentence))) {
      out.add(NUMBER);
    }
    if (FIRST_PERSON.matcher(sentence).find()) {
      out.add(SELF);
    }
    return out;
  }

  /** Number words that state an amount without a digit ("six predicates", "a dozen", "free"). */
  private static final Pattern NUMBER_WORD =
      Pattern.compile(
          "(?i)\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
              + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
              + "|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?"
              + "|half|free)\\b");

  /**
   * Whether {@code text} states a figure: a numeral ({@link #numerals}) or a number word.
   *
   * @param text a sentence
   */
  static boolean holdsFigure(String text) {
    return !numerals(text).isEmpty() || NUMBER_WORD.matcher(text).find();
  }

  /**
   * A figure next to people: "1500 attendees", "70 people were there", "attendance of 1,200", "sold
   * out at 3,000 tickets" (the figure within {@link #PEOPLE_WINDOW} words of a word for people or
   * their coming).
   */
  private static final Pattern PEOPLE_WORD =
      Pattern.compile(
          "(?i)^(?:people|ppl|folks|persons|attendees?|attendance|attended|participants?"
              + "|visitors|developers|devs|hackers|viewers|registrations|registrants|registered"
              + "|signups|tickets|crowd|audience|humans|strong|community|members)$");

  /** Most words between a figure and the word for people it counts (measured: "1500 attendees"). */
  static final int PEOPLE_WINDOW = 4;

  /**
   * Whether {@code text} counts people: a figure ({@link #holdsFigure}) within {@link
   * #PEOPLE_WINDOW} words of a word for people ({@link #PEOPLE_WORD}).
   *
   * @param text a sentence
   */
  static boolean countsPeople(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(CLOCK_TIME.matcher(text).replaceAll(" "));
    while (m.find()) {
      words.add(m.group().replaceAll("[,.]+$", ""));
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (!Character.isDigit(w.codePointAt(0)) && !NUMBER_WORD.matcher(w).matches()) {
        continue;
      }
      int to = Math.min(words.size() - 1, i + PEOPLE_WINDOW);
      for (int j = Math.max(0, i - PEOPLE_WINDOW); j <= to; j++) {
        if (PEOPLE_WORD.matcher(words.get(j)).matches()) {
          return true;
        }
      }
    }
    return false;
  }
}
