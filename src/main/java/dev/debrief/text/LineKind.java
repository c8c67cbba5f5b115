package dev.debrief.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of line a single line of report text is, before anyone treats it as a sentence: a
 * timestamp, a caption, a metadata line, a link or code, a heading-like label, or ordinary text.
 * Meant for lines and short sentences (a paragraph is ordinary text unless it opens like one of
 * these).
 *
 * <p>Examples: {@code "Tue Mar 4 10:15:02 PST 2031"}, {@code "[09:41 AM]"} and {@code "3h"} are
 * timestamps; {@code "Photo: the main hall"} and {@code "slides"} are captions; {@code "Length
 * 41:07, watched on 2031-02-01"}, {@code "Rating: 4/5"} and {@code "Speaker: Ann Example"} are
 * metadata; {@code "Why caching matters"} and {@code "Storage Engines"} are heading-like.
 */
public enum LineKind {
  /** Ordinary text. */
  TEXT,
  /** A clock time, a date or a relative age ("3h") opening or making up the line. */
  TIMESTAMP,
  /** A picture or slide caption, or a bare link label ("slides", "video"). */
  CAPTION,
  /**
   * A label-value line about the talk or post rather than its content ("Speaker: …", "Rating 4/5").
   */
  METADATA,
  /** Mostly a URL, or a line of code. */
  LINK_OR_CODE,
  /**
   * A short label without sentence punctuation or verb: a heading, a topic marker, a headline
   * question.
   */
  HEADING_LIKE;

  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          + "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final String WEEKDAY =
      "(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?";
  private static final Pattern TIMESTAMP_LINE =
      Pattern.compile(
          "(?i)^(?:"
              + "\\[?\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\]?(?:\\s|$|[-–—,:])" // 10:07 …, [11:28 AM]
              + "|"
              + WEEKDAY
              + ",?\\s+"
              + MONTH
              + "\\.?\\s+\\d{1,2}\\b" // Sun Mar 17 …
              + "|\\d{4}-\\d{2}-\\d{2}(?:[t ]\\d{2}:\\d{2}.*)?$" // 2031-02-01
              + "|\\d{1,3}\\s?(?:s|m|h|d|w|min|mins|hrs?)$" // 16h, 1m
              + "|\\d+\\s+(?:seconds?|minutes?|hours?|days?|weeks?)\\s+ago\\b"
              + "|(?:"
              + WEEKDAY
              + ",?\\s+)?"
              + MONTH
              + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?$"
              + "|\\d{1,2}(?:st|nd|rd|th)?\\s+"
              + MONTH
              + "\\.?(?:,?\\s+\\d{4})?$"
              + "|"
              + WEEKDAY
              + "$)");
  private static final Pattern CHAT_STAMP =
      Pattern.compile("(?i)\\[\\d{1,2}:\\d{2}(?::\\d{2})?\\s*[ap]\\.?m\\.?]");

  /**
   * Residue of a pasted URL's query string ("list=PL…&amp;index=2") or of a pasted tweet ("@ann
   * 16h").
   */
  private static final Pattern RESIDUE =
      Pattern.compile("[\\w%.-]+=[\\w%.-]*&[\\w%.-]+=|(?:^|\\s)@\\w+\\s+\\d{1,2}[smhd]\\b");

  private static final Pattern CAPTION_LINE =
      Pattern.compile(
          "(?i)^(?:"
              + "(?:image|photo|picture|pic|figure|fig\\.|screenshot|screen shot|slide|credit|credits|caption|pictured|via)"
              + "\\b\\s*[:.\\-–—(]?"
              + "|(?:youtube|video|videos|slides?|slide deck|deck|recording|link|links|here|pdf|github|twitter|source|demo)"
              + "\\s*[.:!]?$"
              + "|\\[?(?:youtube|video|slides?)]?\\s*[:(\\[])");

  /**
   * A photo's description: "Inside the main hall before the keynote", "Line for the keynote.", "Me
   * at the booth".
   */
  private static final Pattern CAPTION_SCENE =
      Pattern.compile(
          "(?i)^(?:inside|outside|view from|line for|queue for|"
              + "(?:me|us) (?:at|with|in|on)|picture of|photo of|from the \\w+(?: \\w+)? (?:talk|session|keynote)\\b[,:])");

  private static final Pattern CAPTION_ANYWHERE =
      Pattern.compile(
          "(?i)\\((?:pictured|photo(?: by)?|image(?: by)?|left|right|above|below|source)\\b[^)]*\\)\\s*$");
  private static final Pattern METADATA_LINE =
      Pattern.compile(
          "(?i)^(?:"
              + "(?:speakers?|presenters?|slides|video|recording|length|duration|runtime|rating|score|room|track|level|"
              + "date|time|when|where|location|venue|tags?|categor(?:y|ies)|filed under|posted(?: on| by| in)?|published|"
              + "updated|author|written by|watched(?: on)?|read(?:ing)? time|share(?: this)?|comments?|permalink|"
              + "source|license|licence|related links?|see also|further reading)\\b\\s*(?:[:|=\\-–—]|\\d)"
              + "|length\\s+\\d|watched on\\b"
              + "|(?:posted|published|updated|written)\\s+(?:on\\s+)?(?:"
              + MONTH
              + "|\\d)"
              + "|\\d(?:\\.\\d)?\\s*/\\s*(?:5|10)\\s*(?:stars?)?\\.?$"
              + "|\\d+\\s*min(?:ute)?s?\\s+read\\b"
              + "|(?:reply|retweet|retweets|like|likes|more options|follow|subscribe|tweet|share)$"
              + "|\\S+['’]s avatar$"
              + "|(?:by|posted by)\\s+\\p{Lu}[\\p{L}.'’\\-]+(?:\\s+\\p{Lu}[\\p{L}.'’\\-]+){0,3}\\s*(?:[,|–—-]\\s*.*)?$)");
  private static final Pattern URL =
      Pattern.compile(
          "(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\b[\\w.-]+\\.(?:com|org|net|io|dev)/\\S*");
  private static final Pattern CODE =
      Pattern.compile(
          "[{};=<>]{2,}|^#include|^\\s*//|\\(\\)\\s*;|^\\s*(?:def|class|import|"
              + "public|private|return|const|let|var|func|fn)\\s+\\w+.*[({=;:]\\s*$|^\\s*[$>]\\s+\\w"
              + "|^\\s*(?:for|if|while|switch|catch)\\s*\\(.*\\)\\s*\\{?\\s*$|;.*;|\\w\\([^)]*\\)\\s*[;{]\\s*$"
              + "|^\\s*(?:\\+{3}|-{3})|\\b[a-z_]+\\s*=\\s*[\"\\[]" // TOML or YAML front matter left
              // in the body
              + "|\\)\\s*=\\s*\\S|^\\s*[/|]" // a formula, a path or a table cell
              + "|\\{:\\s*[.#]|^[a-z_][a-z0-9_-]*:\\s+\\S+$|^[a-z_][a-z0-9_-]*:\\s+[\"']"); // markup attributes, YAML
  private static final Pattern WH_HEADLINE =
      Pattern.compile("(?i)^(?:why|how|what|when|where|who)\\b.*[^.!?:;\"”’)]$");
  private static final Pattern SENTENCE_END = Pattern.compile("(?s).*[.!?:;…][\"”’)\\]]*$");

  /** The kind of {@code line} (leading list bullets and surrounding blanks are ignored). */
  public static LineKind of(String line) {
    String s = Bullets.stripBullet(line == null ? "" : line);
    if (s.isEmpty()) {
      return TEXT;
    }
    if (TIMESTAMP_LINE.matcher(s).find() || CHAT_STAMP.matcher(s).find()) {
      return TIMESTAMP;
    }
    if (CAPTION_LINE.matcher(s).find()
        || CAPTION_ANYWHERE.matcher(s).find()
        || CAPTION_SCENE.matcher(s).find()
            && (Grammar.words(s) <= 16 && !FiniteVerbs.hasFiniteVerb(s)
                || s.matches("(?i)^from the .*"))) {
      return CAPTION;
    }
    if (METADATA_LINE.matcher(s).find()) {
      return METADATA;
    }
    int urlChars = 0;
    var m = URL.matcher(s);
    while (m.find()) {
      urlChars += m.end() - m.start();
    }
    if (urlChars * 2 >= s.length() || CODE.matcher(s).find() || RESIDUE.matcher(s).find()) {
      return LINK_OR_CODE;
    }
    if (headingLike(s)) {
      return HEADING_LIKE;
    }
    return TEXT;
  }

  /**
   * A short label, not a statement: at most {@value #HEADING_WORDS} words, no closing sentence
   * punctuation and no finite verb ("Storage Engines", "Generative AI"); or a question word opening
   * a line that ends without punctuation ("Why caching matters"). A line announcing something
   * ("Announcing Foo 2") is a statement, not a label ({@link Grammar#announces}). The word limit is
   * the longest label seen among the section headings of the development reports that had no verb
   * (talk titles run longer but are not shown as sentences).
   */
  static boolean headingLike(String s) {
    int words = Grammar.words(s);
    if (SENTENCE_END.matcher(s).matches() || Grammar.announces(s)) {
      return false;
    }
    if (WH_HEADLINE.matcher(s).matches() && words <= 2 * HEADING_WORDS) {
      return true;
    }
    return words <= HEADING_WORDS && !FiniteVerbs.hasFiniteVerb(s);
  }

  /** The longest heading-like label, in words (see {@link #headingLike}). */
  static final int HEADING_WORDS = 6;

  /** True for {@link #TEXT}. */
  public boolean isText() {
    return this == TEXT;
  }

  /** Lower-case name, for reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
