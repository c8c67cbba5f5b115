package dev.debrief.eval;

import dev.debrief.answer.Answerer;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Runs question sets and computes, per set and over all of them:
 *
 * <ul>
 *   <li>recall@k: share of answerable questions with an evidence string held by one of the top-k
 *       passages;
 *   <li>MRR: mean of 1/rank of the first passage holding evidence (0 when none in the top k);
 *   <li>fact coverage: share of answerable questions whose answer matches all answer_facts regexes;
 *   <li>citation hit: share of answered, answerable questions with a citation whose quote holds
 *       evidence;
 *   <li>refusal accuracy: share of unanswerable questions refused;
 *   <li>false refusals: share of answerable questions refused;
 *   <li>sentences: mean sentences of the answers to answerable questions;
 *   <li>padding: mean, over right answers, of the share of their sentences outside the span from
 *       the first to the last sentence matching an answer_facts pattern (introductions before the
 *       answer and unrelated sentences after it; 0 when every sentence lies within).
 * </ul>
 *
 * Retrieval is measured for any number of ranked lists (BM25, vectors, hybrid); answers once per
 * question.
 */
public final class Evaluator {
  private final BiFunction<String, Integer, List<Hit>> search;
  private final Answerer answerer;

  /**
   * @param search (question, k) to hits, best first
   * @param answerer answers questions; null to skip answer metrics
   */
  public Evaluator(BiFunction<String, Integer, List<Hit>> search, Answerer answerer) {
    this.search = search;
    this.answerer = answerer;
  }

  /** One question of a named set. @param set the set's name (its file name) */
  public record Labeled(String set, QaItem item) {}

