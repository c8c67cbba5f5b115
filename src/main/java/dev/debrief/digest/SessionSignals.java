package dev.debrief.digest;

import dev.debrief.model.Section;
import dev.debrief.text.Bullets;
import dev.debrief.text.Grammar;
import dev.debrief.text.LineKind;
import dev.debrief.text.PersonNames;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What marks a heading or line as a session's: the grouping heading above it ("Keynotes", "Papers
 * …"), a paper number, a presenter named on the first body line, an authors line, or speakers named
 * by surname ("Rozen - Moser flows"). Used by {@link SessionExtractor}, {@link TitleLines} and
 * {@link TalkMentions}.
 */
final class SessionSignals {
  private SessionSignals() {}

  /**
   * A line naming a talk's authors or speakers: "Authors: Ann Lee, Bo Chen", "Acme speakers: …".
   */
  static final Pattern AUTHORS_LINE =
      Pattern.compile(
          "(?i)^(?:[\\p{L}&.']+\\s+){0,2}(?:authors?|speakers?|presenters?|panel(?:ists)?|hosts?)\\s*:\\s*(.+)$");

  /**
   * "Surname - Title" or "Surname, Surname - Title": speakers named by surname alone, as academic
   * notes do.
   */
  static final Pattern SURNAME_DASH =
      Pattern.compile("^(\\p{Lu}\\p{Ll}+(?:,\\s*\\p{Lu}\\p{Ll}+){0,3})\\s+[-–—]\\s+(\\p{Lu}.+)$");

  /**
   * Surnames named this often at most: a surname is named in its talk's line and rarely elsewhere.
   */
  static final int SURNAME_MENTIONS = 3;

  static final Pattern GROUP_WORD =
      Pattern.compile(
          "(?i)^(?:keynotes|talks|sessions|workshops|tutorials|"
              + "papers|panels|posters|presentations|proposals|breakouts|lightning talks)\\b|\\b(?:keynotes|talks|sessions|"
              + "workshops|tutorials|papers|panels|posters|presentations|proposals|breakouts)$");
  static final Pattern PAPER =
      Pattern.compile(
          "\\b(?:P\\d{3,4}(?:R\\d+)?|N\\d{4}|PEP[- ]?\\d+|JEP[- ]?\\d+|"
              + "RFC[- ]?\\d+|KEP[- ]?\\d+|SIP[- ]?\\d+)\\b");
  static final Pattern PRESENTED_BY =
      Pattern.compile(
          "(?i)^(?:presented|given|delivered|hosted|moderated|"
              + "led|run|speaker|speakers|presenters?)(?: by)?[:\\s]+(.+?)[.]?$");

  /**
   * "Ann Lee, Caching at scale" without "Ann Lee": the title alone, or the heading when nothing
   * remains.
   */
  static String withoutName(String title, String name) {
    String t = title.replace(name, " ").replaceAll("^[\\s,:\\-–—|]+|[\\s,:\\-–—|]+$", "").strip();
    t = t.replaceAll("^[\"“](.*)[\"”]$", "$1").strip();
    // "Ann Lee (EN) - Keynote" keeps its heading: what remains without the name is no title
    return Grammar.words(t.replaceAll("\\([^)]*\\)", " ").replaceAll("[\\-–—|:]", " ")) < 2
        ? title
        : t;
  }

  /** A heading that groups sessions ("Keynotes", "Breakout sessions", "Papers …"). */
  static boolean group(Section s, List<Section> sections) {
    return GROUP_WORD.matcher(Speakers.clean(s.heading())).find();
  }

  static boolean parentIsGroup(Section s, List<Section> sections) {
    for (int j = s.ordinal() - 1; j >= 0; j--) {
      Section p = sections.get(j);
      if (p.level() > 0 && p.level() < s.level()) {
        return group(p, sections) && s.level() == p.level() + 1;
      }
    }
    return false;
  }

  /** The first non-empty line of a section's own text (after its heading line). */
  static String firstBodyLine(Section s, List<Section> sections, String text) {
    int end =
        s.ordinal() + 1 < sections.size() ? sections.get(s.ordinal() + 1).start() : text.length();
    String body = text.substring(s.start(), Math.max(s.start(), Math.min(end, text.length())));
    String[] lines = body.split("\n");
    for (int k = 1; k < lines.length; k++) {
      String l = lines[k].strip();
      if (!l.isEmpty()
          && LineKind.of(l) != LineKind.CAPTION
          && LineKind.of(l) != LineKind.LINK_OR_CODE) {
        return l;
      }
    }
    return "";
  }

  /** "Presented by Ann Lee (Acme CTO)." or a line that is only a name: the presenter; else "". */
  static String presenter(String line, PersonNames people, String text) {
    if (line.isEmpty()) {
      return "";
    }
    String firstSentence = line.split("(?<=[.!?])\\s+")[0];
    Matcher a = AUTHORS_LINE.matcher(Bullets.stripBullet(firstSentence));
    if (a.matches() && people.looksLikePeople(a.group(1).replaceAll("[.]$", ""), text)) {
      return a.group(1).replaceAll("[.]$", "").strip();
    }
    if (firstSentence.matches(".*(?:^|\\s)@\\w+.*")
        && Grammar.words(Speakers.clean(firstSentence)) <= 4
        && Grammar.titleCase(Speakers.clean(firstSentence))) {
      return Speakers.clean(firstSentence); // "Ann LEE - @annl": a name with its handle
    }
    Matcher m = PRESENTED_BY.matcher(firstSentence);
    String candidate =
        m.matches() ? m.group(1).replaceAll("\\s*\\([^)]*\\)", "").strip() : Speakers.clean(line);
    if (Grammar.words(candidate) <= 8
        && people.looksLikePeople(candidate.replaceAll("[.]$", ""), text)) {
      return candidate.replaceAll("[.]$", "");
    }
    return "";
  }

  /**
   * "Rozen - Moser flows" as speaker and title, when each surname is never written in lower case
   * and is named at most {@value #SURNAME_MENTIONS} times in the report; else no speaker.
   */
  static Speakers.Parsed bySurname(String line, String text) {
    Matcher m = SURNAME_DASH.matcher(Speakers.clean(line));
    if (!m.matches()) {
      return new Speakers.Parsed(line, "", Speakers.Side.UNKNOWN);
    }
    for (String name : m.group(1).split(",\\s*")) {
      if (PersonNames.notAName(name)
          || Pattern.compile("\\b" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "\\b")
              .matcher(text)
              .find()
          || Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).results().count()
              > SURNAME_MENTIONS) {
        return new Speakers.Parsed(line, "", Speakers.Side.UNKNOWN);
      }
    }
    return new Speakers.Parsed(m.group(2).strip(), m.group(1).strip(), Speakers.Side.FIRST);
  }
}
