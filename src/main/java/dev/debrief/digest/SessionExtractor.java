package dev.debrief.digest;

import dev.debrief.model.Report;
import dev.debrief.model.Section;
import dev.debrief.text.Grammar;
import dev.debrief.text.LineKind;
import dev.debrief.text.PersonNames;
import dev.debrief.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
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

  /**
   * A line naming a talk's authors or speakers: "Authors: Ann Lee, Bo Chen", "Acme speakers: …".
   */
  private static final Pattern AUTHORS_LINE =
      Pattern.compile(
          "(?i)^(?:[\\p{L}&.']+\\s+){0,2}(?:authors?|speakers?|presenters?|panel(?:ists)?|hosts?)\\s*:\\s*(.+)$");

  /** A line that opens by naming its kind: "Keynote: …", "Tutorial : …", "Workshop - …". */
  private static final Pattern SESSION_KIND_FIRST =
      Pattern.compile(
          "(?i)^(?:opening |closing )?(?:keynote|talk|"
              + "tutorial|workshop|panel|lightning talk|invited talk|poster session|poster|bof|fireside chat|demo)\\s*[:\\-–—]\\s+\\S");

  /**
   * "Surname - Title" or "Surname, Surname - Title": speakers named by surname alone, as academic
   * notes do.
   */
  private static final Pattern SURNAME_DASH =
      Pattern.compile("^(\\p{Lu}\\p{Ll}+(?:,\\s*\\p{Lu}\\p{Ll}+){0,3})\\s+[-–—]\\s+(\\p{Lu}.+)$");

  /**
   * Surnames named this often at most: a surname is named in its talk's line and rarely elsewhere.
   */
  static final int SURNAME_MENTIONS = 3;

  private static final Pattern GROUP_WORD =
      Pattern.compile(
          "(?i)^(?:keynotes|talks|sessions|workshops|tutorials|"
              + "papers|panels|posters|presentations|proposals|breakouts|lightning talks)\\b|\\b(?:keynotes|talks|sessions|"
              + "workshops|tutorials|papers|panels|posters|presentations|proposals|breakouts)$");
  private static final Pattern PAPER =
      Pattern.compile(
          "\\b(?:P\\d{3,4}(?:R\\d+)?|N\\d{4}|PEP[- ]?\\d+|JEP[- ]?\\d+|"
              + "RFC[- ]?\\d+|KEP[- ]?\\d+|SIP[- ]?\\d+)\\b");
  static final Pattern GENERIC =
      Pattern.compile(
          "(?i)^(?:introduction|intro|overview|(?:executive )?summary|"
              + "notes|misc\\w*|other|others|day \\w+|(?:day|part) \\d+(?:\\s*[-–:,]?\\s*(?:am|pm|morning|afternoon|evening))?|"
              + "(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\\W+\\w+){0,3}|(?:\\w+ )?break|lunch|breakfast|dinner|coffee|party|"
              + "registration|hallway track|expo|sponsors?|swag|"
              + "table of contents|contents|references|links|resources|about(?: me)?|say cheese!?|thanks|"
              + "acknowledg\\w+|the venue|venue|the conference|logistics|travel|getting there|todos?|# ?todo|"
              + "\\d{1,2}[:.]\\d{2}.*|updates?)$");
  private static final Pattern PRESENTED_BY =
      Pattern.compile(
          "(?i)^(?:presented|given|delivered|hosted|moderated|"
              + "led|run|speaker|speakers|presenters?)(?: by)?[:\\s]+(.+?)[.]?$");
  private static final Pattern MENTION_BY =
      Pattern.compile("\\s(?:(?:delivered|presented|given) )?by ");
  private static final Set<String> SMALL =
      Set.of(
          "of", "the", "to", "in", "and", "from", "for", "with", "a", "an", "on", "at", "vs", "vs.",
          "&", "or", "into", "your", "my", "our");

  private final Weights weights;

  SessionExtractor(Weights weights) {
    this.weights = weights;
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
      stop[i] = never || group(s, sections);
      if (stop[i]) {
        continue;
      }
      Speakers.Parsed p = Speakers.parse(h, people, text, side);
      String firstLine = firstBodyLine(s, sections, text);
      String presenter = presenter(firstLine, people, text);
      boolean signal =
          !p.speaker().isEmpty()
              || SESSION_WORD.matcher(h).find()
              || PAPER.matcher(h).find()
              || parentIsGroup(s, sections)
              || !presenter.isEmpty();
      if (signal) {
        session[i] = true;
        parsed[i] =
            p.speaker().isEmpty() && !presenter.isEmpty()
                ? new Speakers.Parsed(
                    withoutName(p.title(), presenter), presenter, Speakers.Side.UNKNOWN)
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
    out.addAll(titleLines(report, people, side, session));
    out.addAll(listedTalks(report, people, side, session));
    out.addAll(mentions(report, people, out));
    out.addAll(quotedTalks(report, people, out));
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
      trimmed.add(
          end == f.end()
              ? f
              : new Found(
                  f.report(),
                  f.title(),
                  f.speaker(),
                  f.kind(),
                  f.section(),
                  f.label(),
                  f.start(),
                  end));
    }
    return dedupe(trimmed);
  }

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

  /** A heading that groups sessions ("Keynotes", "Breakout sessions", "Papers …"). */
  private static boolean group(Section s, List<Section> sections) {
    return GROUP_WORD.matcher(Speakers.clean(s.heading())).find();
  }

  private static boolean parentIsGroup(Section s, List<Section> sections) {
    for (int j = s.ordinal() - 1; j >= 0; j--) {
      Section p = sections.get(j);
      if (p.level() > 0 && p.level() < s.level()) {
        return group(p, sections) && s.level() == p.level() + 1;
      }
    }
    return false;
  }

  /** The first non-empty line of a section's own text (after its heading line). */
  private static String firstBodyLine(Section s, List<Section> sections, String text) {
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
  private static String presenter(String line, PersonNames people, String text) {
    if (line.isEmpty()) {
      return "";
    }
    String firstSentence = line.split("(?<=[.!?])\\s+")[0];
    Matcher a = AUTHORS_LINE.matcher(Grammar.stripBullet(firstSentence));
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

  /** Talk lines of raw notes (see the class comment). */
  private List<Found> titleLines(
      Report report, PersonNames people, Speakers.Side side, boolean[] headingSession) {
    String text = report.text();
    List<Found> out = new ArrayList<>();
    for (Section s : report.sections()) {
      int end =
          s.ordinal() + 1 < report.sections().size()
              ? report.sections().get(s.ordinal() + 1).start()
              : text.length();
      int nl0 = text.indexOf('\n', s.start());
      int from = s.level() == 0 ? s.start() : nl0 < 0 ? end : nl0 + 1;
      if (from >= end) {
        continue;
      }
      List<int[]> lines = new ArrayList<>();
      int bullets = 0;
      int nonEmpty = 0;
      for (int at = from; at < end; ) {
        int nl = text.indexOf('\n', at);
        int le = nl < 0 || nl > end ? end : nl;
        String l = text.substring(at, le);
        if (!l.isBlank()) {
          lines.add(new int[] {at, le});
          nonEmpty++;
          if (Grammar.isBullet(l)) {
            bullets++;
          }
        }
        at = le + 1;
      }
      boolean rawNotes = nonEmpty > 0 && bullets >= weights.rawNotesShare() * nonEmpty;
      List<Found> inSection = new ArrayList<>();
      for (int k = 0; k < lines.size(); k++) {
        String raw = text.substring(lines.get(k)[0], lines.get(k)[1]);
        String l = ORG_HEADING.matcher(raw.strip()).replaceFirst("");
        boolean org = !l.equals(raw.strip());
        if (Grammar.isBullet(raw) && !org
            || !titleLike(org ? raw.strip() : l)
            || AUTHORS_LINE.matcher(l).matches()) {
          continue; // an authors line belongs to the talk above it
        }
        if (k == 0
            && headingSession[s.ordinal()]
            && (l.matches(".*(?:^|\\s)@\\w+.*")
                || !Speakers.parse(l, people, text, side).speaker().isEmpty()
                    && Speakers.parse(l, people, text, side).title().equals(Speakers.clean(l)))) {
          continue; // the name line under a talk's heading is its presenter, not another talk
        }
        Speakers.Parsed p = Speakers.parse(l, people, text, side);
        if (p.speaker().isEmpty()) {
          p = bySurname(l, text);
        }
        if (p.speaker().isEmpty() && sentenceLike(l)) {
          continue; // a sentence of the notes, not a talk's title
        }
        int notes = 0;
        for (int j = k + 1; j < lines.size(); j++) {
          String n = text.substring(lines.get(j)[0], lines.get(j)[1]);
          if (Grammar.isBullet(n)
              || n.startsWith("\t")
              || n.startsWith("    ")
              || noteLine(n.strip())) {
            notes++;
          } else {
            break;
          }
        }
        if (GROUP_WORD.matcher(Speakers.clean(l)).find() && p.speaker().isEmpty()) {
          // "lightning talks": a group marker, its talks follow; the talk above ends here
          inSection.add(
              new Found(report, "", "", Kind.TITLE_LINE, s.ordinal(), l, lines.get(k)[1] + 1, end));
          continue;
        }
        boolean strong =
            SESSION_KIND_FIRST.matcher(l).find()
                || !p.speaker().isEmpty()
                || org && Grammar.titleCase(l);
        if (notes < weights.minNotes() && !(strong && k + 1 < lines.size())) {
          continue; // a talk's line with prose after it needs a speaker or "Keynote:"-style label
        }
        boolean signal =
            SESSION_WORD.matcher(l).find()
                || !p.speaker().isEmpty()
                || l.matches(".*(?:^|\\s)@\\w+.*");
        if (signal || rawNotes && bullets > 0) {
          inSection.add(
              new Found(
                  report,
                  p.title(),
                  p.speaker(),
                  Kind.TITLE_LINE,
                  s.ordinal(),
                  l,
                  lines.get(k)[1] + 1,
                  end));
        }
      }
      for (int k = 0; k < inSection.size(); k++) {
        Found f = inSection.get(k);
        if (f.title().isEmpty()) {
          continue; // a group marker: only a boundary
        }
        int e =
            k + 1 < inSection.size()
                ? inSection.get(k + 1).start() - inSection.get(k + 1).label().length() - 1
                : f.end();
        out.add(
            new Found(
                f.report(),
                f.title(),
                f.speaker(),
                f.kind(),
                f.section(),
                f.label(),
                f.start(),
                Math.max(f.start(), e)));
      }
    }
    return out;
  }

  private boolean titleLike(String l) {
    String c = Speakers.clean(l);
    int words = Grammar.words(c);
    LineKind kind = LineKind.of(c);
    int max =
        SESSION_KIND_FIRST.matcher(c).find()
                || SURNAME_DASH.matcher(c).find()
                || ORG_HEADING.matcher(l).find()
            ? 2 * weights.maxTitleLineWords()
            : weights.maxTitleLineWords();
    return words >= 2
        && words <= max
        && !l.endsWith(".")
        && !l.endsWith(",")
        && !l.endsWith(":")
        && kind != LineKind.TIMESTAMP
        && kind != LineKind.METADATA
        && kind != LineKind.CAPTION
        && kind != LineKind.LINK_OR_CODE
        && !GENERIC.matcher(c).matches()
        && c.codePoints().anyMatch(Character::isLetter);
  }

  /**
   * A line that reads as a statement: it opens with a pronoun, a demonstrative or a connective,
   * ends with ":" (it introduces what follows), or has a finite verb and at least {@value
   * #SENTENCE_WORDS} words.
   */
  private static boolean sentenceLike(String l) {
    dev.debrief.text.StandAlone.Verdict v =
        dev.debrief.text.StandAlone.check(l, dev.debrief.text.StandAlone.Form.NOTE);
    return l.endsWith(":")
        || v.problem() == dev.debrief.text.StandAlone.Problem.DANGLING_REFERENCE
        || v.problem() == dev.debrief.text.StandAlone.Problem.CONNECTIVE
        || Grammar.hasFiniteVerb(l) && Grammar.words(l) >= SENTENCE_WORDS;
  }

  /**
   * Words from which a line with a verb is a sentence rather than a title (the longest verb-bearing
   * talk line in ../shared's notes has 5).
   */
  static final int SENTENCE_WORDS = 6;

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

  /** A short unpunctuated line, as plain-text notes write them. */
  private static boolean noteLine(String l) {
    return !l.isEmpty() && Grammar.words(l) <= 12 && !l.endsWith(".");
  }

  /**
   * Talks listed as bullets outside any session ("So many other talks:" lists; not to-do, link or
   * reference lists of talks the author did not attend): a bullet that splits into a speaker and a
   * title written as a title — quoted, or in title case — such as "Ann Lee - Caching Without Tears"
   * or "Ann Lee, \"Caching without tears\"".
   */
  private static List<Found> listedTalks(
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
        if (Grammar.isBullet(raw)) {
          String l = Grammar.stripBullet(raw);
          LineKind kind = LineKind.of(l);
          if (AUTHORS_LINE.matcher(l).matches()
              || kind == LineKind.CAPTION
              || kind == LineKind.METADATA
              || kind == LineKind.TIMESTAMP
              || kind == LineKind.LINK_OR_CODE) {
            at = le + 1;
            continue;
          }
          Speakers.Parsed p = Speakers.parse(l, people, text, side);
          if (p.speaker().isEmpty()) {
            p = bySurname(l, text);
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

  private static final Pattern QUOTED_TALK =
      Pattern.compile(
          "(?i)\\b(?:talk|session|keynote|presentation|workshop|"
              + "tutorial|lightning talk)s?\\s+(?:called|named|titled|entitled|on|about)?\\s*[\"“]([^\"”]{4,120})[\"”]"
              + "(?:\\s+(?:from|by|with)\\s+((?:\\p{Lu}[\\p{L}'’\\-]+\\s?){2,3}))?");

  /**
   * Talks named in prose with a quoted title: a talk called "Caching without tears" from Ann Lee.
   */
  private static List<Found> quotedTalks(Report report, PersonNames people, List<Found> known) {
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
  private static List<Found> mentions(Report report, PersonNames people, List<Found> known) {
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

  private static String norm(String s) {
    return Tokens.fold(s);
  }
}