  /**
   * Per-question outcome.
   *
   * @param set the question set it came from
   * @param item the question
   * @param firstRank 1-based rank of the first passage holding evidence, 0 when none in the top k
   * @param answer the answer, or null when answers were not evaluated
   * @param missingFacts the answer_facts patterns the answer does not match (all of them when
   *     refused)
   * @param citationHit an answered question with a citation quoting evidence
   */
  public record Outcome(
      String set,
      QaItem item,
      int firstRank,
      Answer answer,
      List<String> missingFacts,
      boolean citationHit) {
    public Outcome {
      missingFacts = List.copyOf(missingFacts);
    }

    /** The question's id. */
    public String id() {
      return item.id();
    }

    /** The question's kind. */
    public String kind() {
      return item.kind();
    }

    /** True when an answer was given (not a refusal). */
    public boolean answered() {
      return answer != null && answer.answered();
    }

    /**
     * True when the answer matches every answer_facts pattern (false for unanswerable questions).
     */
    public boolean factsOk() {
      return answered() && !item.answerFacts().isEmpty() && missingFacts.isEmpty();
    }

    /** The answer's text ("" when answers were not evaluated). */
    public String answerText() {
      return answer == null ? "" : answer.text();
    }

    /**
     * Sentences of the answer (citation markers removed), as {@link Sentences#split} cuts them; 0
     * when refused.
     */
    public int sentences() {
      return answered() ? answerSentences().size() : 0;
    }

    /**
     * Share of a right answer's sentences outside the span from the first to the last one matching
     * an answer_facts pattern; 0 for an answer that is not right.
     */
    public double padding() {
      if (!factsOk()) {
        return 0;
      }
      List<String> sentences = answerSentences();
      int first = -1;
      int last = -1;
      for (int i = 0; i < sentences.size(); i++) {
        String s = sentences.get(i);
        if (item.answerFacts().stream()
            .anyMatch(f -> Pattern.compile(f, Pattern.CASE_INSENSITIVE).matcher(s).find())) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      // a fact matched only across a sentence break still counts the answer as right, unpadded
      return first < 0 ? 0 : (double) (sentences.size() - (last - first + 1)) / sentences.size();
    }

    private List<String> answerSentences() {
      String text = CITATION_MARKER.matcher(answer.text()).replaceAll("");
      return Sentences.split(text).stream().map(Sentences.Span::text).toList();
    }

    /** The verdict in a word: right, partial, refused, wrongly-answered, refused-correctly. */
    public String verdict() {
      if (item.unanswerable()) {
        return answered() ? "answered-unanswerable" : "refused-correctly";
      }
      if (!answered()) {
        return "refused-answerable";
      }
      return factsOk() ? "right" : "missing-facts";
    }
  }

  /** A citation marker in an answer's text (" [2]"). */
  private static final Pattern CITATION_MARKER = Pattern.compile("\\s*\\[\\d+\\]");

  /** Aggregates; counts are of questions; {@code sentences} and {@code padding} are means. */
  public record Metrics(
      int questions,
      int answerable,
      int unanswerable,
      double recallAtK,
      double mrr,
      double factCoverage,
      double citationHit,
      double refusalAccuracy,
      double falseRefusals,
      double sentences,
      double padding,
      int k,
      List<Outcome> outcomes) {
    /** The figures over {@code outcomes}. */
    public static Metrics of(List<Outcome> outcomes, int k) {
      int answerable = 0;
      int unanswerable = 0;
      int recalled = 0;
      double rr = 0;
      int facts = 0;
      int cited = 0;
      int answeredAnswerable = 0;
      int refusedUnanswerable = 0;
      int falseRefusals = 0;
      int sentences = 0;
      double padding = 0;
      for (Outcome o : outcomes) {
        if (o.item().unanswerable()) {
          unanswerable++;
          if (o.answer() != null && !o.answered()) {
            refusedUnanswerable++;
          }
          continue;
        }
        answerable++;
        if (o.firstRank() > 0) {
          recalled++;
          rr += 1.0 / o.firstRank();
        }
        if (o.factsOk()) {
          facts++;
          padding += o.padding();
        }
        if (o.citationHit()) {
          cited++;
        }
        if (o.answered()) {
          answeredAnswerable++;
          sentences += o.sentences();
        } else if (o.answer() != null) {
          falseRefusals++;
        }
      }
      return new Metrics(
          outcomes.size(),
          answerable,
          unanswerable,
          ratio(recalled, answerable),
          ratio(rr, answerable),
          ratio(facts, answerable),
          ratio(cited, answeredAnswerable),
          ratio(refusedUnanswerable, unanswerable),
          ratio(falseRefusals, answerable),
          ratio(sentences, answeredAnswerable),
          ratio(padding, facts),
          k,
          List.copyOf(outcomes));
    }

    /** The figures of one set's outcomes. */
    public Metrics ofSet(String set) {
      return of(outcomes.stream().filter(o -> o.set().equals(set)).toList(), k);
    }
  }

  /** Evaluates {@code items} (one unnamed set) at depth {@code k}. */
  public Metrics run(List<QaItem> items, int k) {
    return runSets(items.stream().map(i -> new Labeled("", i)).toList(), k);
  }

  /** Evaluates labeled questions at depth {@code k}. */
  public Metrics runSets(List<Labeled> items, int k) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Labeled l : items) {
      QaItem item = l.item();
      List<Hit> hits = search.apply(item.question(), k);
      int first = 0;
      for (int i = 0; i < hits.size() && first == 0; i++) {
        for (String e : item.evidence()) {
          if (Evidence.holds(hits.get(i).text(), e)) {
            first = i + 1;
            break;
          }
        }
      }
      Answer a =
          answerer == null
              ? null
              : answerer.answer(new Question(item.question(), List.of(), SearchFilters.NONE));
      List<String> missing = new ArrayList<>();
      boolean answered = a != null && a.answered();
      for (String f : item.answerFacts()) {
        if (!answered || !Pattern.compile(f, Pattern.CASE_INSENSITIVE).matcher(a.text()).find()) {
          missing.add(f);
        }
      }
      boolean citationHit =
          answered
              && a.citations().stream()
                  .map(Citation::quote)
                  .anyMatch(q -> item.evidence().stream().anyMatch(e -> Evidence.holds(q, e)));
      outcomes.add(new Outcome(l.set(), item, first, a, missing, citationHit));
    }
    return Metrics.of(outcomes, k);
  }

  private static double ratio(double a, int b) {
    return b == 0 ? 0 : a / b;
  }
}
