package dev.debrief.answer;

import dev.debrief.model.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The stretches {@link EvidenceSelector} quotes, grown by {@link StretchBuilder}: one from an
 * anchor, one per event for a comparison, one per further part of the question the stretches so far
 * do not answer (from the same report), and a second one where another passage answers as well.
 */
final class StretchSelector {
  /**
   * Share of a further question's own best score that its stretch must reach, and a sentence to
   * qualify.
   */
  static final double PART_MIN_LEXICAL = 0.3;

  /**
   * Least cosine similarity between a further part of the question and the sentence that answers
   * it: the line {@link RefusalPolicy#DEFAULT} draws ({@code passingSim}) between a sentence about
   * the question and one that only shares a word with it. Measured with {@code debrief eval} on
   * ../shared/qa (round2 as the tuning set): of the five part stretches opened, three were below it
   * (0.75, 0.77, 0.795), two of them off the subject ("Here are some that I missed…" for "who
   * filled in for the missing keynote speaker?") and none adding an expected fact; the two above
   * (0.82, 0.86) include the one that did.
   */
  static final double PART_MIN_SIMILARITY = 0.80;

  /** Share of the question's concept weight a heading must hold for its list to be quoted whole. */
  static final double LIST_HEADING_COVER = 0.5;

  /** Most sentences (written units) the stretch for a further part of the question quotes. */
  static final int PART_MAX_UNITS = 2;

  private final StretchBuilder builder;
  private final EvidenceSelector.Weights weights;

  /**
   * @param weights the weights ({@link EvidenceSelector.Weights#keepList()}, {@link
   *     EvidenceSelector.Weights#second()} and those {@link StretchBuilder} reads)
   */
  StretchSelector(EvidenceSelector.Weights weights) {
    this.weights = weights;
    this.builder = new StretchBuilder(weights);
  }

  /**
   * One stretch per event of a comparison.
   *
   * @param analysis the question (its mention's events are compared)
   * @param subject the text the question's vector is made from
   * @param pool the passages' lines
   * @param maxSentences most sentences to quote in all (shared among the events)
   * @param exclude lines not to quote
   * @return the stretches, in the events' order; empty when no event has a line to quote
   */
  List<Evidence.Stretch> comparison(
      QuestionAnalysis analysis,
      String subject,
      LineScorer.Pool pool,
      int maxSentences,
      Predicate<Evidence.Line> exclude) {
    List<Evidence.Stretch> stretches = new ArrayList<>();
    // each event is scored on its own, so the better-covered one cannot crowd the other out of
    // the shortlist
    int each = Math.max(1, maxSentences / Math.max(1, analysis.mention().events().size()));
    for (EventCatalog.Event e : analysis.mention().events()) {
      List<Evidence.Scored> ofEvent =
          pool.score(
              analysis,
              analysis.concepts(),
              subject,
              l -> exclude.test(l) || !e.reportIds().contains(l.hit().reportId()));
      if (!ofEvent.isEmpty()) {
        Map<Evidence.Line, Evidence.Scored> lines = new HashMap<>();
        ofEvent.forEach(x -> lines.put(x.line(), x));
        stretches.add(stretch(ofEvent.get(0), pool, lines, each, analysis, false));
      }
    }
    return stretches;
  }

