package dev.debrief.ingest;

import static dev.debrief.ingest.Fixtures.read;
import static dev.debrief.ingest.Fixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageTest {

  private static String words(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
  }

  @Test
  void blocksArePackedUntilMinAndNeverBeyondMax() throws Exception {
    // paragraphs of 4 words; min 6, max 10 -> passages of two paragraphs (8 words)
    String md =
        "# S\n\n"
            + IntStream.range(0, 5)
                .mapToObj(i -> words("p" + i + "w", 4))
                .collect(Collectors.joining("\n\n"))
            + "\n";
    Report r = read(settings(6, 10), "a.md", md);
    assertEquals(
        List.of(
            "p0w0 p0w1 p0w2 p0w3\n\np1w0 p1w1 p1w2 p1w3",
            "p2w0 p2w1 p2w2 p2w3\n\np3w0 p3w1 p3w2 p3w3",
            "p4w0 p4w1 p4w2 p4w3"),
        r.passages().stream().map(Passage::text).toList());
    for (Passage p : r.passages()) {
      assertEquals(r.text().substring(p.start(), p.end()), p.text());
    }
  }

  @Test
  void aShortTailIsMergedWhenItFits() throws Exception {
    // 6 + 3 words, min 6 max 10: the 3-word tail joins the first passage
    Report r = read(settings(6, 10), "a.md", words("a", 6) + "\n\n" + words("b", 3) + "\n");
    assertEquals(1, r.passages().size());
    assertEquals(words("a", 6) + "\n\n" + words("b", 3), r.passages().get(0).text());
  }

  @Test
  void longParagraphsAreCutAtSentenceEnds() throws Exception {
    String para =
        "One two three four. Five six seven eight. Nine ten eleven twelve. Thirteen fourteen.";
    Report r = read(settings(6, 8), "a.txt", para + "\n");
    assertEquals(
        List.of(
            "One two three four. Five six seven eight.",
            "Nine ten eleven twelve. Thirteen fourteen."),
        r.passages().stream().map(Passage::text).toList());
    Passage second = r.passages().get(1);
    assertEquals(second.text(), r.text().substring(second.start(), second.end()));
  }

  @Test
  void aSentenceLongerThanMaxIsCutByWords() throws Exception {
    Report r = read(settings(2, 4), "a.txt", words("w", 10) + "\n");
    assertEquals(
        List.of("w0 w1 w2 w3", "w4 w5 w6 w7", "w8 w9"),
        r.passages().stream().map(Passage::text).toList());
  }

  @Test
  void listItemsStayWhole() throws Exception {
    String md = "- " + words("a", 5) + "\n- " + words("b", 5) + "\n- " + words("c", 5) + "\n";
    Report r = read(settings(8, 13), "a.md", md);
    assertEquals(
        List.of("• " + words("a", 5) + "\n• " + words("b", 5), "• " + words("c", 5)),
        r.passages().stream().map(Passage::text).toList());
  }

  @Test
  void tableContinuationRepeatsTheHeaderRow() throws Exception {
    StringBuilder md = new StringBuilder("# Schedule\n\nIntro.\n\n| Time | Talk |\n|---|---|\n");
    for (int i = 0; i < 6; i++) {
      md.append("| 1").append(i).append(":00 | talk number ").append(i).append(" |\n");
    }
    md.append("\n## Next\n\nOther text.\n");
    Report r = read(settings(10, 14), "a.md", md.toString());
    List<String> texts = r.passages().stream().map(Passage::text).toList();
    assertEquals(
        List.of(
            "Intro.\n\nTime | Talk\n10:00 | talk number 0\n11:00 | talk number 1",
            "Time | Talk\n12:00 | talk number 2\n13:00 | talk number 3",
            "Time | Talk\n14:00 | talk number 4\n15:00 | talk number 5",
            "Other text."),
        texts);
    Passage cont = r.passages().get(1);
    assertEquals(
        "12:00 | talk number 2\n13:00 | talk number 3",
        r.text().substring(cont.start(), cont.end()));
    assertEquals(List.of("Schedule"), cont.headingPath());
    assertEquals("next", r.passages().get(3).anchor());
    assertEquals(List.of("Schedule", "Next"), r.passages().get(3).headingPath());
  }

  @Test
  void aHeaderRowIsNeverLeftAloneAtAPassageEnd() throws Exception {
    String md = words("x", 7) + "\n\n| H1 | H2 |\n|---|---|\n| a | b |\n| c | d |\n";
    Report r = read(settings(20, 9), "a.md", md);
    assertEquals(
        List.of(words("x", 7), "H1 | H2\na | b\nc | d"),
        r.passages().stream().map(Passage::text).toList());
  }

  @Test
  void passagesNeverCrossSectionsAndTinySectionsKeepOne() throws Exception {
    Report r =
        read(
            settings(80, 200),
            "a.md",
            "# A\n\nTiny.\n\n# B\n\nAlso tiny.\n\n# C\n\n# D\n\nLast.\n");
    assertEquals(
        List.of("Tiny.", "Also tiny.", "Last."), r.passages().stream().map(Passage::text).toList());
    assertEquals(List.of(0, 1, 3), r.passages().stream().map(Passage::sectionOrdinal).toList());
    for (Passage p : r.passages()) {
      var s = r.sections().get(p.sectionOrdinal());
      assertTrue(p.start() >= s.start() && p.end() <= s.end());
      assertEquals(r.id() + "-p" + String.format("%04d", p.ordinal()), p.id());
    }
  }
}
