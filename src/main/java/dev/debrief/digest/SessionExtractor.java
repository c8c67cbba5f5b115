package dev.debrief.digest;

import dev.debrief.model.Report;
import dev.debrief.model.Section;
import dev.debrief.text.LineKind;
import dev.debrief.text.PersonNames;
import dev.debrief.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sessions a report names — talks, keynotes, panels, workshops, papers — with their speakers,
 * from three places:
 *
 * <ol>
 *   <li>Section headings with a session signal: a speaker ({@link Speakers}), a session word
 *       ("Keynote (Wednesday)", "Storage panel"), a parent heading that groups sessions
 *       ("Keynotes", "Breakout sessions", "Papers …"), a paper number (P1234, PEP 8, RFC 9110), or
 *       a first body line naming the presenter ("Presented by Ann Lee", or a line that is only a
 *       name).
 *   <li>Title-like lines of raw notes: a short line without closing period, followed by at least
 *       {@link Weights#minNotes} note lines (bullets, or short unpunctuated lines), that carries a
 *       session word or a speaker, or that sits in notes made mostly of bullets ("talk 2: caching
 *       at scale" above its bullets).
 *   <li>Talks named in prose: a run of capitalised words followed by "(delivered|presented) by" and
 *       a person ("I went to Caching Without Tears by Ann Lee").
 * </ol>
 *
 * Blog chrome is what has none of these signals ("The venue", "Getting there", "Day 2"); headings
 * that are dates, times, the report's title or its conclusions are never sessions. Each session
 * carries the span of report text that belongs to it (up to the next session or the end of its part
 * of the report).
 */
final class SessionExtractor {
  /**
   * Thresholds.
   *
   * @param minNotes note lines a title-like line without a speaker or session word needs below it.
   *     The shared reports do not tell 1 from 4 apart (their talks run to many notes); 3 is a
   *     choice: a talk's notes are more than a stray pair of lines
   * @param maxTitleLineWords longest title-like line (twice that when it opens "Keynote:" or
   *     "Surname - "); the longest talk line found in ../shared has 13 words
   * @param rawNotesShare share of a section's non-empty lines that are bullets from which it is raw
   *     notes: the note sections of ../shared (eight or more lines) are at 0.89 and above, prose
   *     sections at 0.47 and below, one short post of prose and bullets at 0.63
   * @param maxHeadingChars longer headings are sentences that the parser took for headings
   */
  record Weights(int minNotes, int maxTitleLineWords, double rawNotesShare, int maxHeadingChars) {
    static final Weights DEFAULT = new Weights(3, 14, 0.5, 160);

    Weights {
      if (minNotes < 1
          || maxTitleLineWords < 2
          || rawNotesShare <= 0
          || rawNotesShare > 1
          || maxHeadingChars < 10) {
        throw new IllegalArgumentException(
            "bad session weights: "
                + minNotes
                + ", "
                + maxTitleLineWords
                + ", "
                + rawNotesShare
                + ", "
                + maxHeadingChars);
      }
    }
  }

  /** How a session was found. */
  enum Kind {
    HEADING,
    TITLE_LINE,
    MENTION
  }

  /**
   * A session.
   *
   * @param report its report
   * @param title the title as the report writes it (speaker removed when separable)
   * @param speaker speakers, or ""
   * @param kind where it was found
   * @param section the ordinal of the section it is in (its own section for {@link Kind#HEADING})
   * @param label the heading or line that names it (for links)
   * @param start start of its body in {@link Report#text()}
   * @param end end of its body (exclusive)
   */
  record Found(
      Report report,
      String title,
      String speaker,
      Kind kind,
      int section,
      String label,
      int start,
      int end) {
    int length() {
      return end - start;
    }

    /** The same session ending at {@code newEnd} (a character offset in its report's text). */
    Found withEnd(int newEnd) {
      return newEnd == end
          ? this
          : new Found(report, title, speaker, kind, section, label, start, newEnd);
    }

    boolean contains(int offset) {
      return offset >= start && offset < end;
    }
  }

  static final Pattern SESSION_WORD =
      Pattern.compile(
          "(?i)(?<!\\b(?:before|after|during|at|for|from|of|to|since|"
              + "until) (?:the |a |this |that |my |our )?)\\b(?:keynote|talk|session|workshop|tutorial|panel|"
              + "bof|birds of a feather|lightning|ama|ask (?:us|me) anything|fireside|q&a|summit|lecture|presentation|"
              + "hackathon|unconference|sprint|poster|masterclass|breakout|deep dive|demo)\\b(?!-)");

  /** An outline heading of Org or similar notes: "** Title - Speaker". */
  static final Pattern ORG_HEADING = Pattern.compile("^\\*{2,}\\s+");

  /** Lists of talks the author did not attend: to-do lists, links and references. */
  private static final Pattern NOT_ATTENDED =
      Pattern.compile(
          "(?i)^(?:#\\s*)?(?:todos?|to watch|watch later|"
              + "references|links|resources|further reading|see also|bookmarks|missed|videos)\\b");

  /** True for the heading of a to-do, links or references list. */
  static boolean notAttended(String heading) {
    return NOT_ATTENDED.matcher(Speakers.clean(heading)).find();
  }

  static final Pattern GENERIC =
      Pattern.compile(
          "(?i)^(?:introduction|intro|overview|(?:executive )?summary|"
              + "notes|misc\\w*|other|others|day \\w+|(?:day|part) \\d+(?:\\s*[-–:,]?\\s*(?:am|pm|morning|afternoon|evening))?|"
              + "(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\\W+\\w+){0,3}|(?:\\w+ )?break|lunch|breakfast|dinner|coffee|party|"
              + "registration|hallway track|expo|sponsors?|swag|"
              + "table of contents|contents|references|links|resources|about(?: me)?|say cheese!?|thanks|"
              + "acknowledg\\w+|the venue|venue|the conference|logistics|travel|getting there|todos?|# ?todo|"
              + "\\d{1,2}[:.]\\d{2}.*|updates?)$");

  private final Weights weights;
  private final TitleLines titleLines;

  /**
   * @param weights the thresholds for headings and talk lines
   */
  SessionExtractor(Weights weights) {
    this.weights = weights;
    this.titleLines = new TitleLines(weights);
  }

  /** The sessions of {@code report}, in document order. */
  List<Found> find(Report report, PersonNames people) {
    String text = report.text();
    List<Section> sections = report.sections();
    List<String> headings = sections.stream().map(Section::heading).toList();
    Speakers.Side side = Speakers.preferredSide(headings, people, text);
    boolean[] session = new boolean[sections.size()];
    boolean[] stop = new boolean[sections.size()];
    Speakers.Parsed[] parsed = new Speakers.Parsed[sections.size()];
    String title = norm(report.meta().title());
    for (Section s : sections) {
      int i = s.ordinal();
      String h = s.heading().strip();
      boolean never =
          s.level() == 0
              || h.isEmpty()
              || norm(h).equals(title)
              || h.length() > weights.maxHeadingChars()
              || GENERIC.matcher(Speakers.clean(h)).matches()
              || Conclusions.isConclusionHeading(h)
              || LineKind.of(h) == LineKind.TIMESTAMP
              || LineKind.of(h) == LineKind.CAPTION
              || LineKind.of(h) == LineKind.METADATA;
      stop[i] = never || SessionSignals.group(s, sections);
      if (stop[i]) {
        continue;
      }
      Speakers.Parsed p = Speakers.parse(h, people, text, side);
      String firstLine = SessionSignals.firstBodyLine(s, sections, text);
      String presenter = SessionSignals.presenter(firstLine, people, text);
      boolean signal =
          !p.speaker().isEmpty()
              || SESSION_WORD.matcher(h).find()
              || SessionSignals.PAPER.matcher(h).find()
              || SessionSignals.parentIsGroup(s, sections)
              || !presenter.isEmpty();
      if (signal) {
        session[i] = true;
        parsed[i] =
            p.speaker().isEmpty() && !presenter.isEmpty()
                ? new Speakers.Parsed(
                    SessionSignals.withoutName(p.title(), presenter),
                    presenter,
                    Speakers.Side.UNKNOWN)
                : p;
      }
    }
    List<Found> out = new ArrayList<>();
    for (Section s : sections) {
      int i = s.ordinal();
      if (!session[i]) {
        continue;
      }
      int end = text.length();
      for (int j = i + 1; j < sections.size(); j++) {
        Section n = sections.get(j);
        if (session[j] || stop[j] || n.level() < s.level()) {
          end = n.start();
          break;
        }
      }
      out.add(
          new Found(
              report,
              parsed[i].title(),
              parsed[i].speaker(),
              Kind.HEADING,
              i,
              s.heading(),
              s.start(),
              end));
    }
    List<Found> headed = List.copyOf(out);
    List<Found> lines = new ArrayList<>(titleLines.find(report, people, side, session));
    lines.addAll(TalkMentions.listed(report, people, side, session));
    // the notes under a talk's heading that names its speaker are that talk's points ("VP
    // Engineering (XMPP) - Isode Ltd", a quote with its author in parentheses), unless a line
    // says it is a session itself
    lines.removeIf(
        f ->
            !SESSION_WORD.matcher(f.title()).find()
                && headed.stream().anyMatch(h -> !h.speaker().isEmpty() && h.contains(f.start())));
    out.addAll(lines);
    out.addAll(TalkMentions.inProse(report, people, out));
    out.addAll(TalkMentions.quoted(report, people, out));
    out.sort(Comparator.comparingInt(Found::start));
    // a heading session's body stops where a talk line inside it starts
    List<Found> trimmed = new ArrayList<>();
    for (int k = 0; k < out.size(); k++) {
      Found f = out.get(k);
      int end = f.end();
      for (int j = k + 1; j < out.size(); j++) {
        Found inner = out.get(j);
        boolean line =
            inner.kind() == Kind.TITLE_LINE
                || inner.kind() == Kind.MENTION && inner.start() > f.start();
        if (f.kind() == Kind.HEADING && line && inner.start() < end) {
          end =
              Math.max(
                  f.start(),
                  inner.kind() == Kind.TITLE_LINE
                      ? inner.start() - inner.label().length() - 1
                      : inner.start());
          break;
        }
      }
      trimmed.add(f.withEnd(end));
    }
    return dedupe(trimmed);
  }

  private static List<Found> dedupe(List<Found> found) {
    Set<String> seen = new HashSet<>();
    List<Found> out = new ArrayList<>();
    for (Found f : found) {
      if (seen.add(norm(f.title()) + "|" + norm(f.speaker()))) {
        out.add(f);
      }
    }
    return out;
  }

  private static String norm(String s) {
    return Tokens.fold(s);
  }
}
