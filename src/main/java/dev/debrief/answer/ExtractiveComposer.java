package dev.debrief.answer;

import dev.debrief.embed.Embedder;
import dev.debrief.embed.Vectors;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.retrieve.CitationLinks;
import dev.debrief.retrieve.TermStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline answer: picks the 2–{@code maxSentences} sentences of the top passages that best answer the
 * question and cites each one.
 *
 * <p>Each candidate sentence is scored by cosine similarity of its MiniLM vector to the question's, by the
 * IDF-weighted share of the question's terms it contains (heading terms count half), and by its passage's
 * rank. Selection is greedy with a redundancy check (token Jaccard), in the spirit of maximal marginal
 * relevance (Carbonell &amp; Goldstein, SIGIR 1998). Selected sentences are shown grouped by passage, in
 * document order, each followed by {@code [n]}; sources are numbered in order of first use.
 *
 * <p>Refusal: when the question's content terms are mostly absent from the top passages, or no sentence is
 * semantically close, it says so and lists the three closest sections. Thresholds were calibrated with
 * {@code debrief eval} on {@code ../shared/qa} (see README).
 */
public final class ExtractiveComposer implements AnswerComposer {
  /** Words that frame a question about a report rather than name its subject. */
  private static final String FRAME_WORDS = "what which who whom whose how many much did does do say said says "
      + "talk talks talked tell told mention mentioned mentions report reports according anything something "
      + "interesting cover covered covers discuss discussed give me main point big happen happened share shared "
      + "people per he she they his her their event conference session sessions keynote about there";
  private static final Pattern SUMMARY = Pattern.compile(
      "(?i)\\b(summar\\w*|overview|recap|tl;?dr|gist|highlights|takeaways?|executive)\\b");
  private static final Pattern SUMMARY_HEADING = Pattern.compile(
      "(?i)(summary|conclusion|takeaway|overview|wrap|tl;?dr|recap|highlights)");

  private final Embedder embedder;
  private final TermStatistics stats;
  private final CitationLinks links;
  private final int maxSentences;
  private final Thresholds thresholds;
  private final Set<String> frameTerms;

  /**
   * Refusal thresholds.
   *
   * @param minCoverage  below this IDF-weighted share of content terms found in the top passages: refuse
   * @param minSimilarity below this best sentence cosine: refuse
   * @param strongSimilarity at or above this best sentence cosine, low coverage is forgiven
   */
  public record Thresholds(double minCoverage, double minSimilarity, double strongSimilarity) {
    /** Calibrated defaults (README, "Refusal calibration"). */
    public static final Thresholds DEFAULT = new Thresholds(0.45, 0.30, 0.62);
  }

  /**
   * @param embedder     embeds the question and candidate sentences
   * @param stats        term analysis and IDF
   * @param links        re-points links at cited sentences
   * @param maxSentences at most this many sentences (2..10)
   * @param thresholds   refusal thresholds
   */
  public ExtractiveComposer(Embedder embedder, TermStatistics stats, CitationLinks links, int maxSentences,
                            Thresholds thresholds) {
    this.embedder = embedder;
    this.stats = stats;
    this.links = links;
    this.maxSentences = Math.max(1, maxSentences);
    this.thresholds = thresholds;
    this.frameTerms = new HashSet<>(stats.terms(FRAME_WORDS, 500));
  }

  /** Diagnostics of one composition, for calibration. */
  public record Evidence(double coverage, double bestSimilarity, boolean summary) {}

  private record Candidate(int hitRank, Hit hit, Sentences.Span span, Set<String> terms, double lexical,
                           double[] score) {}

  @Override
  public Answer compose(Question question, List<Hit> hits) {
    return composeWithEvidence(question, hits).answer();
  }

  /** An answer with the evidence it was judged on. */
  public record Result(Answer answer, Evidence evidence) {}

