package dev.debrief.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationVerifierTest {
  private final CitationVerifier verifier = new CitationVerifier(MiniLmTestEmbedder.shared());
  private final List<Hit> hits = Fixtures.HITS;

  @Test
  void parsesMarkerStyles() {
    List<CitationVerifier.Sentence> s = CitationVerifier.split(
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
    List<CitationVerifier.Sentence> s = CitationVerifier.split(
        "Kubernetes 1.6 shipped e.g. RBAC, said J. Beda [1]. Next one [2].");
    assertEquals(2, s.size(), s.toString());
  }

  @Test
  void renumbersInOrderOfFirstUse() {
    CitationVerifier.Result r = verifier.verify("The closing panel argued that platform teams should publish "
        + "golden paths instead of strict templates [3]. About 2,300 people came to the conference in Lisbon [1]. "
        + "Developer surveys beat dashboards for finding friction [3].", hits, false);
    assertEquals(3, r.verified());
    assertEquals("r2-p0003", r.citations().get(0).passageId());
    assertEquals("r1-p0001", r.citations().get(1).passageId());
    assertEquals(1, r.citations().get(0).n());
    assertTrue(r.text().startsWith("The closing panel"));
    assertTrue(r.text().contains("templates [1].") && r.text().contains("Lisbon [2].")
        && r.text().endsWith("friction [1]."), r.text());
  }

  @Test
  void wrongPassageCitationIsDroppedAndRightOneKept() {
    CitationVerifier.Result r = verifier.verify(
        "Backups now finish in minutes because the snapshot controller copies volumes lazily [1][2].", hits, false);
    assertEquals(1, r.verified());
    assertEquals(1, r.citations().size());
    assertEquals("r1-p0007", r.citations().get(0).passageId());
    assertEquals(1, r.droppedMarkers());
  }

  @Test
  void numbersMustBeInTheCitedPassage() {
    CitationVerifier.Result r = verifier.verify("About 4,100 people came to the conference in Lisbon [1].", hits,
        false);
    assertFalse(r.answered());
    assertEquals(1, r.unverified());
  }

  @Test
  void refusalAndFillerAreNotCountedAsUnverified() {
    CitationVerifier.Result r = verifier.verify("Here is what I found:\nAbout 2,300 people came to the "
        + "conference [1]. The reports do not mention the ticket price.", hits, false);
    assertEquals(1, r.verified());
    assertEquals(0, r.unverified());
    assertFalse(r.text().contains("ticket"));
  }

  @Test
  void parsesSpelledOutNumbersInsideMarkers() {
    assertEquals(List.of(1, 2, 3), CitationVerifier.numbers("1-3"));
    assertEquals(List.of(2, 5), CitationVerifier.numbers("2, 5"));
  }
}
