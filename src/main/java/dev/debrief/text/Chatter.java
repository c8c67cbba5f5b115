package dev.debrief.text;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Chatter: sentences a trip report carries that say nothing about the event's content when read by
 * someone else — remarks to the reader ("take it or leave it", "drop me a comment"), remarks about
 * the write-up itself ("these are raw notes"), thanks, emoticons and interjections, the author's
 * own logistics (coffee, flights, hotel), the author's diary ("I went to…", "I was stunned…") and
 * verdicts with no subject matter ("always very dense and useful", "I enjoyed it a lot").
 *
 * <p>This class holds the order of the rules ({@link #of}); the rules live by kind: {@link
 * OffTopicRemarks} (reader, write-up, thanks, emoticons, logistics, verdict openings), {@link
 * DiarySentences} (the author's diary and the first-person cues), and the word lists that decide
 * what counts as content ({@link FunctionWords}, {@link VerdictWords}, {@link AttendanceWords}).
 */
public final class Chatter {
  private Chatter() {}

  /** Why a sentence is chatter, for reports; {@link #NONE} when it is not. */
  public enum Kind {
    NONE,
    READER,
    WRITE_UP,
    THANKS,
    EMOTICON,
    LOGISTICS,
    DIARY,
    VERDICT_ONLY,
    FIRST_PERSON_ONLY
  }

  /** The kind of chatter {@code sentence} is, or {@link Kind#NONE}. */
  public static Kind of(String sentence) {
    String s = Bullets.stripBullet(sentence == null ? "" : sentence);
    if (OffTopicRemarks.READER.matcher(s).find()) {
      return Kind.READER;
    }
    if (OffTopicRemarks.WRITE_UP.matcher(s).find()) {
      return Kind.WRITE_UP;
    }
    if (OffTopicRemarks.THANKS.matcher(s).find()) {
      return Kind.THANKS;
    }
    if (OffTopicRemarks.EMOTICON.matcher(s).find()) {
      return Kind.EMOTICON;
    }
    boolean firstPerson = DiarySentences.FIRST_PERSON.matcher(s).find();
    if (OffTopicRemarks.VERDICT_OPENING.matcher(s).find()) {
      return Kind.VERDICT_ONLY;
    }
    if (DiarySentences.FIRST_PERSON_ANY.matcher(s).find()
        && OffTopicRemarks.LOGISTICS.matcher(s).find()) {
      return Kind.LOGISTICS;
    }
    if (DiarySentences.tells(s)) {
      return Kind.DIARY;
    }
    int content = 0;
    int logistics = 0;
    int total = 0;
    boolean named = hasNameOrNumber(s);
    Matcher m = Tokens.WORD.matcher(s);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
      total++;
      if (!FunctionWords.FUNCTION.contains(w)
          && !VerdictWords.VERDICT.contains(w)
          && !AttendanceWords.CONFERENCE.contains(w)) {
        content++;
        if (OffTopicRemarks.LOGISTICS.matcher(w).matches() || AttendanceWords.TRAVEL.contains(w)) {
          logistics++;
        }
      }
    }
    if (total > 0 && content == 0 || content <= 1 && !named) {
      return Kind.VERDICT_ONLY;
    }
    if (content == logistics && !named) {
      return Kind.LOGISTICS; // "The train from the airport was packed."
    }
    if (firstPerson && !named) {
      return Kind.FIRST_PERSON_ONLY;
    }
    return Kind.NONE;
  }

  /** True when {@code sentence} is chatter of any kind. */
  public static boolean is(String sentence) {
    return of(sentence) != Kind.NONE;
  }

  /**
   * A name, product, identifier or number: a word with a digit, with a capital after its first
   * letter (gRPC, macOS), with a symbol (C++, C#), or capitalised where it does not open the
   * sentence (not "I").
   */
  public static boolean hasNameOrNumber(String s) {
    Matcher m = Tokens.WORD.matcher(s);
    boolean first = true;
    while (m.find()) {
      String w = m.group();
      boolean opening = first || isSentenceStart(s, m.start());
      first = false;
      if (w.codePoints().anyMatch(Character::isDigit) || w.contains("+") || w.contains("#")) {
        return true;
      }
      if (w.length() > 1 && w.codePoints().skip(1).anyMatch(Character::isUpperCase)) {
        return true;
      }
      if (!opening && Character.isUpperCase(w.codePointAt(0)) && !w.matches("I(?:['’].*)?")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSentenceStart(String s, int at) {
    int i = at - 1;
    while (i >= 0 && (Character.isWhitespace(s.charAt(i)) || "\"“‘'(".indexOf(s.charAt(i)) >= 0)) {
      i--;
    }
    return i < 0 || ".!?:".indexOf(s.charAt(i)) >= 0;
  }
}