  /** Like {@link #compose} and also returns the refusal features. */
  public Result composeWithEvidence(Question question, List<Hit> hits) {
    String q = question.text().strip();
    if (hits.isEmpty()) {
      return new Result(refusal(q, hits, "I couldn't find anything about that in the reports."),
          new Evidence(0, 0, false));
    }
    boolean summary = SUMMARY.matcher(q).find();
    List<String> qTerms = distinct(stats.terms(q, 128));
    List<String> content = new ArrayList<>();
    for (String t : qTerms) {
      if (!frameTerms.contains(t) && !(summary && SUMMARY.matcher(t).find())) {
        content.add(t);
      }
    }
    Map<String, Double> idf = new HashMap<>();
    for (String t : qTerms) {
      idf.put(t, stats.idf(t));
    }
    List<Hit> pool = summary ? dominantReport(hits) : hits;
    double coverage = coverage(content, pool.subList(0, Math.min(3, pool.size())), idf);

    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < pool.size(); r++) {
      Hit h = pool.get(r);
      Set<String> headingTerms = new HashSet<>(stats.terms(h.pathLabel(), 64));
      boolean summarySection = summary && SUMMARY_HEADING.matcher(h.pathLabel()).find();
      for (Sentences.Span s : Sentences.split(h.text())) {
        int words = Sentences.words(s.text());
        if (words < 4 || words > 120 || !s.text().codePoints().anyMatch(Character::isLetter)) {
          continue;
        }
        Set<String> terms = new HashSet<>(stats.terms(s.text(), 256));
        double lex = lexical(content.isEmpty() ? qTerms : content, terms, headingTerms, idf);
        if (summarySection) {
          lex += 0.3;
        }
        candidates.add(new Candidate(r, h, s, terms, lex, new double[1]));
      }
    }
    if (candidates.isEmpty()) {
      return new Result(refusal(q, hits, null), new Evidence(coverage, 0, summary));
    }
    candidates.sort(Comparator.comparingDouble((Candidate c) -> -(c.lexical() + 0.3 / (1 + c.hitRank()))));
    List<Candidate> shortlist = new ArrayList<>(candidates.subList(0, Math.min(20, candidates.size())));
    float[] qv = embedder.embed(q);
    List<String> texts = new ArrayList<>();
    for (Candidate c : shortlist) {
      texts.add(c.span().text());
    }
    List<float[]> vs = embedder.embedAll(texts);
    double bestSim = 0;
    for (int i = 0; i < shortlist.size(); i++) {
      Candidate c = shortlist.get(i);
      double sim = Vectors.dot(qv, vs.get(i));
      bestSim = Math.max(bestSim, sim);
      c.score()[0] = 0.55 * sim + 0.35 * Math.min(1.0, c.lexical()) + 0.10 / (1 + c.hitRank());
    }
    Evidence evidence = new Evidence(coverage, bestSim, summary);
    boolean weak = !summary && ((coverage < thresholds.minCoverage() && bestSim < thresholds.strongSimilarity())
        || bestSim < thresholds.minSimilarity());
    if (weak) {
      return new Result(refusal(q, hits, null), evidence);
    }
    shortlist.sort(Comparator.comparingDouble((Candidate c) -> -c.score()[0]));
    List<Candidate> chosen = new ArrayList<>();
    double best = shortlist.get(0).score()[0];
    int limit = summary ? Math.max(maxSentences, 4) : maxSentences;
    for (Candidate c : shortlist) {
      if (chosen.size() >= limit) {
        break;
      }
      if (chosen.size() >= 2 && c.score()[0] < 0.8 * best) {
        break;
      }
      if (chosen.size() >= 1 && c.score()[0] < 0.5 * best) {
        break;
      }
      boolean redundant = chosen.stream().anyMatch(o -> jaccard(o.terms(), c.terms()) > 0.5
          || o.span().text().contains(c.span().text()) || c.span().text().contains(o.span().text()));
      if (!redundant) {
        chosen.add(c);
      }
    }
    // Readable order: passages in rank order, sentences in document order within a passage.
    chosen.sort(Comparator.comparingInt((Candidate c) -> c.hitRank()).thenComparingInt(c -> c.span().start()));
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Candidate c : chosen) {
      Hit h = c.hit();
      Integer n = numbers.get(h.passageId());
      if (n == null) {
        n = numbers.size() + 1;
        numbers.put(h.passageId(), n);
        citations.add(new Citation(n, h.reportId(), h.title(), h.pathLabel(),
            links.forSentence(h.url(), c.span().text()), h.passageId(), h.text()));
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(cite(clean(c.span().text()), n));
    }
    Answer answer = new Answer(q, text.toString(), true, citations, List.of(), "extractive", "", false, 0,
        hits.size());
    return new Result(answer, evidence);
  }

  /** Appends the marker before a final period: "It scales. " becomes "It scales [1]." */
  static String cite(String sentence, int n) {
    if (sentence.endsWith(".") && !sentence.endsWith("..")) {
      return sentence.substring(0, sentence.length() - 1) + " [" + n + "].";
    }
    return sentence + " [" + n + "]";
  }

  /** Strips list bullets and table pipes at the start. */
  static String clean(String sentence) {
    return sentence.replaceFirst("^\\s*(?:[•\\-*+·]|\\d{1,3}[.)])\\s+", "").strip();
  }

  private Answer refusal(String q, List<Hit> hits, String lead) {
    List<Hit> closest = new ArrayList<>();
    Set<String> sections = new HashSet<>();
    for (Hit h : hits) {
      if (closest.size() == 3) {
        break;
      }
      if (sections.add(h.reportId() + "#" + h.anchor())) {
        closest.add(h);
      }
    }
    StringBuilder text = new StringBuilder(lead != null ? lead
        : "The reports I have don't cover that, as far as I can tell.");
    if (!closest.isEmpty()) {
      text.append(" Closest I found:");
      for (Hit h : closest) {
        text.append(" “").append(h.section().isEmpty() ? h.title() : h.section()).append("” in ")
            .append(h.title()).append(';');
      }
      text.setLength(text.length() - 1);
      text.append('.');
    }
    return new Answer(q, text.toString(), false, List.of(), closest, "extractive", "", false, 0, hits.size());
  }

  private static List<Hit> dominantReport(List<Hit> hits) {
    Map<String, Double> weight = new HashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      weight.merge(hits.get(i).reportId(), 1.0 / (1 + i), Double::sum);
    }
    String top = weight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    return hits.stream().filter(h -> h.reportId().equals(top)).toList();
  }

  private double coverage(List<String> content, List<Hit> top, Map<String, Double> idf) {
    if (content.isEmpty()) {
      return 1.0;
    }
    Set<String> present = new HashSet<>();
    for (Hit h : top) {
      present.addAll(stats.terms(h.text() + "\n" + h.pathLabel() + "\n" + h.title() + "\n" + h.event(), 4096));
    }
    double total = 0;
    double found = 0;
    for (String t : content) {
      double w = idf.getOrDefault(t, 1.0);
      total += w;
      if (present.contains(t)) {
        found += w;
      }
    }
    return total == 0 ? 1.0 : found / total;
  }

  private static double lexical(List<String> qTerms, Set<String> sentence, Set<String> heading,
                                Map<String, Double> idf) {
    double total = 0;
    double found = 0;
    for (String t : qTerms) {
      double w = idf.getOrDefault(t, 1.0);
      total += w;
      if (sentence.contains(t)) {
        found += w;
      } else if (heading.contains(t)) {
        found += 0.5 * w;
      }
    }
    return total == 0 ? 0 : found / total;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    return (double) inter.size() / (a.size() + b.size() - inter.size());
  }

  private static List<String> distinct(List<String> terms) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(terms));
  }

}
