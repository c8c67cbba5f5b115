package dev.debrief.cite;

import dev.debrief.cite.CitationVerifier.Support;
import dev.debrief.embed.Embedder;
import dev.debrief.model.Hit;
import dev.debrief.text.Vectors;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures how well a passage supports a claim for {@link CitationVerifier}: content-word overlap
 * ({@link ClaimTerms}), the claim's numbers and names found in the passage, and embedding
 * similarity against the passage's windows ({@link ReplySentences#windows}). Whether that is enough
 * is {@link CitationVerifier#supports}, next to its thresholds.
 */
final class PassageSupport {
  private final Embedder embedder;

  /**
   * @param embedder sentence embedder for similarity, or null to measure terms alone
   */
  PassageSupport(Embedder embedder) {
    this.embedder = embedder;
  }

  /**
   * How well {@code passage} supports a claim: the share of the claim's content words found in the
   * passage (with its title, event and heading path), whether its numbers and salient names are all
   * there, and the best cosine similarity between the claim and a window of the passage.
   *
   * @param claimVector the claim's embedding ({@link #embedClaim}), or null to leave similarity 0
   * @param idx the passage's index in the prompt, the key of {@code cache}
   * @param cache the embedded windows of each passage already measured, filled here
   */
  Support support(
      String claim,
      Set<String> claimTerms,
      float[] claimVector,
      Hit passage,
      int idx,
      Map<Integer, List<float[]>> cache) {
    Set<String> passageTerms =
        ClaimTerms.terms(
            passage.title()
                + " "
                + passage.event()
                + " "
                + passage.pathLabel()
                + " "
                + passage.text());
    int found = 0;
    boolean numbers = true;
    for (String name : ClaimTerms.salient(claim)) {
      if (!ClaimTerms.contains(passageTerms, name)) {
        numbers =
            false; // a name or acronym the passage does not have: the claim is about something else
      }
    }
    for (String t : claimTerms) {
      boolean hit = ClaimTerms.contains(passageTerms, t);
      if (hit) {
        found++;
      } else if (t.chars().anyMatch(Character::isDigit)) {
        numbers = false;
      }
    }
    double overlap = claimTerms.isEmpty() ? 0 : (double) found / claimTerms.size();
    double sim = 0;
    if (claimVector != null) {
      for (float[] w :
          cache.computeIfAbsent(
              idx, k -> embedder.embedSymmetric(ReplySentences.windows(passage.text())))) {
        sim = Math.max(sim, Vectors.dot(claimVector, w));
      }
    }
    return new Support(sim, overlap, numbers, claimTerms.size());
  }

  /** The claim embedded as a window is ({@link Embedder#embedSymmetric}); needs an embedder. */
  float[] embedClaim(String claim) {
    return embedder.embedSymmetric(List.of(claim)).get(0);
  }
}
