package dev.debrief.answer;

import dev.debrief.embed.Embedder;
import dev.debrief.model.Hit;
import dev.debrief.retrieve.TermStatistics;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cuts retrieved passages into {@link Evidence.Line}s and scores them against a question: an
 * IDF-weighted concept overlap (the sentence, with the sentence before it at a discount, and its
 * heading at half), the passage's relevance, and for the best {@link
 * EvidenceSelector.Weights#shortlist()} the cosine of their embeddings with their context (section
 * heading and the sentence before) to the question's; plus small bonuses for a number the question
 * does not hold itself when a number is asked for, a person's name when "who" is asked, a summary
 * heading for an overview. Line vectors are kept, so another part of the same question can be
 * scored without embedding again.
 */
final class LineScorer {
  private static final Pattern SUMMARY_HEADING =
      Pattern.compile(
          "(?i)(summary|conclusion|takeaway|overview|wrap|tl;?dr|recap|highlights|lessons|final thoughts|in short)");

  /** "Name Surname" inside a sentence: how report sentences name a speaker. */
  static final Pattern PERSON =
      Pattern.compile("\\b\\p{Lu}[\\p{Ll}’'\\-]+\\s+(?:\\p{Lu}\\.?\\s+)?\\p{Lu}[\\p{Ll}’'\\-]+\\b");

  /** A capitalised word inside a sentence (not its first): a company, a product, a person. */
  static final Pattern NAMED = Pattern.compile("\\S\\s+\\p{Lu}[\\p{L}\\p{N}]+");

  /**
   * Share of its overlap with one part of a question asked in several breaths that counts as the
   * sentence's overlap with the whole question. Measured with {@code debrief eval} on ../shared/qa:
   * 1.0 and 0.7 let "I'd estimate around 11-12K attendees next year" (one part) outrank the
   * sentence that answers both parts of q005 (0.73 of the whole; reports-dev facts 0.900 -> 0.800);
   * 0.6 keeps that order and still lets the sentence that answers the first part of round2 n019
   * pass the refusal floor. Chosen on those two questions: a share between the overlap of a
   * sentence answering one of two parts (about half) and one answering both.
   */
  static final double PART_LEXICAL_SHARE = 0.6;

  private final Embedder embedder;
  private final PassageLines passageLines;
  private final TermStatistics stats;
  private final EvidenceSelector.Weights weights;

  LineScorer(Embedder embedder, TermStatistics stats, EvidenceSelector.Weights weights) {
    this.embedder = embedder;
    this.stats = stats;
    this.passageLines = new PassageLines(stats);
    this.weights = weights;
  }

  /** The passages of one question, cut into lines, with what scoring them needs. */
  final class Pool {
    final List<Hit> hits;
    final List<List<Evidence.Line>> passages = new ArrayList<>();
    final double[] coverage;
    private final List<Set<String>> present = new ArrayList<>();
    final List<Set<String>> headings = new ArrayList<>();
    final Map<Evidence.Line, float[]> vectors = new HashMap<>();

    Pool(List<Hit> hits, QuestionAnalysis analysis) {
      this.hits = hits;
      this.coverage = new double[hits.size()];
      Set<String> given = LineTerms.numerals(analysis.text());
      for (int r = 0; r < hits.size(); r++) {
        Hit h = hits.get(r);
        List<Evidence.Line> lines = passageLines.of(h, r, given);
        passages.add(lines);
        Set<String> heading = new HashSet<>(stats.terms(h.pathLabel(), 256));
        // a speaker line under a talk's title labels the passage as its heading does
        lines.stream().filter(Speakers::isSpeakerLine).forEach(l -> heading.addAll(l.terms()));
        headings.add(heading);
        Set<String> present =
            new HashSet<>(
                stats.terms(
                    h.text() + "\n" + h.pathLabel() + "\n" + h.title() + "\n" + h.event(),
                    100_000));
        this.present.add(present);
        coverage[r] = EvidenceSelector.cover(analysis.concepts(), present);
      }
    }

    /**
     * The best passage's IDF-weighted share of {@code concepts} (1 when there are none): of the
     * question's whole subject, or of one part of it.
     */
    double bestCoverage(List<QuestionAnalysis.Concept> concepts) {
      double best = concepts.isEmpty() ? 1.0 : 0;
      for (Set<String> present : present) {
        best = Math.max(best, EvidenceSelector.cover(concepts, present));
      }
      return best;
    }