  /**
   * Adds to {@code stretches} a stretch for each further part of the question that the quoted text
   * does not answer and {@code first}'s report does, while there is room.
   *
   * @param stretches the stretches so far, {@code first} among them; added to
   * @param first the first stretch
   * @param analysis the question
   * @param pool the passages' lines
   * @param used sentences (written units) quoted so far
   * @param maxSentences most sentences to quote in all
   * @param exclude lines not to quote
   * @return the sentences quoted once the parts' stretches are added
   */
  int addParts(
      List<Evidence.Stretch> stretches,
      Evidence.Stretch first,
      QuestionAnalysis analysis,
      LineScorer.Pool pool,
      int used,
      int maxSentences,
      Predicate<Evidence.Line> exclude) {
    for (QuestionAnalysis.Part part : analysis.parts()) {
      if (used >= maxSentences) {
        break;
      }
      Set<String> covered = new HashSet<>(pool.headings.get(first.lines().get(0).rank()));
      stretches.forEach(s -> s.lines().forEach(l -> covered.addAll(l.terms())));
      if (part.concepts().stream().allMatch(c -> c.coveredBy(covered))) {
        continue;
      }
      Set<Evidence.Line> quoted = new HashSet<>();
      stretches.forEach(s -> quoted.addAll(s.lines()));
      String report = first.hit().reportId();
      List<Evidence.Scored> forPart =
          pool.score(
              analysis,
              part.concepts(),
              part.text(),
              l -> exclude.test(l) || quoted.contains(l) || !l.hit().reportId().equals(report));
      Evidence.Scored partAnchor = partAnchor(forPart, part.concepts(), covered);
      if (partAnchor == null) {
        continue; // a further question the report does not answer gets no filler
      }
      Map<Evidence.Line, Evidence.Scored> partLines = new HashMap<>();
      forPart.forEach(s -> partLines.put(s.line(), s));
      Evidence.Stretch more =
          builder.grow(
              partAnchor,
              pool.passages.get(partAnchor.line().rank()),
              partLines,
              Math.min(PART_MAX_UNITS, maxSentences - used),
              StretchBuilder.Mode.STRICT,
              part.concepts(),
              pool.headings.get(partAnchor.line().rank()));
      stretches.add(trim(more, quoted));
      used += StretchBuilder.units(more.lines());
    }
    return used;
  }

  /**
   * The sentence that answers a further part of the question: the best-scored one, among those
   * scoring at least {@link EvidenceSelector.Weights#keepList()} of the part's best, with at least
   * {@link #PART_MIN_LEXICAL} concept overlap, at least {@link #PART_MIN_SIMILARITY} cosine to the
   * part's text, and a concept of the part the quoted text lacks. A sentence that only repeats what
   * is already quoted, however well it scores, adds nothing the part asks for ("what metaphor did
   * she use for codebases?" after a stretch that said "metaphor" needs "codebases"). Null when none
   * does.
   */
  private Evidence.Scored partAnchor(
      List<Evidence.Scored> forPart, List<QuestionAnalysis.Concept> concepts, Set<String> covered) {
    List<QuestionAnalysis.Concept> missing =
        concepts.stream().filter(c -> !c.coveredBy(covered)).toList();
    for (Evidence.Scored s : forPart) {
      if (s.score() < weights.keepList() * forPart.get(0).score()) {
        return null;
      }
      boolean holdsAll = concepts.stream().allMatch(c -> c.coveredBy(s.line().terms()));
      if (s.lexical() >= PART_MIN_LEXICAL
          && (s.similarity() >= PART_MIN_SIMILARITY || holdsAll)
          && missing.stream().anyMatch(c -> c.coveredBy(s.line().terms()))) {
        return s;
      }
    }
    return null;
  }

  /**
   * A second stretch, from the best sentence not quoted yet and not next to a quoted one, when it
   * scores at least {@link EvidenceSelector.Weights#second()} of the first anchor and is of the
   * first one's report or event: two passages that both answer are both quoted. Null when none
   * does.
   */
  Evidence.Stretch secondStretch(
      List<Evidence.Scored> scored,
      List<Evidence.Stretch> stretches,
      LineScorer.Pool pool,
      Map<Evidence.Line, Evidence.Scored> byLine,
      int room,
      QuestionAnalysis analysis) {
    Set<Evidence.Line> quoted = new HashSet<>();
    stretches.forEach(s -> quoted.addAll(s.lines()));
    double bar = weights.second() * scored.get(0).score();
    double lexicalBar = weights.secondLexical() * scored.get(0).lexical();
    for (Evidence.Scored s : scored) {
      if (s.score() < bar) {
        return null;
      }
      if (quoted.contains(s.line())
          || nextTo(s.line(), quoted)
          || s.lexical() < lexicalBar
          || !sameEvent(s.line().hit(), scored.get(0).line().hit())) {
        continue;
      }
      Evidence.Stretch more = stretch(s, pool, byLine, room, analysis, false);
      Evidence.Stretch kept = trim(more, quoted);
      return kept.lines().stream().anyMatch(quoted::contains) ? null : kept;
    }
    return null;
  }

