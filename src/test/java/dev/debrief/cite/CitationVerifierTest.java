package dev.debrief.cite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.llm.Fixtures;
import dev.debrief.llm.MiniLmTestEmbedder;
import dev.debrief.model.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationVerifierTest {
  private final CitationVerifier verifier = new CitationVerifier(MiniLmTestEmbedder.shared());
  private final List<Hit> hits = Fixtures.HITS;

  @Test
  void parsesMarkerStyles() {
    List<CitationVerifier.Sentence> s =
        CitationVerifier.split(
            "First claim [1, 2]. Second claim [1][3]. Third claim. [2] Fourth [1-3] here.\n- A bullet [4]");
    assertEquals(5, s.size(), s.toString());
    assertEquals(List.of(1, 2), s.get(0).cited());
    assertEquals(List.of(1, 3), s.get(1).cited());
    assertEquals(List.of(2), s.get(2).cited());
    assertEquals(List.of(1, 2, 3), s.get(3).cited());
    assertEquals("- A bullet", s.get(4).body());
    assertTrue(s.get(4).newLine());
  }

  @Test
  void doesNotSplitAtAbbreviationsOrDecimals() {
    List<CitationVerifier.Sentence> s =
        CitationVerifier.split("Kubernetes 1.6 shipped e.g. RBAC, said J. Beda [1]. Next one [2].");
    assertEquals(2, s.size(), s.toString());
  }

  @Test
  void renumbersInOrderOfFirstUse() {
    CitationVerifier.Result r =
        verifier.verify(
            "The closing panel argued that platform teams should publish "
                + "golden paths instead of strict templates [3]. About 2,300 people came to the conference in Lisbon [1]. "
                + "Developer surveys beat dashboards for finding friction [3].",
            hits,
            false);
    assertEquals(3, r.verified());
    assertEquals("r2-p0003", r.citations().get(0).passageId());
    assertEquals("r1-p0001", r.citations().get(1).passageId());
    assertEquals(1, r.citations().get(0).n());
    assertTrue(r.text().startsWith("The closing panel"));
    assertTrue(
        r.text().contains("templates [1].")
            && r.text().contains("Lisbon [2].")
            && r.text().endsWith("friction [1]."),
        r.text());
  }

  @Test
  void wrongPassageCitationIsDroppedAndRightOneKept() {
    CitationVerifier.Result r =
        verifier.verify(
            "Backups now finish in minutes because the snapshot controller copies volumes lazily [1][2].",
            hits,
            false);
    assertEquals(1, r.verified());
    assertEquals(1, r.citations().size());
    assertEquals("r1-p0007", r.citations().get(0).passageId());
    assertEquals(1, r.droppedMarkers());
  }

  @Test
  void numbersMustBeInTheCitedPassage() {
    CitationVerifier.Result r =
        verifier.verify("About 4,100 people came to the conference in Lisbon [1].", hits, false);
    assertFalse(r.answered());
    assertEquals(1, r.unverified());
  }

  @Test
  void refusalAndFillerAreNotCountedAsUnverified() {
    CitationVerifier.Result r =
        verifier.verify(
            "Here is what I found:\nAbout 2,300 people came to the "
                + "conference [1]. The reports do not mention the ticket price.",
            hits,
            false);
    assertEquals(1, r.verified());
    assertEquals(0, r.unverified());
    assertFalse(r.text().contains("ticket"));
  }

  @Test
  void thresholdsBelongToTheEmbeddingModel() {
    assertEquals(
        CitationVerifier.Thresholds.E5_SMALL_V2_Q,
        verifier.thresholds(),
        "the default model is e5");
    assertEquals(
        CitationVerifier.Thresholds.MINILM_L6_V2,
        CitationVerifier.Thresholds.forModel("all-minilm-l6-v2-q"));
    assertEquals(
        CitationVerifier.Thresholds.MINILM_L6_V2,
        CitationVerifier.Thresholds.forModel("all-minilm-l6-v2"));
    assertEquals(
        CitationVerifier.Thresholds.TERMS_ONLY,
        CitationVerifier.Thresholds.forModel("bge-small-en-v15-q"));
    assertEquals(
        CitationVerifier.Thresholds.DEFAULT, CitationVerifier.Thresholds.forModel("test-hash"));
    CitationVerifier.Thresholds given = new CitationVerifier.Thresholds(0.8, 0.9, 0.6);
    assertEquals(given, new CitationVerifier(MiniLmTestEmbedder.shared(), given).thresholds());
  }

  @Test
  void termsOnlyNeverAcceptsOnSimilarity() {
    CitationVerifier terms =
        new CitationVerifier(MiniLmTestEmbedder.shared(), CitationVerifier.Thresholds.TERMS_ONLY);
    assertFalse(terms.supports(new CitationVerifier.Support(0.99, 0.74, true, 8)));
    assertTrue(terms.supports(new CitationVerifier.Support(0.0, 0.75, true, 8)));
  }

  @Test
  void thresholdsOutOfRangeAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new CitationVerifier.Thresholds(0.75, 1.2, 0.55));
    assertEquals("similarity must be in [-1, 1]: 1.2", e.getMessage());
    assertEquals(
        "overlapAlone must be in [0, 1]: -0.1",
        assertThrows(
                IllegalArgumentException.class,
                () -> new CitationVerifier.Thresholds(-0.1, 0.8, 0.55))
            .getMessage());
    assertEquals(
        "overlapWithSimilarity must be in [0, 1]: NaN",
        assertThrows(
                IllegalArgumentException.class,
                () -> new CitationVerifier.Thresholds(0.75, 0.8, Double.NaN))
            .getMessage());
  }

  @Test
  void claimAndPassageWindowsAreEmbeddedAlikeWithTheQueryPrefix() {
    // e5: "query: " on both sides of a symmetric comparison, so a window is embedded as a query,
    // not a passage
    String window = "About 2,300 people came to the conference in Lisbon this year.";
    float[] symmetric = MiniLmTestEmbedder.shared().embedSymmetric(List.of(window)).get(0);
    assertArrayEquals(MiniLmTestEmbedder.shared().embed(window), symmetric, 1e-5f);
    assertTrue(
        dot(symmetric, MiniLmTestEmbedder.shared().embedAll(List.of(window)).get(0)) < 0.999,
        "the passage prefix gives another vector");
  }

  private static double dot(float[] x, float[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  @Test
  void parsesSpelledOutNumbersInsideMarkers() {
    assertEquals(List.of(1, 2, 3), CitationVerifier.numbers("1-3"));
    assertEquals(List.of(2, 5), CitationVerifier.numbers("2, 5"));
  }
}
