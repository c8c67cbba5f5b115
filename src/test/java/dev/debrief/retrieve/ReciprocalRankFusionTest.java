package dev.debrief.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {
  @Test
  void fusesByReciprocalRanks() {
    List<ReciprocalRankFusion.Scored> fused =
        new ReciprocalRankFusion(60).fuse(List.of(List.of("a", "b", "c"), List.of("c", "a", "d")));
    assertEquals(
        List.of("a", "c", "b", "d"), fused.stream().map(ReciprocalRankFusion.Scored::id).toList());
    assertEquals(1.0 / 61 + 1.0 / 62, fused.get(0).score(), 1e-12);
    assertEquals(1.0 / 63 + 1.0 / 61, fused.get(1).score(), 1e-12);
    assertEquals(1.0 / 62, fused.get(2).score(), 1e-12);
    assertEquals(1.0 / 63, fused.get(3).score(), 1e-12);
  }

  @Test
  void duplicatesWithinOneListCountOnce() {
    List<ReciprocalRankFusion.Scored> fused =
        new ReciprocalRankFusion(1).fuse(List.of(List.of("x", "x", "y")));
    assertEquals(0.5, fused.get(0).score(), 1e-12);
    assertEquals(1.0 / 3, fused.get(1).score(), 1e-12);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertEquals(List.of(), new ReciprocalRankFusion(60).fuse(List.of()));
  }

  @Test
  void rejectsNonPositiveK() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ReciprocalRankFusion(0));
    assertEquals("RRF k must be >= 1, got 0", e.getMessage());
  }
}
