package dev.debrief.answer;

import dev.debrief.model.Hit;
import java.util.List;
import java.util.Set;

/**
 * Where an answer starts: at the best sentence; for an overview, at the earliest of the sentences
 * scoring near the best (summaries lead); for a question about a whole section, at that section's
 * first statement among the passages found.
 */
final class AnswerStart {
  private AnswerStart() {}

  /**
   * Share of the best score within which an overview starts from the earliest sentence (summaries
   * lead).
   */
  static final double SUMMARY_NEAR = 0.95;

  /** Share of the question's concept weight a heading holds when it holds all of it. */
  static final double WHOLE_COVER = 0.999;

  /**
   * True when the question asks about a section as a whole: its heading holds every concept of the
   * question ("what did Werner Vogels talk about?" under "Dr. Werner Vogels - CTO Amazon.com").
   */
  static boolean sectionQuestion(QuestionAnalysis analysis, Set<String> heading) {
    return !analysis.concepts().isEmpty()
        && EvidenceSelector.cover(analysis.concepts(), heading) >= WHOLE_COVER;
  }

  /**
   * Where a question after several things ({@link QuestionAnalysis.Kind#LIST}) about a whole
   * section starts: at the section's first list item, when the passage has a list ("Top 3 talks"
   * opens with a paragraph of caveats, then lists the talks); null when it has none. A first item
   * that was not shortlisted for scoring takes the best line's scores: it stands for the section
   * the best line is in.
   */
  static Evidence.Scored listLead(
      Evidence.Scored best, List<Evidence.Line> passage, List<Evidence.Scored> scored) {
    for (Evidence.Line l : passage) {
      if (l.bullet() && !l.chrome()) {
        for (Evidence.Scored s : scored) {
          if (s.line().equals(l)) {
            return s;
          }
        }
        return new Evidence.Scored(
            l, best.similarity(), best.lexical(), best.relevance(), best.score());
      }
    }
    return null;
  }

  /** The first statement, among the scored lines, of the best line's section. */
  static Evidence.Scored sectionLead(Evidence.Scored best, List<Evidence.Scored> scored) {
    Hit h = best.line().hit();
    Evidence.Scored lead = best;
    for (Evidence.Scored s : scored) {
      Hit o = s.line().hit();
      if (o.reportId().equals(h.reportId()) && o.anchor().equals(h.anchor()) && before(s, lead)) {
        lead = s;
      }
    }
    return lead;
  }

  /** For an overview: the earliest (in its section) of the sentences scoring near the best. */
  static Evidence.Scored earliestNearBest(List<Evidence.Scored> scored) {
    Evidence.Scored best = scored.get(0);
    Evidence.Scored earliest = best;
    for (Evidence.Scored s : scored) {
      if (s.score() < SUMMARY_NEAR * best.score()) {
        break;
      }
      Hit h = s.line().hit();
      if (h.reportId().equals(best.line().hit().reportId())
          && h.anchor().equals(best.line().hit().anchor())
          && before(s, earliest)) {
        earliest = s;
      }
    }
    return earliest;
  }

  /**
   * True when {@code a} comes before {@code b} in their report (passage ids order passages of a
   * report).
   */
  private static boolean before(Evidence.Scored a, Evidence.Scored b) {
    int byPassage = a.line().hit().passageId().compareTo(b.line().hit().passageId());
    return byPassage < 0 || byPassage == 0 && a.line().index() < b.line().index();
  }

  /**
   * How far below the best score a sentence holding a word of the question may be and still lead
   * instead of a best that holds none. 0.02 and 0.05 gave the same answers on every question of the
   * shared sets and round5 A (stop 24); the smaller moves fewer answers on questions not seen.
   */
  static final double LEXICAL_LEAD_MARGIN = 0.02;

  /**
   * {@code scored} (best first; a question with concepts) with a sentence that shares a concept of
   * the question moved first when the best shares none and it scores within {@link
   * #LEXICAL_LEAD_MARGIN} of it: passage relevance alone made "module runs in the context of an
   * express router and" lead an answer about browsers, ahead of "I think web browsers should speak
   * XMPP and HTTP natively."
   */
  static List<Evidence.Scored> sharingAWordFirst(List<Evidence.Scored> scored) {
    Evidence.Scored best = scored.get(0);
    if (best.lexical() > 0) {
      return scored;
    }
    for (int i = 1; i < scored.size(); i++) {
      Evidence.Scored s = scored.get(i);
      if (best.score() - s.score() > LEXICAL_LEAD_MARGIN) {
        break;
      }
      if (s.lexical() > 0) {
        List<Evidence.Scored> out = new java.util.ArrayList<>(scored);
        out.remove(i);
        out.add(0, s);
        return out;
      }
    }
    return scored;
  }
}
