package dev.debrief.eval;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Measures citation verification on question sets: for each question, the retrieved passages are
 * cited at random by fake LLM answers, and {@link CitationVerifier} must keep the correct citations
 * and drop the wrong ones.
 *
 * <ul>
 *   <li>correct: a sentence of passage A, verbatim or paraphrased (framing, word drops, synonyms,
 *       shortened clause), cited as A;
 *   <li>wrong: a sentence of passage A (verbatim or paraphrased) cited as another retrieved passage
 *       B that does not contain it.
 * </ul>
 *
 * Fake answers of three or four such sentences go through {@link CitationVerifier#verify} as one
 * reply, so the marker parsing, sentence splitting and renumbering are exercised too. Reports the
 * share of correct citations kept and of wrong ones dropped; with {@code --calibrate} also searches
 * the threshold grid. The fake claims are made by {@link FakeCitations}.
 *
 * <p>Run: {@code debrief eval-citations [--index DIR] [--embedding MODEL] [--calibrate] [QA...]}
 * (defaults: {@code ../shared/qa/*.jsonl}, the configured default model; without {@code --index}, a
 * temporary index of {@code ../shared/reports}).
 */
public final class CitationVerificationEval {
  /**
   * Shares measured.
   *
   * @param correct correct citations tried
   * @param correctKept of those, kept
   * @param wrong wrong citations tried
   * @param wrongDropped of those, dropped
   * @param questions questions with at least two passages
   */
  public record Metrics(int correct, int correctKept, int wrong, int wrongDropped, int questions) {
    public double keptShare() {
      return correct == 0 ? 1 : (double) correctKept / correct;
    }

    public double droppedShare() {
      return wrong == 0 ? 1 : (double) wrongDropped / wrong;
    }
  }

  /** One labelled claim for calibration. */
  private final CitationVerifier verifier;

  private final long seed;
  private boolean verbose;

  /** Prints each misjudged citation. */
  public CitationVerificationEval verbose(boolean v) {
    this.verbose = v;
    return this;
  }

  private static String abbreviate(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 160 ? t.substring(0, 160) + "…" : t;
  }

  public CitationVerificationEval(CitationVerifier verifier, long seed) {
    this.verifier = verifier;
    this.seed = seed;
  }

  /**
   * @param search retrieval: question and k to hits, best first
   * @param k passages per question, as an LLM prompt would carry
   */
  public Metrics run(List<QaItem> items, BiFunction<String, Integer, List<Hit>> search, int k) {
    Random random = new Random(seed);
    int correct = 0;
    int kept = 0;
    int wrong = 0;
    int dropped = 0;
    int questions = 0;
    for (QaItem item : items) {
      List<Hit> hits = search.apply(item.question(), k);
      if (hits.size() < 2) {
        continue;
      }
      questions++;
      List<FakeCitations.Labelled> claims = FakeCitations.claims(hits, random);
      for (int from = 0; from < claims.size(); from += 3 + random.nextInt(2)) {
        List<FakeCitations.Labelled> group =
            claims.subList(from, Math.min(claims.size(), from + 3 + random.nextInt(2)));
        StringBuilder reply = new StringBuilder();
        for (FakeCitations.Labelled c : group) {
          reply
              .append(Sentences.stripEnd(c.claim()))
              .append(" [")
              .append(hits.indexOf(c.cited()) + 1)
              .append("]. ");
        }
        CitationVerifier.Result r = verifier.verify(reply.toString(), hits, false);
        Map<String, Set<String>> keptCitations = keptByBody(r);
        for (FakeCitations.Labelled c : group) {
          Set<String> cited = keptCitations.getOrDefault(FakeCitations.key(c.claim()), Set.of());
          boolean keptIt = cited.contains(c.cited().passageId());
          if (verbose && keptIt != c.correct()) {
            CitationVerifier.Support sp =
                verifier.support(Sentences.stripEnd(c.claim()), c.cited());
            System.out.printf(
                Locale.ROOT,
                "%s %s sim=%.2f overlap=%.2f numbers=%s | %s | cited: %s%n",
                c.correct() ? "LOST-CORRECT" : "KEPT-WRONG",
                item.id(),
                sp.similarity(),
                sp.overlap(),
                sp.numbersFound(),
                c.claim(),
                abbreviate(c.cited().text()));
          }
          if (c.correct()) {
            correct++;
            kept += keptIt ? 1 : 0;
          } else {
            wrong++;
            dropped += keptIt ? 0 : 1;
          }
        }
      }
    }
    return new Metrics(correct, kept, wrong, dropped, questions);
  }

  /**
   * Grid search of thresholds: the best drop share among settings keeping at least {@code minKeep}.
   */
  public String calibrate(
      List<QaItem> items, BiFunction<String, Integer, List<Hit>> search, int k, double minKeep) {
    Random random = new Random(seed);
    List<CitationVerifier.Support> good = new ArrayList<>();
    List<CitationVerifier.Support> bad = new ArrayList<>();
    for (QaItem item : items) {
      List<Hit> hits = search.apply(item.question(), k);
      if (hits.size() < 2) {
        continue;
      }
      for (FakeCitations.Labelled c : FakeCitations.claims(hits, random)) {
        CitationVerifier.Support s = verifier.support(Sentences.stripEnd(c.claim()), c.cited());
        (c.correct() ? good : bad).add(s);
      }
    }
    StringBuilder out = new StringBuilder();
    double bestScore = -1;
    String best = "";
    // whole-number steps (0.05 for shares, 0.02 for cosines), so no value drifts past its range;
    // e5's cosines
    // sit high, so the similarity grid reaches 0.96
    for (int oaStep = 10; oaStep <= 20; oaStep++) {
      for (int simStep = 20; simStep <= 48; simStep++) {
        for (int owsStep = 0; owsStep <= oaStep; owsStep++) {
          double oa = oaStep / 20.0;
          double sim = simStep / 50.0;
          double ows = owsStep / 20.0;
          CitationVerifier v =
              new CitationVerifier(null, new CitationVerifier.Thresholds(oa, sim, ows));
          double keep = share(good, v);
          double drop = 1 - share(bad, v);
          double score = keep >= minKeep ? drop + keep / 100 : -1 + keep;
          if (score > bestScore) {
            bestScore = score;
            best =
                String.format(
                    Locale.ROOT,
                    "overlapAlone=%.2f similarity=%.2f overlapWithSimilarity=%.2f "
                        + "-> kept %.3f, dropped %.3f",
                    oa,
                    sim,
                    ows,
                    keep,
                    drop);
          }
        }
      }
    }
    out.append("calibration on ")
        .append(good.size())
        .append(" correct and ")
        .append(bad.size())
        .append(" wrong citations: ")
        .append(best);
    return out.toString();
  }

  /**
   * Share of supports the thresholds accept, as {@link CitationVerifier#supports} with an embedder
   * decides.
   */
  private static double share(List<CitationVerifier.Support> supports, CitationVerifier shape) {
    int yes = 0;
    CitationVerifier.Thresholds t = shape.thresholds();
    for (CitationVerifier.Support s : supports) {
      boolean ok =
          s.numbersFound()
              && s.terms() > 0
              && (s.overlap() >= t.overlapAlone()
                  || s.similarity() >= t.similarity() && s.overlap() >= t.overlapWithSimilarity());
      yes += ok ? 1 : 0;
    }
    return supports.isEmpty() ? 1 : (double) yes / supports.size();
  }

  private static Map<String, Set<String>> keptByBody(CitationVerifier.Result r) {
    Map<Integer, String> byNumber = new HashMap<>();
    for (Citation c : r.citations()) {
      byNumber.put(c.n(), c.passageId());
    }
    Map<String, Set<String>> out = new HashMap<>();
    for (CitationVerifier.Sentence s : CitationVerifier.split(r.text())) {
      Set<String> ids = out.computeIfAbsent(FakeCitations.key(s.body()), x -> new HashSet<>());
      for (int n : s.cited()) {
        if (byNumber.containsKey(n)) {
          ids.add(byNumber.get(n));
        }
      }
    }
    return out;
  }
}
