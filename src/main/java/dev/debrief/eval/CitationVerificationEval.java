package dev.debrief.eval;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.embed.Embedder;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

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
 * the threshold grid.
 *
 * <p>Run: {@code debrief eval-citations [--index DIR] [--embedding MODEL] [--calibrate] [QA...]}
 * (defaults: {@code ../shared/qa/*.jsonl}, the configured default model; without {@code --index}, a
 * temporary index of {@code ../shared/reports}).
 */
public final class CitationVerificationEval {
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("said", "noted"),
          Map.entry("says", "notes"),
          Map.entry("talks", "speaks"),
          Map.entry("big", "large"),
          Map.entry("new", "recent"),
          Map.entry("shows", "demonstrates"),
          Map.entry("important", "key"),
          Map.entry("people", "attendees"),
          Map.entry("uses", "relies on"),
          Map.entry("use", "employ"),
          Map.entry("great", "excellent"),
          Map.entry("very", "really"),
          Map.entry("lot", "great deal"),
          Map.entry("also", "additionally"),
          Map.entry("about", "regarding"),
          Map.entry("because", "since"),
          Map.entry("but", "however"),
          Map.entry("get", "obtain"),
          Map.entry("make", "create"),
          Map.entry("help", "assist"),
          Map.entry("start", "begin"),
          Map.entry("show", "demonstrate"));
  private static final String[] FRAMES = {
    "The report says that ",
    "According to the notes, ",
    "The write-up mentions that ",
    "It was noted that ",
    "The speaker explained that "
  };

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
  private record Labelled(String claim, Hit cited, boolean correct) {}

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
      List<Labelled> claims = claims(hits, random);
      for (int from = 0; from < claims.size(); from += 3 + random.nextInt(2)) {
        List<Labelled> group =
            claims.subList(from, Math.min(claims.size(), from + 3 + random.nextInt(2)));
        StringBuilder reply = new StringBuilder();
        for (Labelled c : group) {
          reply
              .append(Sentences.stripEnd(c.claim()))
              .append(" [")
              .append(hits.indexOf(c.cited()) + 1)
              .append("]. ");
        }
        CitationVerifier.Result r = verifier.verify(reply.toString(), hits, false);
        Map<String, Set<String>> keptCitations = keptByBody(r);
        for (Labelled c : group) {
          Set<String> cited = keptCitations.getOrDefault(key(c.claim()), Set.of());
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
      for (Labelled c : claims(hits, random)) {
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

  /** Random correct and wrong claims over the passages, shuffled. */
  private List<Labelled> claims(List<Hit> hits, Random random) {
    List<Labelled> out = new ArrayList<>();
    for (Hit a : hits) {
      List<String> sentences = new ArrayList<>();
      for (CitationVerifier.Sentence s : CitationVerifier.split(a.text())) {
        String body = s.body().replaceFirst("^\\s*(?:[•\\-*+·]|\\d{1,3}[.)])\\s+", "");
        int words = body.split("\\s+").length;
        boolean markup =
            body.contains("<") || body.startsWith("#") || body.matches("^[a-z_]+:\\s.*");
        if (words >= 6 && !markup && CitationVerifier.terms(body).size() >= 4) {
          sentences.add(
              words > 45 ? String.join(" ", List.of(body.split("\\s+")).subList(0, 40)) : body);
        }
      }
      if (sentences.isEmpty()) {
        continue;
      }
      for (int i = 0; i < 2; i++) {
        String s = sentences.get(random.nextInt(sentences.size()));
        String claim = random.nextBoolean() ? s : paraphrase(s, random);
        out.add(new Labelled(claim, a, true));
        Hit b = hits.get(random.nextInt(hits.size()));
        if (b != a && !Evidence.normalize(b.text()).contains(Evidence.normalize(s))) {
          String wrongClaim = random.nextBoolean() ? s : paraphrase(s, random);
          out.add(new Labelled(wrongClaim, b, false));
        }
      }
    }
    java.util.Collections.shuffle(out, random);
    // one claim per sentence text within a reply: keep the first of duplicates
    Set<String> seen = new HashSet<>();
    out.removeIf(c -> !seen.add(key(c.claim()) + "|" + c.cited().passageId()));
    return out;
  }

  /** A rough paraphrase, the way an LLM restates a passage sentence. */
  static String paraphrase(String sentence, Random random) {
    List<String> words = new ArrayList<>(List.of(sentence.split("\\s+")));
    if (random.nextBoolean() && words.size() > 14) {
      words = new ArrayList<>(words.subList(0, Math.max(8, (int) (words.size() * 0.65))));
    }
    List<String> out = new ArrayList<>();
    for (String w : words) {
      String bare = w.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      if (SYNONYMS.containsKey(bare) && random.nextDouble() < 0.7) {
        out.add(SYNONYMS.get(bare));
      } else if (!w.matches(".*\\d.*") && w.length() <= 4 && random.nextDouble() < 0.15) {
        continue; // drop a short word
      } else {
        out.add(w);
      }
    }
    String s = String.join(" ", out);
    if (random.nextBoolean()) {
      String first = s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
      s = FRAMES[random.nextInt(FRAMES.length)] + first;
    }
    return s;
  }

  private static Map<String, Set<String>> keptByBody(CitationVerifier.Result r) {
    Map<Integer, String> byNumber = new HashMap<>();
    for (Citation c : r.citations()) {
      byNumber.put(c.n(), c.passageId());
    }
    Map<String, Set<String>> out = new HashMap<>();
    for (CitationVerifier.Sentence s : CitationVerifier.split(r.text())) {
      Set<String> ids = out.computeIfAbsent(key(s.body()), x -> new HashSet<>());
      for (int n : s.cited()) {
        if (byNumber.containsKey(n)) {
          ids.add(byNumber.get(n));
        }
      }
    }
    return out;
  }

  private static String key(String body) {
    return Sentences.stripEnd(body).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * {@code embedder} with its symmetric embeddings kept by text, so a calibration embeds each
   * passage window once however often fake answers cite it (the vectors are the same ones). Not for
   * serving: it never forgets.
   */
  public static Embedder memoised(Embedder embedder) {
    Map<String, float[]> kept = new java.util.concurrent.ConcurrentHashMap<>();
    return new Embedder() {
      @Override
      public String modelId() {
        return embedder.modelId();
      }

      @Override
      public int dimension() {
        return embedder.dimension();
      }

      @Override
      public float[] embed(String text) {
        return embedder.embed(text);
      }

      @Override
      public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
      }

      @Override
      public List<float[]> embedSymmetric(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !kept.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
          List<float[]> vectors = embedder.embedSymmetric(missing);
          for (int i = 0; i < missing.size(); i++) {
            kept.put(missing.get(i), vectors.get(i));
          }
        }
        return texts.stream().map(kept::get).toList();
      }

      @Override
      public void close() {
        // the wrapped embedder belongs to its owner
      }
    };
  }

  /** Reads every *.jsonl of a folder, or the given files. */
  public static List<QaItem> readItems(List<Path> paths) throws IOException {
    List<QaItem> items = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          for (Path f : s.filter(x -> x.toString().endsWith(".jsonl")).sorted().toList()) {
            items.addAll(QaFile.read(f));
          }
        }
      } else {
        items.addAll(QaFile.read(p));
      }
    }
    return items;
  }
}
