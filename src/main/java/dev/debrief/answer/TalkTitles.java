package dev.debrief.answer;

import dev.debrief.model.Hit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The talk a stretch is about, written before it when the question asks which talk something was
 * ({@link QuestionAnalysis.Kind#TALK}): the heading of the stretch's section, with the speaker line
 * under it when the heading does not name one ("“I'd have written a shorter solution…” (JD Long)").
 * Report write-ups put each talk under its own heading, so the heading is the talk's title.
 */
final class TalkTitles {
  private TalkTitles() {}

  /**
   * @param stretch the stretch quoted
   * @param passage all lines of its passage
   * @return the label to write before the stretch, or null when its section is the report itself
   *     (no heading of its own) or the quoted sentences already hold the heading
   */
  static String of(Evidence.Stretch stretch, List<Evidence.Line> passage) {
    Hit h = stretch.hit();
    String title = h.section().strip();
    if (title.isEmpty() || title.equalsIgnoreCase(h.title().strip()) || timestamp(title)) {
      return null;
    }
    String quoted = Speakers.text(stretch.lines()).toLowerCase(Locale.ROOT);
    if (quoted.contains(title.toLowerCase(Locale.ROOT))) {
      return null;
    }
    String speaker = Speakers.speaker(passage, stretch.lines().get(0).index());
    StringBuilder label = new StringBuilder("“").append(title).append('”');
    if (speaker != null && !title.contains(speaker)) {
      label.append(" (").append(speaker).append(')');
    }
    return label.toString();
  }

  /**
   * A heading made of nothing but a date and time ("Sun Mar 17 12:14:58 EDT 2013", "2013-03-17"):
   * notes stamped as they were written, no talk's title.
   */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?i)^(?:[\\s,.:/-]|\\d+|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug"
              + "|sep|oct|nov|dec)[a-z]*|edt|est|cdt|cst|mdt|mst|pdt|pst|utc|gmt|cet|cest|bst|am|pm)+$");

  static boolean timestamp(String heading) {
    return heading.chars().anyMatch(Character::isDigit)
        && TIMESTAMP.matcher(heading.strip()).matches();
  }
}
