package dev.debrief.cite;

import dev.debrief.embed.Embedder;
import dev.debrief.embed.EmbeddingModel;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an LLM's citations against the passages it was sent.
 *
 * <ol>
 *   <li>Parses {@code [n]} markers, including {@code [1, 2]}, {@code [1][2]} and {@code [1-3]};
 *       markers that point to no passage sent are dropped.
 *   <li>Splits the reply into sentences and checks every sentence against each passage it cites:
 *       the passage must hold the sentence's numbers, and either most of its content words (term
 *       overlap) or enough of them together with a close meaning (cosine similarity of sentence
 *       embeddings, best of the passage's sentences, sentence pairs and the whole passage). Claim
 *       and windows are embedded alike ({@link Embedder#embedSymmetric}: "query: " on both sides
 *       for e5), since a claim restating a passage sentence is sentence-against-sentence
 *       similarity, not a query retrieving a passage. Thresholds depend on the embedding model
 *       ({@link Thresholds#forModel}) and were calibrated with {@link CitationVerificationEval} on
 *       {@code ../shared/qa}.
 *   <li>A sentence no cited passage supports is removed, or kept with "(unverified)" and no marker
 *       when configured; an uncited sentence is kept only when one of the passages supports it, and
 *       then cites it. Either way it is never shown as cited.
 *   <li>Citations are renumbered 1..n in order of first use, so inline numbers match the list of
 *       sources.
 * </ol>
 *
 * Thread-safe when the embedder is.
 *
 * <p>Longer than 300 lines on purpose: the calibrated {@link Thresholds} and their measurement
 * record stay nested here, next to the decision that uses them ({@link #supports}); reply sentences
 * and claim terms are {@link ReplySentences} and {@link ClaimTerms}, how well a passage supports a
 * claim is measured by {@link PassageSupport}, and the reply with renumbered citations is written
 * by {@link VerifiedReply}.
 */
public final class CitationVerifier {
  /**
   * Decision thresholds: a citation stands when the claim's content-word overlap with the passage
   * reaches {@code overlapAlone}, or when its cosine similarity reaches {@code similarity} and its
   * overlap {@code overlapWithSimilarity}. The similarity threshold belongs to one embedding model:
   * models spread cosines differently (e5's are compressed high, about 0.7–0.9 even for unrelated
   * sentences).
   *
   * <p>Calibration protocol, the same for every model: {@code debrief eval-citations --calibrate
   * --embedding MODEL} ({@link CitationVerificationEval}), k = 8 hybrid hits per question, three
   * seeds 42/7/2024, a fresh index of ../shared/reports built with that model; thresholds chosen on
   * {@code ../shared/qa/*.jsonl}, then measured unchanged on {@code ../shared/qa/round2/*.jsonl}.
   *
   * @param overlapAlone share of the claim's content words, in [0, 1]
   * @param similarity cosine similarity, in [-1, 1]
   * @param overlapWithSimilarity share of the claim's content words, in [0, 1], needed with the
   *     similarity
   * @throws IllegalArgumentException naming a value out of range
   */
  public record Thresholds(double overlapAlone, double similarity, double overlapWithSimilarity) {
    /**
     * all-MiniLM-L6-v2 (-q, and the fp32 model, whose cosines differ from it by about 0.01):
     * calibrated on ../shared/qa with an earlier ingest: correct citations kept 1288/1295 (0.995),
     * wrong citations dropped 1172/1174 (0.998). The correct ones lost are fragments cut mid-clause
     * by the eval's crude paraphraser; the wrong ones kept are partly supported by the other
     * passage too.
     */
    public static final Thresholds MINILM_L6_V2 = new Thresholds(0.75, 0.65, 0.55);

    /**
     * e5-small-v2-q, "query: " on both sides. {@code debrief eval-citations --calibrate
     * ../shared/qa} picked overlapAlone 0.80 and similarity 0.92 (e5's cosines sit high: the old
     * 0.65 is passed by nearly any sentence); overlapWithSimilarity 0.50 measures the same as the
     * grid's first pick, 0.00, on that set, and keeps a claim with less than half its words in the
     * passage from standing on similarity alone. Summed over the three seeds (2026-12-02):
     *
     * <ul>
     *   <li>../shared/qa (chosen on): correct citations kept 1267/1280 (0.990), wrong dropped
     *       1150/1151 (0.999); MiniLM's thresholds with e5 kept 1278/1280 (0.998), dropped
     *       1138/1151 (0.989).
     *   <li>../shared/qa/round2 (held out): kept 2112/2129 (0.992), dropped 1947/1949 (0.999);
     *       MiniLM's thresholds with e5 kept 2123/2129 (0.997), dropped 1932/1949 (0.991).
     * </ul>
     */
    public static final Thresholds E5_SMALL_V2_Q = new Thresholds(0.80, 0.92, 0.50);

    /**
     * Terms alone (the similarity branch needs full overlap, which already suffices): for a model
     * whose cosines have not been measured (bge-small-en-v1.5), since another model's similarity
     * threshold would mean nothing there. {@code overlapAlone} is the calibrated models' 0.75.
     */
    public static final Thresholds TERMS_ONLY = new Thresholds(0.75, 1.0, 1.0);

    /**
     * The default embedding model's thresholds (e5-small-v2-q, {@code DebriefConfig}'s default).
     */
    public static final Thresholds DEFAULT = E5_SMALL_V2_Q;

    /** Thresholds per embedding model; a model absent here has not been calibrated. */
    static final Map<EmbeddingModel, Thresholds> BY_MODEL =
        new EnumMap<>(
            Map.of(
                EmbeddingModel.MINILM_L6_V2, MINILM_L6_V2,
                EmbeddingModel.MINILM_L6_V2_Q, MINILM_L6_V2,
                EmbeddingModel.E5_SMALL_V2_Q, E5_SMALL_V2_Q));

    public Thresholds {
      if (!(overlapAlone >= 0 && overlapAlone <= 1)) {
        throw new IllegalArgumentException("overlapAlone must be in [0, 1]: " + overlapAlone);
      }
      if (!(similarity >= -1 && similarity <= 1)) {
        throw new IllegalArgumentException("similarity must be in [-1, 1]: " + similarity);
      }
      if (!(overlapWithSimilarity >= 0 && overlapWithSimilarity <= 1)) {
        throw new IllegalArgumentException(
            "overlapWithSimilarity must be in [0, 1]: " + overlapWithSimilarity);
      }
    }

    /**
     * The thresholds calibrated for an embedding model.
     *
     * @param modelId an {@link EmbeddingModel} id ({@link Embedder#modelId()})
     * @return its thresholds; {@link #DEFAULT} for an id that is not an {@link EmbeddingModel}
     *     (test stand-ins), {@link #TERMS_ONLY} for a model not calibrated yet
     */
    public static Thresholds forModel(String modelId) {
      for (EmbeddingModel m : EmbeddingModel.values()) {
        if (m.id().equals(modelId)) {
          return BY_MODEL.getOrDefault(m, TERMS_ONLY);
        }
      }
      return DEFAULT;
    }
  }

  /**
   * How well a passage supports a claim.
   *
   * @param similarity best cosine similarity between the claim and a window of the passage (0
   *     without embedder)
   * @param overlap share of the claim's content words found in the passage
   * @param numbersFound every number, acronym and capitalised name of the claim occurs in the
   *     passage (or its title, event or headings)
   * @param terms how many content words the claim has
   */
  public record Support(double similarity, double overlap, boolean numbersFound, int terms) {}

  /**
   * The verified answer.
   *
   * @param text the answer text with renumbered markers ("" when nothing was verified)
   * @param citations numbered 1..n in order of first use
   * @param verified sentences kept as cited
   * @param unverified sentences removed or marked because no passage supported them
   * @param droppedMarkers markers that pointed to no passage sent, or to a passage that did not
   *     support the sentence
   */
  public record Result(
      String text, List<Citation> citations, int verified, int unverified, int droppedMarkers) {
    /** True when at least one sentence of the reply was verified against its passage. */
    public boolean answered() {
      return verified > 0;
    }
  }

  /**
   * One sentence of a reply: its text without markers, the numbers it cited, whether it began a new
   * line.
   */
  public record Sentence(String body, List<Integer> cited, boolean newLine) {}

  /**
   * A citation marker such as {@code [2]}, {@code [1, 3]} or {@code [passages 2-4]}; group 1 holds
   * the numbers.
   */
  public static final Pattern MARKER =
      Pattern.compile(
          "\\[\\s*(?:(?:passages?|sources?|refs?)\\s*)?(\\d{1,3}(?:\\s*(?:,|;|&|and|-|–)\\s*(?:passages?\\s*)?\\d{1,3})*)\\s*\\]",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern REFUSAL =
      Pattern.compile(
          "(?i)\\b(?:don['’]?t|do not|does not|doesn['’]?t|did not|didn['’]?t|cannot|can['’]?t|unable to)\\s+"
              + "(?:\\w+\\s+)?(?:cover|mention|say|answer|address|contain|include|provide|discuss|specify|state|find|"
              + "determine|tell)|\\bnot (?:covered|mentioned|stated|specified|discussed|addressed)\\b|"
              + "\\bno (?:information|mention|details?)\\b");
  private final Embedder embedder;
  private final Thresholds thresholds;
  private final PassageSupport passageSupport;

  /**
   * @param embedder sentence embedder for similarity, or null to judge by terms alone
   * @param thresholds the decision thresholds; null for the embedder's model's ({@link
   *     Thresholds#forModel})
   */
  public CitationVerifier(Embedder embedder, Thresholds thresholds) {
    this.embedder = embedder;
    this.thresholds =
        thresholds != null
            ? thresholds
            : embedder == null ? Thresholds.DEFAULT : Thresholds.forModel(embedder.modelId());
    this.passageSupport = new PassageSupport(embedder);
  }

  /** With the thresholds calibrated for the embedder's model. */
  public CitationVerifier(Embedder embedder) {
    this(embedder, null);
  }

  /** The thresholds this verifier judges support by. */
  public Thresholds thresholds() {
    return thresholds;
  }

  /**
   * @param reply the model's text
   * @param sent the passages of the prompt: {@code [n]} is {@code sent.get(n - 1)}
   * @param markUnverified keep unsupported sentences, marked "(unverified)" and without markers
   */
  public Result verify(String reply, List<Hit> sent, boolean markUnverified) {
    List<Sentence> sentences = split(reply == null ? "" : reply);
    Map<Integer, List<float[]>> windowCache = new HashMap<>();
    VerifiedReply out = new VerifiedReply();
    int verified = 0;
    int unverified = 0;
    int dropped = 0;
    for (Sentence s : sentences) {
      if (!ReplySentences.hasWords(s.body())) {
        continue;
      }
      Set<Integer> valid = new LinkedHashSet<>();
      for (int n : s.cited()) {
        if (n >= 1 && n <= sent.size()) {
          valid.add(n - 1);
        } else {
          dropped++;
        }
      }
      Set<String> claimTerms = ClaimTerms.terms(s.body());
      List<Integer> supported = new ArrayList<>();
      float[] claimVector = null;
      if (!valid.isEmpty()) {
        for (int idx : valid) {
          if (claimVector == null && embedder != null) {
            claimVector = passageSupport.embedClaim(s.body());
          }
          if (supports(
              passageSupport.support(
                  s.body(), claimTerms, claimVector, sent.get(idx), idx, windowCache))) {
            supported.add(idx);
          } else {
            dropped++;
          }
        }
      } else {
        if (claimTerms.size() < 3 || REFUSAL.matcher(s.body()).find()) {
          continue; // filler ("Here is what I found:") or a caveat: never shown as cited, not a
          // claim
        }
        double best = -1;
        int bestIdx = -1;
        for (int idx = 0; idx < sent.size(); idx++) {
          if (claimVector == null && embedder != null) {
            claimVector = passageSupport.embedClaim(s.body());
          }
          Support sp =
              passageSupport.support(
                  s.body(), claimTerms, claimVector, sent.get(idx), idx, windowCache);
          if (supports(sp) && sp.overlap() + sp.similarity() > best) {
            best = sp.overlap() + sp.similarity();
            bestIdx = idx;
          }
        }
        if (bestIdx >= 0) {
          supported.add(bestIdx);
        }
      }
      if (supported.isEmpty()) {
        unverified++;
        if (markUnverified) {
          out.addUnverified(s);
        }
        continue;
      }
      verified++;
      out.addCited(s, supported);
    }
    if (verified == 0) {
      return new Result("", List.of(), 0, unverified, dropped);
    }
    return new Result(out.text(), out.citations(sent), verified, unverified, dropped);
  }

  /** True when the support is enough to keep a citation. */
  public boolean supports(Support s) {
    if (!s.numbersFound() || s.terms() == 0) {
      return false;
    }
    if (s.overlap() >= thresholds.overlapAlone()) {
      return true;
    }
    return embedder != null
        && s.similarity() >= thresholds.similarity()
        && s.overlap() >= thresholds.overlapWithSimilarity();
  }

  /** How well {@code passage} supports {@code claim} (for calibration and tests). */
  public Support support(String claim, Hit passage) {
    float[] v = embedder == null ? null : passageSupport.embedClaim(claim);
    return passageSupport.support(claim, ClaimTerms.terms(claim), v, passage, 0, new HashMap<>());
  }

  /**
   * Splits a reply into sentences; markers after a sentence's full stop belong to that sentence.
   *
   * @param reply text, lines separated by any line break
   * @return its sentences in order, each with the marker numbers it cited (numbers as written, not
   *     checked against any passage list)
   */
  public static List<Sentence> split(String reply) {
    return ReplySentences.split(reply);
  }

  /**
   * Content words, lower-cased and lightly stemmed; numbers keep digits ("5,000" becomes "5000").
   *
   * @param text any text
   * @return its content words without stop words ({@code StopWords.CLAIM}), a new mutable set
   */
  public static Set<String> terms(String text) {
    return ClaimTerms.terms(text);
  }

  /** Numbers of one marker's content, e.g. "1, 2" or "1-3". */
  static List<Integer> numbers(String inside) {
    return ReplySentences.numbers(inside);
  }
}
