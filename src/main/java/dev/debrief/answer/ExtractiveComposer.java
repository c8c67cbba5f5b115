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
 * <p>Candidates are answer units: a sentence, plus the sentence that continues it ("He talks about…"), the
 * items a colon introduces, or the next bullets of a short list. Each unit is scored by cosine similarity of
 * its MiniLM vector (embedded with its section heading) to the question's, by the IDF-weighted share of the
 * question's terms it contains (heading terms count half), and by its passage's relevance (rank and term
 * coverage). Selection is greedy, rewarding question terms not yet covered and skipping redundant units
 * (token Jaccard, overlapping spans), in the spirit of maximal marginal relevance (Carbonell &amp; Goldstein,
 * SIGIR 1998). Selected units are shown grouped by passage, in document order, each followed by {@code [n]};
 * sources are numbered in order of first use.
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
      + "people per he she they his her their event conference session sessions keynote about there more else "
      + "again detail details explain elaborate go on continue";
  private static final Pattern SUMMARY = Pattern.compile(
      "(?i)\\b(summar\\w*|overview|recap|tl;?dr|gist|highlights|takeaways?|executive)\\b");
  private static final Pattern NUMERIC = Pattern.compile(
      "(?i)\\b(how (many|much|long|fast|big|often)|what (share|percent\\w*|number|fraction)|when|stats?|statistics|figures|numbers)\\b");
  private static final Pattern FOLLOWS_ON = Pattern.compile(
      "^(He|She|They|It|His|Her|Their|Its|This|These|That|Those)\\b.*", Pattern.DOTALL);
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•\\-*+·]|\\d{1,3}[.)])\\s+");
  private static final Pattern SUMMARY_HEADING = Pattern.compile(
      "(?i)(summary|conclusion|takeaway|overview|wrap|tl;?dr|recap|highlights)");

  /** Weights of semantic similarity, term overlap and passage rank (measured with debrief eval). */
  private static final double[] W = {0.5, 0.2, 0.3};
  /** Bonus for units with digits when the question asks for a number. */
  private static final double NUM = 0.05;
  /** Bonus per unit of newly covered question-term weight when picking the next unit. */
  private static final double GAIN = 0.1;
  /**
   * Passage relevance = PR[0] / (1 + rank) + PR[1] × the IDF-weighted share of the question's terms in the
   * passage (text and headings).
   */
  private static final double[] PR = {0.3, 0.7};
  /** Candidates embedded per question (the best by terms and rank); more did not help on ../shared/qa. */
  private static final int SHORTLIST = 20;
  /** Units scoring below this share of the best one are left out (after the first two). */
  private static final double CUT = 0.7;
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
    public static final Thresholds DEFAULT = new Thresholds(0.55, 0.30, 0.65);
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

  private record Candidate(int hitRank, double passageRel, Hit hit, Sentences.Span span, Set<String> terms,
                           double lexical,
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
    String subject = q;
    if (content.isEmpty() && !summary) {
      // "tell me more", "what did they say about it?": nothing to look for. In a thread the previous question
      // gives the subject; otherwise ask for one rather than answer at random.
      if (!question.history().isEmpty()) {
        subject = question.history().get(question.history().size() - 1) + " " + q;
        for (String t : distinct(stats.terms(question.history().get(question.history().size() - 1), 128))) {
          if (!frameTerms.contains(t)) {
            content.add(t);
          }
        }
      }
      if (content.isEmpty()) {
        return new Result(new Answer(q, "What should I look for? Name a talk, a speaker, a product or a topic, e.g."
            + " “what did the keynote say about Kubernetes 1.33?”.", false, List.of(), List.of(), "extractive", "",
            false, 0, hits.size()), new Evidence(0, 0, false));
      }
      qTerms.addAll(content);
    }
    Map<String, Double> idf = new HashMap<>();
    for (String t : qTerms) {
      idf.put(t, stats.idf(t));
    }
    List<Hit> pool = summary ? dominantReport(hits) : hits;
    // The best single passage's share of the question's content terms: terms scattered over unrelated
    // passages ("won" here, "hackathon" there) are no evidence.
    // Each passage is analyzed once; its share feeds both this judgement and the passage's relevance.
    List<String> wanted = content.isEmpty() ? qTerms : content;
    double[] passageCoverage = new double[pool.size()];
    double coverage = content.isEmpty() ? 1.0 : 0;
    for (int r = 0; r < pool.size(); r++) {
      passageCoverage[r] = coverage(wanted, List.of(pool.get(r)), idf);
      if (!content.isEmpty()) {
        coverage = Math.max(coverage, passageCoverage[r]);
      }
    }

    List<Candidate> candidates = new ArrayList<>();
    boolean wantsNumber = NUMERIC.matcher(q).find();
    for (int r = 0; r < pool.size(); r++) {
      Hit h = pool.get(r);
      Set<String> headingTerms = new HashSet<>(stats.terms(h.pathLabel(), 64));
      boolean summarySection = summary && SUMMARY_HEADING.matcher(h.pathLabel()).find();
      List<Sentences.Span> spans = Sentences.split(h.text());
      double passageRel = PR[0] / (1 + r) + PR[1] * passageCoverage[r];
      for (int i = 0; i < spans.size(); i++) {
        Sentences.Span s = unit(spans, i);
        int words = Sentences.words(s.text());
        if (words < 4 || words > 150 || !s.text().codePoints().anyMatch(Character::isLetter)
            || (looksLikeHeading(spans.get(i).text()) && s.text().equals(spans.get(i).text()))) {
          continue;
        }
        Set<String> terms = new HashSet<>(stats.terms(s.text(), 512));
        double lex = lexical(wanted, terms, headingTerms, idf);
        if (summarySection) {
          lex += 0.3;
        }
        candidates.add(new Candidate(r, passageRel, h, s, terms, lex, new double[1]));
      }
    }
    if (candidates.isEmpty()) {
      return new Result(refusal(q, hits, null), new Evidence(coverage, 0, summary));
    }
    candidates.sort(Comparator.comparingDouble((Candidate c) -> -(c.lexical() + c.passageRel())));
    List<Candidate> shortlist = new ArrayList<>(candidates.subList(0, Math.min(SHORTLIST, candidates.size())));
    float[] qv = embedder.embed(subject);
    List<String> texts = new ArrayList<>();
    for (Candidate c : shortlist) {
      texts.add(c.hit().section() + ": " + c.span().text());
    }
    List<float[]> vs = embedder.embedAll(texts);
    double bestSim = 0;
    for (int i = 0; i < shortlist.size(); i++) {
      Candidate c = shortlist.get(i);
      double sim = Vectors.dot(qv, vs.get(i));
      bestSim = Math.max(bestSim, sim);
      c.score()[0] = W[0] * sim + W[1] * Math.min(1.0, c.lexical()) + W[2] * c.passageRel()
          + (wantsNumber && c.span().text().codePoints().anyMatch(Character::isDigit) ? NUM : 0);
    }
    Evidence evidence = new Evidence(coverage, bestSim, summary);
    // Every content term found in one passage, one of them rare (a name, a paper number), is evidence enough
    // even when the question is too vague for the vectors ("what did Kelsey Hightower say?"); otherwise both
    // signals must hold up.
    Set<String> named = namedTerms(q);
    boolean specific = content.stream().anyMatch(t -> named.contains(t) && stats.rare(t));
    boolean weak = !summary && (coverage < thresholds.minCoverage()
        ? bestSim < thresholds.strongSimilarity()
        : bestSim < thresholds.minSimilarity() && !(specific && coverage >= 0.999));
    if (weak) {
      return new Result(refusal(q, hits, null), evidence);
    }
    shortlist.sort(Comparator.comparingDouble((Candidate c) -> -c.score()[0]));
    List<Candidate> chosen = new ArrayList<>();
    double best = shortlist.get(0).score()[0];
    int limit = summary ? Math.max(maxSentences, 4) : maxSentences;
    Set<String> covered = new HashSet<>();
    int sentenceCount = 0;
    List<Candidate> remaining = new ArrayList<>(shortlist);
    while (chosen.size() < limit && !remaining.isEmpty()) {
      Candidate pick = null;
      double pickValue = Double.NEGATIVE_INFINITY;
      for (Candidate c : remaining) {
        double value = c.score()[0] + GAIN * gain(wanted, covered, c.terms(), idf);
        if (value > pickValue) {
          pickValue = value;
          pick = c;
        }
      }
      remaining.remove(pick);
      if (chosen.size() >= 2 && pick.score()[0] < CUT * best) {
        break;
      }
      if (chosen.size() >= 1 && pick.score()[0] < 0.5 * best) {
        continue;
      }
      Candidate c = pick;
      boolean redundant = chosen.stream().anyMatch(o -> jaccard(o.terms(), c.terms()) > 0.5
          || (o.hit().passageId().equals(c.hit().passageId()) && o.span().start() < c.span().end()
              && c.span().start() < o.span().end()));
      int sentences = Sentences.split(c.span().text()).size();
      if (!redundant && (chosen.isEmpty() || sentenceCount + sentences <= limit)) {
        chosen.add(c);
        covered.addAll(c.terms());
        sentenceCount += sentences;
      }
    }
    // Readable order: the passage with the best unit first, units in document order within a passage.
    Map<String, Double> passageBest = new HashMap<>();
    for (Candidate c : chosen) {
      passageBest.merge(c.hit().passageId(), c.score()[0], Math::max);
    }
    chosen.sort(Comparator.comparingDouble((Candidate c) -> -passageBest.get(c.hit().passageId()))
        .thenComparing(c -> c.hit().passageId()).thenComparingInt(c -> c.span().start()));
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Candidate c : chosen) {
      Hit h = c.hit();
      Integer n = numbers.get(h.passageId());
      if (n == null) {
        n = numbers.size() + 1;
        numbers.put(h.passageId(), n);
        citations.add(new Citation(n, h.reportId(), h.title(), h.sectionLabel(),
            links.forSentence(h.url(), c.span().text()), h.passageId(), h.text()));
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(citeEach(clean(c.span().text()), n));
    }
    Answer answer = new Answer(q, text.toString(), true, citations, List.of(), "extractive", "", false, 0,
        hits.size());
    return new Result(answer, evidence);
  }

  /**
   * The answer unit starting at sentence {@code i}: the sentence, plus the items it introduces when it ends
   * with a colon (up to four), or plus the next sentence when that one continues it ("He talks about…") or
   * when the sentence alone is too short to say much.
   */
  static Sentences.Span unit(List<Sentences.Span> spans, int i) {
    Sentences.Span s = spans.get(i);
    StringBuilder text = new StringBuilder(s.text());
    int end = s.end();
    if (BULLET.matcher(s.text()).find() && !s.text().endsWith(":")) {
      for (int j = i + 1; j < spans.size() && j <= i + 2 && BULLET.matcher(spans.get(j).text()).find()
          && Sentences.words(text.toString()) < 30; j++) {
        text.append("; ").append(clean(spans.get(j).text()));
        end = spans.get(j).end();
      }
      return new Sentences.Span(clean(text.toString()).replace(".; ", "; "), s.start(), end);
    }
    if (looksLikeHeading(s.text()) && i + 1 < spans.size() && looksLikeHeading(spans.get(i + 1).text())
        && !samePrefix(s.text(), spans.get(i + 1).text())) {
      int j = i + 1;
      for (; j < spans.size() && j <= i + 4 && looksLikeHeading(spans.get(j).text()); j++) {
        text.append("; ").append(spans.get(j).text());
        end = spans.get(j).end();
      }
      return new Sentences.Span(text.toString(), s.start(), end);
    }
    int last = i;
    if (!s.text().endsWith(":") && i + 1 < spans.size()) {
      Sentences.Span next = spans.get(i + 1);
      boolean shortSentence = Sentences.words(s.text()) < 12 && s.text().matches("(?s).*[.!?][\"”’)]?$");
      if (FOLLOWS_ON.matcher(clean(next.text())).matches() || shortSentence) {
        text.append(' ').append(next.text());
        end = next.end();
        last = i + 1;
      }
    }
    if (spans.get(last).text().endsWith(":") && !(last + 2 < spans.size()
        && samePrefix(spans.get(last + 1).text(), spans.get(last + 2).text()))) {
      for (int j = last + 1; j < spans.size() && j <= last + 4; j++) {
        String item = clean(spans.get(j).text());
        if (j > last + 1 && text.charAt(text.length() - 1) == '.') {
          text.setLength(text.length() - 1);
        }
        text.append(j == last + 1 ? " " : "; ").append(item);
        end = spans.get(j).end();
      }
    }
    return new Sentences.Span(text.toString(), s.start(), end);
  }

  /** A short line without sentence punctuation: a heading, a title or a label, not a statement. */
  static boolean looksLikeHeading(String sentence) {
    if (BULLET.matcher(sentence).find()) {
      return false;
    }
    String t = clean(sentence);
    return Sentences.words(t) <= 8 && !t.matches("(?s).*[.!?:;][\"”’)]?$");
  }

  /** Lines that start with the same three words: a navigation list ("4 Days of Dockercon - Day 1", "… Day 2"). */
  static boolean samePrefix(String a, String b) {
    String[] x = a.strip().split("\\s+");
    String[] y = b.strip().split("\\s+");
    if (x.length < 3 || y.length < 3) {
      return false;
    }
    return x[0].equalsIgnoreCase(y[0]) && x[1].equalsIgnoreCase(y[1]) && x[2].equalsIgnoreCase(y[2]);
  }

  /**
   * Analyzed forms of the question's names and identifiers: words written with a capital after the first
   * word, or with a digit ("Kelsey", "Hightower", "P3691", "1.6").
   */
  private Set<String> namedTerms(String q) {
    Set<String> out = new HashSet<>();
    String[] words = q.strip().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean capital = i > 0 && !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
      if (capital || w.codePoints().anyMatch(Character::isDigit)) {
        out.addAll(stats.terms(w, 4));
      }
    }
    return out;
  }

  /** Cites every sentence of a unit: "A. B." becomes "A [1]. B [1]." */
  static String citeEach(String unit, int n) {
    List<Sentences.Span> parts = Sentences.split(unit);
    if (parts.size() <= 1) {
      return cite(unit, n);
    }
    StringBuilder out = new StringBuilder();
    for (Sentences.Span part : parts) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(cite(part.text(), n));
    }
    return out.toString();
  }

  /** Appends the marker before a final period: "It scales. " becomes "It scales [1]." */
  static String cite(String sentence, int n) {
    if (sentence.endsWith(".") && !sentence.endsWith("..")) {
      return sentence.substring(0, sentence.length() - 1) + " [" + n + "].";
    }
    if (sentence.matches("(?s).*[.!?…\"”’)]$")) {
      return sentence + " [" + n + "]";
    }
    return sentence + " [" + n + "].";
  }

  /** Strips list bullets and table pipes at the start. */
  static String clean(String sentence) {
    return sentence.replaceFirst("^\\s*(?:[•\\-*+·]|\\d{1,3}[.)])\\s+", "").strip();
  }

  private Answer refusal(String q, List<Hit> hits, String lead) {
    List<Hit> closest = Refusals.closestSections(hits, 3);
    String text = Refusals.text(lead != null ? lead : Refusals.NOT_COVERED, closest);
    return new Answer(q, text, false, List.of(), closest, "extractive", "", false, 0, hits.size());
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

  /** IDF-weighted share of the wanted terms that {@code terms} covers and {@code covered} does not yet. */
  private static double gain(List<String> wanted, Set<String> covered, Set<String> terms, Map<String, Double> idf) {
    double total = 0;
    double fresh = 0;
    for (String t : wanted) {
      double w = idf.getOrDefault(t, 1.0);
      total += w;
      if (terms.contains(t) && !covered.contains(t)) {
        fresh += w;
      }
    }
    return total == 0 ? 0 : fresh / total;
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
