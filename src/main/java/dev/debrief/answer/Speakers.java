package dev.debrief.answer;

import dev.debrief.text.PersonNames;
import dev.debrief.text.Sentences;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who gave the talk a stretch quotes, for a "who" question whose quote does not name them: the
 * speaker line of notes above the stretch ("Luca Belli" on a line of its own, "speaker: Josh
 * Wills"), else the person the talk's heading names ("Designing Hypermedia APIs, Steve Klabnik").
 */
final class Speakers {
  private Speakers() {}

  /**
   * @param lines the stretch's lines (in document order)
   * @param passage all lines of its passage
   * @param headingPath the passage's headings, outermost first
   * @return the speaker to write before the stretch, or null for none (or when the quote already
   *     names the person the heading names and no speaker line stands above it)
   */
  static String of(
      List<Evidence.Line> lines, List<Evidence.Line> passage, List<String> headingPath) {
    String speaker = speaker(passage, lines.get(0).index());
    if (speaker == null) {
      // the talk's heading names its speaker unless the quote names them already
      String fromHeading = headingSpeaker(headingPath, passage);
      if (fromHeading != null && !text(lines).contains(fromHeading)) {
        speaker = fromHeading;
      }
    }
    return speaker;
  }

  /**
   * The speaker line before {@code index} in a passage: a line of its own that is nothing but a
   * person's name ("Luca Belli"), as notes put under a talk's title; null when there is none.
   */
  static String speaker(List<Evidence.Line> passage, int index) {
    for (int i = index - 1; i >= 0; i--) {
      String t = SentenceShape.withoutBullet(passage.get(i).text());
      if (passage.get(i).chrome() && LineScorer.PERSON.matcher(t).matches()) {
        return t;
      }
      Matcher labelled = SPEAKER_LINE.matcher(t);
      if (labelled.matches() && LineScorer.PERSON.matcher(labelled.group(1)).matches()) {
        return Sentences.stripEnd(labelled.group(1));
      }
    }
    return null;
  }

  /**
   * True for a label line that names who spoke: nothing but a person's name ("Joel Grus" under the
   * talk's title), or "speaker: …" ({@link #SPEAKER_LINE}).
   */
  static boolean isSpeakerLine(Evidence.Line l) {
    if (!l.chrome()) {
      return false;
    }
    String t = SentenceShape.withoutBullet(l.text()).strip();
    return LineScorer.PERSON.matcher(t).matches() || SPEAKER_LINE.matcher(t).matches();
  }

  /**
   * A line of notes that says who spoke: "speaker: Josh Wills", "presented by Ann Example". Group 1
   * is the name.
   */
  static final Pattern SPEAKER_LINE =
      Pattern.compile(
          "(?i)^(?:speakers?|presenters?|presented by|talk by|speaker is)\\s*[:\\-–]?\\s*(.+?)[.;]?$");

  /**
   * The person a talk's heading names ("Designing Hypermedia APIs, Steve Klabnik", "Sarah Mei,
   * “Livable Code”"), the deepest heading first: a part of the heading between commas, dashes or
   * parentheses that is nothing but a name, as {@link PersonNames} reads names with the passage for
   * context. Null when no heading names one.
   */
  static String headingSpeaker(List<String> headingPath, List<Evidence.Line> passage) {
    for (int i = headingPath.size() - 1; i >= 0; i--) {
      String heading = headingPath.get(i);
      PersonNames people = PersonNames.in(heading + "\n" + text(passage));
      for (String part : HEADING_PARTS.split(heading)) {
        String p =
            HANDLE.matcher(part).replaceAll(" ").strip().replaceAll("^[\"“”']+|[\"“”']+$", "");
        if (people.fullNames().contains(p)) { // PersonNames reads "McDonald" too
          return p;
        }
      }
    }
    return null;
  }

  /**
   * A social handle beside a speaker's name in a heading ("Logan McDonald @loganmeetsworld",
   * "(@addyosmani)").
   */
  private static final Pattern HANDLE = Pattern.compile("\\(?@[\\w.]+\\)?");

  /** Where a talk heading separates its title from its speaker. */
  static final Pattern HEADING_PARTS = Pattern.compile("\\s*(?:[,():|]|\\s[-–—]\\s)\\s*");

  static String text(List<Evidence.Line> lines) {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l.text()).append('\n'));
    return b.toString();
  }
}
