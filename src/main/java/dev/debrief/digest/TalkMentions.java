package dev.debrief.digest;

import dev.debrief.digest.SessionExtractor.Found;
import dev.debrief.digest.SessionExtractor.Kind;
import dev.debrief.model.Report;
import dev.debrief.model.Section;
import dev.debrief.text.Bullets;
import dev.debrief.text.Grammar;
import dev.debrief.text.LineKind;
import dev.debrief.text.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks a report names outside its session headings and talk lines (the third source of {@link
 * SessionExtractor}): bullets of talk lists, talks named in prose by "(delivered|presented) by" and
 * a person, and talks with a quoted title.
 */
final class TalkMentions {
  private TalkMentions() {}

  static final Pattern MENTION_BY = Pattern.compile("\\s(?:(?:delivered|presented|given) )?by ");
  static final Set<String> SMALL =
      Set.of(
          "of", "the", "to", "in", "and", "from", "for", "with", "a", "an", "on", "at", "vs", "vs.",
          "&", "or", "into", "your", "my", "our");

  /**
   * Talks listed as bullets outside any session ("So many other talks:" lists; not to-do, link or
   * reference lists of talks the author did not attend): a bullet that splits into a speaker and a
   * title written as a title — quoted, or in title case — such as "Ann Lee - Caching Without Tears"
   * or "Ann Lee, \"Caching without tears\"".
   */
  static List<Found> listed(
      Report report, PersonNames people, Speakers.Side side, boolean[] session) {
    String text = report.text();
    List<Found> out = new ArrayList<>();
    for (Section s : report.sections()) {
      if (session[s.ordinal()]
          || s.headingPath().stream().anyMatch(SessionExtractor::notAttended)) {
        continue;
      }
      int end =
          s.ordinal() + 1 < report.sections().size()
              ? report.sections().get(s.ordinal() + 1).start()
              : text.length();
      int at = s.start();
      while (at < end) {
        int nl = text.indexOf('\n', at);
        int le = nl < 0 || nl > end ? end : nl;
        String raw = text.substring(at, le);
        if (Bullets.isBullet(raw)) {
          String l = Bullets.stripBullet(raw);
          LineKind kind = LineKind.of(l);
          if (SessionSignals.AUTHORS_LINE.matcher(l).matches()
              || kind == LineKind.CAPTION
              || kind == LineKind.METADATA
              || kind == LineKind.TIMESTAMP
              || kind == LineKind.LINK_OR_CODE) {
            at = le + 1;
            continue;
          }
          Speakers.Parsed p = Speakers.parse(l, people, text, side);
          if (p.speaker().isEmpty()) {
            p = SessionSignals.bySurname(l, text);
          }
          String t = p.title();
          boolean titled =
              !t.equals(Speakers.clean(l))
                  && !t.isEmpty()
                  && Character.isUpperCase(t.codePointAt(0))
                  && !t.matches("(?s).*[.!]\"?$")
                  && (l.contains("\"" + t) || l.contains("“" + t) || Grammar.titleCase(t));
          if (!p.speaker().isEmpty() && titled && Grammar.words(t) <= 16) {
            out.add(new Found(report, t, p.speaker(), Kind.MENTION, s.ordinal(), l, at, le));
          }
        }
        at = le + 1;
      }
    }
    return out;
  }

  static final Pattern QUOTED_TALK =
      Pattern.compile(
          "(?i)\\b(?:talk|session|keynote|presentation|workshop|"
              + "tutorial|lightning talk)s?\\s+(?:called|named|titled|entitled|on|about)?\\s*[\"“]([^\"”]{4,120})[\"”]"
              + "(?:\\s+(?:from|by|with)\\s+((?:\\p{Lu}[\\p{L}'’\\-]+\\s?){2,3}))?");

  /**
   * Talks named in prose with a quoted title: a talk called "Caching without tears" from Ann Lee.
   */
  static List<Found> quoted(Report report, PersonNames people, List<Found> known) {
    String text = report.text();
    List<Found> out = new ArrayList<>();
    Matcher m = QUOTED_TALK.matcher(text);
    while (m.find()) {
      String title = m.group(1).strip();
      String speaker = m.group(2) == null ? "" : m.group(2).strip();
      if (!speaker.isEmpty() && !people.looksLikePeople(speaker, text)) {
        speaker = "";
      }
      if (!Character.isUpperCase(title.codePointAt(0))
          || known.stream().anyMatch(f -> f.label().contains(title))) {
        continue;
      }
      int section = 0;
      for (Section s : report.sections()) {
        if (s.start() <= m.start()) {
          section = s.ordinal();
        }
      }
      int paraEnd = text.indexOf("\n\n", m.end());
      out.add(
          new Found(
              report,
              title,
              speaker,
              Kind.MENTION,
              section,
              title,
              m.start(),
              paraEnd < 0 ? text.length() : paraEnd));
    }
    return out;
  }

  /** Talks named in prose: "Caching Without Tears by Ann Lee". */
  static List<Found> inProse(Report report, PersonNames people, List<Found> known) {
    String text = report.text();
    List<Found> out = new ArrayList<>();
    Matcher m = MENTION_BY.matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 200), m.start());
      before = before.substring(before.lastIndexOf('\n') + 1);
      String[] bt = before.split("\\s+");
      int k = bt.length;
      int capitals = 0;
      while (k > 0) {
        String w = bt[k - 1].replaceAll("[“”\"]", "");
        if (w.isEmpty()
            || !(Character.isUpperCase(w.codePointAt(0))
                || Character.isDigit(w.codePointAt(0))
                || w.startsWith(".")
                || SMALL.contains(w.toLowerCase(Locale.ROOT)))) {
          break;
        }
        if (Character.isUpperCase(w.codePointAt(0))) {
          capitals++;
        }
        k--;
      }
      while (k < bt.length
          && SMALL.contains(bt[k])
          && !Character.isUpperCase(bt[k].codePointAt(0))) {
        k++;
      }
      if (capitals < 2 || k >= bt.length) {
        continue;
      }
      String talk =
          String.join(" ", java.util.Arrays.asList(bt).subList(k, bt.length))
              .replaceAll("[“”\"]", "")
              .strip();
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 80));
      Matcher name =
          Pattern.compile("^(?:\\p{Lu}[\\p{L}]+['’]s\\s+)?((?:\\p{Lu}[\\p{L}'’\\-]+\\s?){2,3})")
              .matcher(after);
      if (!name.find()) {
        continue;
      }
      String speaker = name.group(1).strip();
      if (!people.looksLikePeople(speaker, text)
          || Grammar.words(talk) > 12
          || talk.matches("(?i)^(?:i|we|my)\\b.*")) {
        continue;
      }
      int at = m.start();
      boolean inside =
          known.stream().anyMatch(f -> f.kind() != Kind.MENTION && f.label().contains(talk));
      if (inside) {
        continue;
      }
      int section = 0;
      for (Section s : report.sections()) {
        if (s.start() <= at) {
          section = s.ordinal();
        }
      }
      int paraEnd = text.indexOf("\n\n", at);
      out.add(
          new Found(
              report,
              talk,
              speaker,
              Kind.MENTION,
              section,
              talk,
              Math.max(0, at - talk.length()),
              paraEnd < 0 ? text.length() : paraEnd));
    }
    return out;
  }
}