    /**
     * The lines scored for {@code concepts} and {@code question} (embedded as a query), best first;
     * lines {@code exclude} matches, chrome and the same sentence a second time are left out.
     */
    List<Evidence.Scored> score(
        QuestionAnalysis analysis,
        List<QuestionAnalysis.Concept> concepts,
        String question,
        Predicate<Evidence.Line> exclude) {
      record Pre(Evidence.Line line, double lexical, double relevance) {}
      List<Pre> pre = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (List<Evidence.Line> lines : passages) {
        for (Evidence.Line l : lines) {
          if (l.chrome() || exclude.test(l) || tooShort(l) || !seen.add(normal(l.text()))) {
            continue;
          }
          Set<String> heading = headings.get(l.rank());
          double lex = lexical(concepts, analysis.names(), l.terms(), heading);
          if (concepts == analysis.concepts()) {
            // a question asked in several breaths is answered part by part: a sentence that holds
            // one part's subject overlaps with the question nearly as well as one that holds all
            for (QuestionAnalysis.Part part : analysis.parts()) {
              if (!part.overview()) {
                lex =
                    Math.max(
                        lex,
                        PART_LEXICAL_SHARE
                            * lexical(part.concepts(), List.of(), l.terms(), heading));
              }
            }
          }
          if (l.index() > 0 && !lines.get(l.index() - 1).chrome()) {
            Set<String> window = new HashSet<>(l.terms());
            window.addAll(lines.get(l.index() - 1).terms());
            double share =
                SentenceShape.leansBack(l.text()) ? weights.leaningContext() : weights.context();
            lex = Math.max(lex, share * lexical(concepts, analysis.names(), window, heading));
          }
          double rel =
              weights.rankPrior() / (1 + l.rank()) + (1 - weights.rankPrior()) * coverage[l.rank()];
          pre.add(new Pre(l, lex, rel));
        }
      }
      pre.sort(
          Comparator.comparingDouble(
              (Pre p) -> -(weights.lexical() * p.lexical() + weights.relevance() * p.relevance())));
      List<Pre> shortlist =
          new ArrayList<>(pre.subList(0, Math.min(weights.shortlist(), pre.size())));
      if (shortlist.isEmpty()) {
        return List.of();
      }
      List<Evidence.Line> missing = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (Pre p : shortlist) {
        if (!vectors.containsKey(p.line())) {
          missing.add(p.line());
          texts.add(context(p.line(), passages.get(p.line().rank())));
        }
      }
      List<float[]> fresh = embedder.embedAll(texts);
      for (int i = 0; i < missing.size(); i++) {
        vectors.put(missing.get(i), fresh.get(i));
      }
      float[] q = embedder.embed(question);
      boolean number = analysis.kinds().contains(QuestionAnalysis.Kind.NUMBER);
      boolean who = analysis.kinds().contains(QuestionAnalysis.Kind.WHO);
      boolean names = analysis.kinds().contains(QuestionAnalysis.Kind.NAMES);
      boolean summary = analysis.summary();
      List<Evidence.Scored> out = new ArrayList<>();
      for (Pre p : shortlist) {
        double sim = Vectors.dot(q, vectors.get(p.line()));
        double score =
            weights.similarity() * sim
                + weights.lexical() * p.lexical()
                + weights.relevance() * p.relevance();
        String t = p.line().text();
        if (number && p.line().terms().contains(LineTerms.NUMBER)) {
          score += weights.numberBonus();
        }
        if (who && PERSON.matcher(SentenceShape.withoutBullet(t)).find()
            || names && NAMED.matcher(SentenceShape.withoutBullet(t)).find()) {
          score += weights.whoBonus();
        }
        if (summary && SUMMARY_HEADING.matcher(p.line().hit().pathLabel()).find()) {
          score += weights.summaryBonus();
        }
        out.add(new Evidence.Scored(p.line(), sim, p.lexical(), p.relevance(), score));
      }
      out.sort(Comparator.comparingDouble((Evidence.Scored s) -> -s.score()));
      return out;
    }
  }

  /**
   * Fewer words than a statement needs: two for a line with a number ("2500 people"), else three.
   */
  private static boolean tooShort(Evidence.Line l) {
    int words = SentenceShape.words(l.text());
    return words < 2 || words < 3 && !l.terms().contains(LineTerms.NUMBER);
  }

  /** The lines of {@code hits} for {@code analysis}. */
  Pool pool(List<Hit> hits, QuestionAnalysis analysis) {
    return new Pool(hits, analysis);
  }

  /** What a sentence is embedded as: {@link SentenceContexts#context}. */
  static String context(Evidence.Line l, List<Evidence.Line> passage) {
    Evidence.Line before = l.index() > 0 ? passage.get(l.index() - 1) : null;
    return SentenceContexts.context(
        l.hit().sectionLabel(), before == null || before.chrome() ? null : before.text(), l.text());
  }

  /**
   * IDF-weighted share of the concepts (and the names, once more each) the sentence holds; a
   * concept only in the heading counts half, a name in the heading in full (a talk heading names
   * its speaker).
   */
  static double lexical(
      List<QuestionAnalysis.Concept> concepts,
      List<QuestionAnalysis.Name> names,
      Set<String> sentence,
      Set<String> heading) {
    double total = 0;
    double found = 0;
    for (QuestionAnalysis.Concept c : concepts) {
      total += c.weight();
      if (c.coveredBy(sentence)) {
        found += c.weight();
      } else if (c.coveredBy(heading)) {
        found += 0.5 * c.weight();
      }
    }
    for (QuestionAnalysis.Name n : names) {
      double w = n.terms().size();
      total += w;
      if (n.foundIn(sentence) || n.foundIn(heading)) {
        found += w;
      }
    }
    return total == 0 ? 0 : found / total;
  }

  /** A sentence's comparison form for "shown twice": letters and digits, lower case. */
  static String normal(String s) {
    StringBuilder b = new StringBuilder();
    SentenceShape.withoutBullet(s)
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(b::appendCodePoint);
    return b.toString();
  }
}