  /**
   * True when two passages are of one report or of one event: outside a comparison an answer does
   * not quietly mix what two events' reports say ("which vendor areas dominated the expo floor?"
   * quoted KubeCon's expo, then another conference's hall).
   */
  private static boolean sameEvent(Hit a, Hit b) {
    return a.reportId().equals(b.reportId())
        || !a.event().isBlank() && a.event().equalsIgnoreCase(b.event());
  }

  /** True when {@code line} is next to a quoted line of the same passage. */
  private static boolean nextTo(Evidence.Line line, Set<Evidence.Line> quoted) {
    for (Evidence.Line q : quoted) {
      if (q.rank() == line.rank() && Math.abs(q.index() - line.index()) <= 1) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stretch grown from {@code anchor}: a whole section or list when the question asks about it,
   * with the speaker named for a "who" question.
   *
   * @param anchor the sentence the stretch grows from
   * @param pool the passages' lines
   * @param byLine the scored lines
   * @param max most sentences (written units)
   * @param analysis the question
   * @param aboutSection true to quote the anchor's section as a whole
   */
  Evidence.Stretch stretch(
      Evidence.Scored anchor,
      LineScorer.Pool pool,
      Map<Evidence.Line, Evidence.Scored> byLine,
      int max,
      QuestionAnalysis analysis,
      boolean aboutSection) {
    Set<String> heading = pool.headings.get(anchor.line().rank());
    boolean section = aboutSection || AnswerStart.sectionQuestion(analysis, heading);
    boolean wholeList =
        section
            || !analysis.concepts().isEmpty()
                && EvidenceSelector.cover(analysis.concepts(), heading) >= LIST_HEADING_COVER;
    Evidence.Stretch s =
        builder.grow(
            anchor,
            pool.passages.get(anchor.line().rank()),
            byLine,
            max,
            new StretchBuilder.Mode(
                analysis.summary() || section,
                wholeList,
                analysis.kinds().contains(QuestionAnalysis.Kind.LIST),
                analysis.kinds().contains(QuestionAnalysis.Kind.OPINION)),
            analysis.concepts(),
            heading);
    if (analysis.kinds().contains(QuestionAnalysis.Kind.TALK)) {
      String talk = TalkTitles.of(s, pool.passages.get(anchor.line().rank()));
      if (talk != null) {
        return new Evidence.Stretch(s.anchor(), s.lines(), talk);
      }
    }
    if (analysis.kinds().contains(QuestionAnalysis.Kind.WHO)) {
      List<Evidence.Line> passage = pool.passages.get(anchor.line().rank());
      String speaker = Speakers.of(s.lines(), passage, anchor.line().hit().headingPath());
      if (speaker != null) {
        return new Evidence.Stretch(s.anchor(), s.lines(), speaker);
      }
    }
    return s;
  }

  /** A stretch without the lines another stretch already quotes (it keeps at least its anchor). */
  private static Evidence.Stretch trim(Evidence.Stretch s, Set<Evidence.Line> quoted) {
    List<Evidence.Line> kept = s.lines().stream().filter(l -> !quoted.contains(l)).toList();
    return kept.isEmpty() ? s : new Evidence.Stretch(s.anchor(), kept, s.speaker());
  }
}
