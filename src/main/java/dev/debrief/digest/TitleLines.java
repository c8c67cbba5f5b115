package dev.debrief.digest;

import dev.debrief.digest.SessionExtractor.Found;
import dev.debrief.digest.SessionExtractor.Kind;
import dev.debrief.digest.SessionExtractor.Weights;
import dev.debrief.model.Report;
import dev.debrief.model.Section;
import dev.debrief.text.Bullets;
import dev.debrief.text.FiniteVerbs;
import dev.debrief.text.Grammar;
import dev.debrief.text.LineKind;
import dev.debrief.text.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sessions named by title-like lines of raw notes (the second source of {@link SessionExtractor}):
 * a short line without closing period, followed by at least {@link Weights#minNotes} note lines
 * (bullets, or short unpunctuated lines), that carries a session word or a speaker, or that sits in
 * notes made mostly of bullets ("talk 2: caching at scale" above its bullets).
 */
final class TitleLines {
  private final Weights weights;

  /**
   * @param weights the thresholds (note lines needed, longest title line, raw-notes share)
   */
  TitleLines(Weights weights) {
    this.weights = weights;
  }

  /** A line that opens by naming its kind: "Keynote: …", "Tutorial : …", "Workshop - …". */
  static final Pattern SESSION_KIND_FIRST =
      Pattern.compile(
          "(?i)^(?:opening |closing )?(?:keynote|talk|"
              + "tutorial|workshop|panel|lightning talk|invited talk|poster session|poster|bof|fireside chat|demo)\\s*[:\\-–—]\\s+\\S");

  /** Talk lines of raw notes (see the class comment). */
  List<Found> find(
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
          if (Bullets.isBullet(l)) {
            bullets++;
          }
        }
        at = le + 1;
      }
      boolean rawNotes = nonEmpty > 0 && bullets >= weights.rawNotesShare() * nonEmpty;
      List<Found> inSection = new ArrayList<>();
      for (int k = 0; k < lines.size(); k++) {
        String raw = text.substring(lines.get(k)[0], lines.get(k)[1]);
        String l = SessionExtractor.ORG_HEADING.matcher(raw.strip()).replaceFirst("");
        boolean org = !l.equals(raw.strip());
        if (Bullets.isBullet(raw) && !org
            || !titleLike(org ? raw.strip() : l)
            || SessionSignals.AUTHORS_LINE.matcher(l).matches()) {
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
          p = SessionSignals.bySurname(l, text);
        }
        if (p.speaker().isEmpty() && sentenceLike(l)) {
          continue; // a sentence of the notes, not a talk's title
        }
        int notes = 0;
        for (int j = k + 1; j < lines.size(); j++) {
          String n = text.substring(lines.get(j)[0], lines.get(j)[1]);
          if (Bullets.isBullet(n)
              || n.startsWith("\t")
              || n.startsWith("    ")
              || noteLine(n.strip())) {
            notes++;
          } else {
            break;
          }
        }
        if (SessionSignals.GROUP_WORD.matcher(Speakers.clean(l)).find() && p.speaker().isEmpty()) {
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
            SessionExtractor.SESSION_WORD.matcher(l).find()
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
        out.add(f.withEnd(Math.max(f.start(), e)));
      }
    }
    return out;
  }

  boolean titleLike(String l) {
    String c = Speakers.clean(l);
    int words = Grammar.words(c);
    LineKind kind = LineKind.of(c);
    int max =
        SESSION_KIND_FIRST.matcher(c).find()
                || SessionSignals.SURNAME_DASH.matcher(c).find()
                || SessionExtractor.ORG_HEADING.matcher(l).find()
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
        && !SessionExtractor.GENERIC.matcher(c).matches()
        && c.codePoints().anyMatch(Character::isLetter);
  }

  /**
   * A line that reads as a statement: it opens with a pronoun, a demonstrative or a connective,
   * ends with ":" (it introduces what follows), or has a finite verb and at least {@value
   * #SENTENCE_WORDS} words.
   */
  static boolean sentenceLike(String l) {
    dev.debrief.text.StandAlone.Verdict v =
        dev.debrief.text.StandAlone.check(l, dev.debrief.text.StandAlone.Form.NOTE);
    return l.endsWith(":")
        || v.problem() == dev.debrief.text.StandAlone.Problem.DANGLING_REFERENCE
        || v.problem() == dev.debrief.text.StandAlone.Problem.CONNECTIVE
        || FiniteVerbs.hasFiniteVerb(l) && Grammar.words(l) >= SENTENCE_WORDS;
  }

  /**
   * Words from which a line with a verb is a sentence rather than a title (the longest verb-bearing
   * talk line in ../shared's notes has 5).
   */
  static final int SENTENCE_WORDS = 6;

  /** A short unpunctuated line, as plain-text notes write them. */
  static boolean noteLine(String l) {
    return !l.isEmpty() && Grammar.words(l) <= 12 && !l.endsWith(".");
  }
}
