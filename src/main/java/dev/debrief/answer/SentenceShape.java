package dev.debrief.answer;

import dev.debrief.text.LineKind;
import java.util.regex.Pattern;

/**
 * What a sentence of a report is by its form alone, for choosing what an answer may quote: a
 * statement, or "chrome" that is no statement (a heading or title line, a speaker line, a bare
 * link, a caption, a timestamp or metadata line such as "Length 26:49, watched on 2023-12-10"), and
 * whether it leans on the sentence before it ("He then showed…", "This means…") or introduces what
 * follows (a line ending in a colon).
 */
public final class SentenceShape {
  private SentenceShape() {}

  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[•\\-*+·◦▪‣]|\\d{1,3}[.)]|\\[[ xX]?])\\s+");
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern LEANS_BACK =
      Pattern.compile(
          "^(?:He|She|They|It|His|Her|Their|Its|This|These|"
              + "That|Those|Also|But|However|Instead|Then|So|And|Or|Yet|Still|Otherwise|Specifically|Finally|Lastly|"
              + "Moreover|Furthermore|In addition|In fact|For example|For instance|As a result|Which|Here|There|"
              + "The (?:first|second|third|fourth|last|other)|First of all|Firstly|Secondly|Second|Third|Next)\\b");

  /** Openings that need the sentence before to be understood: a pronoun whose referent it holds. */
  private static final Pattern NEEDS_REFERENT =
      Pattern.compile(
          "^(?:He|She|They|It|His|Her|Their|Its|This|" + "These|That|Those|Which|Here|There)\\b");

  private static final Pattern CAPTION =
      Pattern.compile(
          "(?i)^(?:image|photo|picture|figure|fig\\.|source|credit|credits|caption|screenshot|video|slides?)"
              + "(?:\\s*\\d+)?\\s*[:\\-–]");
  private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b");
  private static final Pattern METADATA_WORD =
      Pattern.compile(
          "(?i)\\b(?:length|duration|runtime|watched|"
              + "recorded|posted|published|updated|last modified|reading time|min read|minutes?|edt|est|pdt|pst|utc|gmt|"
              + "am|pm|mon|tue|wed|thu|fri|sat|sun)\\b");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");

  /**
   * Longest line read as a heading or label rather than a statement, in words: talk lines such as
   * "Arnout Kazemier - @3rdEden - Taking the Suck out of WebSuckets" run to a dozen words
   * (../shared reports 31, 35).
   */
  static final int LABEL_WORDS = 14;

  /** A rating line of its own: "5/5", "3.5 / 5", "8 out of 10", "★★★☆☆", "4 stars". */
  private static final Pattern RATING =
      Pattern.compile(
          "(?i)^\\s*(?:\\d+(?:[.,]\\d+)?\\s*(?:/|out of)\\s*\\d+|[★☆]{3,}|\\d+(?:[.,]\\d+)?\\s*stars?)"
              + "\\s*[.!]?\\s*$");

  /**
   * True for a line that is only a rating ("5/5" under a talk's paragraph): the author's verdict on
   * what was just said, not chrome although it has no letters.
   */
  public static boolean rating(String sentence) {
    return RATING.matcher(withoutBullet(sentence)).matches();
  }

  /** True for a list item line ("• …", "1. …", "[ ] …"). */
  public static boolean bullet(String sentence) {
    return BULLET.matcher(sentence).find();
  }

  /** The sentence without a leading bullet or checkbox. */
  public static String withoutBullet(String sentence) {
    return BULLET.matcher(sentence).replaceFirst("").strip();
  }

  /**
   * True when the sentence is no statement an answer could quote: nothing but a link, no letters (a
   * rating such as "5/5" excepted), a caption, a timestamp or metadata line, or a short label line
   * (a heading, a talk title, a speaker line) that is not a list item: in notes, a short item ("•
   * Header compression") is the author's point.
   */
  public static boolean chrome(String sentence) {
    String s = withoutBullet(sentence);
    if (rating(s)) {
      return false;
    }
    String withoutLinks = URL.matcher(s).replaceAll(" ").strip();
    if (withoutLinks.codePoints().noneMatch(Character::isLetter)) {
      return true;
    }
    int words = words(withoutLinks);
    if (words <= 2 && URL.matcher(s).find()) {
      return true;
    }
    if (CAPTION.matcher(s).find() && words <= 12) {
      return true;
    }
    if (CLOCK.matcher(s).find() && METADATA_WORD.matcher(s).find() && words <= 14) {
      return true;
    }
    return !bullet(sentence) && label(withoutLinks);
  }

  /**
   * A heading-like line: at most {@link #LABEL_WORDS} words, no closing sentence punctuation, and
   * most of its longer words capitalised ("Keynote (Wednesday)", "Guido Van Rossum, BDFL", "Lazy
   * Java - Mario Fusco"), or a line of two words or fewer with no verb-like ending.
   */
  static boolean label(String s) {
    String t = s.strip();
    if (t.isEmpty() || t.matches("(?s).*[.!?;][\"”’)\\]]?$")) {
      return false;
    }
    int words = words(t);
    if (words > LABEL_WORDS) {
      return false;
    }
    int longWords = 0;
    int capitalised = 0;
    var m = WORD.matcher(t);
    while (m.find()) {
      String w = m.group();
      if (w.length() > 3) {
        longWords++;
        if (Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0))) {
          capitalised++;
        }
      }
    }
    return longWords > 0 && capitalised * 3 >= longWords * 2 || t.endsWith(":") && words <= 4;
  }

  /** True when the sentence leans on the one before it: it opens with a pronoun or a connective. */
  public static boolean leansBack(String sentence) {
    return LEANS_BACK.matcher(withoutBullet(sentence)).find();
  }

  /**
   * True when the sentence opens with a pronoun whose referent is in the sentence before ("She
   * then…").
   */
  public static boolean needsReferent(String sentence) {
    return NEEDS_REFERENT.matcher(withoutBullet(sentence)).find();
  }

  /**
   * True for a sub-topic label in notes: a short label line (at most four words, no link, no
   * handle, no person's name, no bare link label such as "YouTube" or "Slides") that heads the
   * lines after it ("Recommendations", "Header compression").
   */
  public static boolean subLabel(String sentence) {
    String s = withoutBullet(sentence);
    return !bullet(sentence)
        && label(s)
        && words(s) <= 4
        && !URL.matcher(s).find()
        && !s.contains("@")
        && !s.contains(" - ")
        && LineKind.of(s) != LineKind.CAPTION;
  }

  /** A small count of things, as a sentence announcing them words it. */
  private static final String COUNT = "(?:two|three|four|five|a few|several|a couple of)";

  /**
   * A short sentence that announces a count of things the next sentences give ("Two gripes come to
   * mind, however.", "There were three highlights.", "Here are a few takeaways.").
   */
  private static final Pattern ANNOUNCES =
      Pattern.compile(
          "(?i)^(?:(?:there (?:were|are)|here are|i have|i had)\\s+"
              + COUNT
              + "\\s+[\\p{L}-]+s\\b[^,;]*"
              + "|"
              + COUNT
              + "\\s+[\\p{L}-]+s\\s+(?:come to mind|came to mind|stood out|stand out|follow"
              + "|are worth|were worth)\\b.*)[.!]$");

  /** Most words of a sentence that announces what follows. */
  private static final int ANNOUNCE_MAX_WORDS = 9;

  /**
   * True when the sentence introduces what follows: it ends with a colon, or it announces a count
   * of things in a few words ({@link #ANNOUNCES}).
   */
  public static boolean introduces(String sentence) {
    String s = withoutBullet(sentence);
    return s.endsWith(":") || words(s) <= ANNOUNCE_MAX_WORDS && ANNOUNCES.matcher(s).matches();
  }

  /** Number of words (letters or digits). */
  public static int words(String s) {
    int n = 0;
    var m = WORD.matcher(s);
    while (m.find()) {
      n++;
    }
    return n;
  }
}
