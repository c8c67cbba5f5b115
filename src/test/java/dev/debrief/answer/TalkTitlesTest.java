package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Literal passages: the talk title written before a stretch for "which talk" questions. */
class TalkTitlesTest {
  private static List<Evidence.Line> passage(String title, String section, String... lines) {
    String text = String.join("\n", lines);
    Hit hit = new Hit("p1", "r1", title, "Conf", "", section, List.of(section), "a", "", text, 1);
    List<Evidence.Line> out = new ArrayList<>();
    int at = 0;
    for (String l : lines) {
      boolean chrome = l.equals("Ann Example") || l.startsWith("https://");
      out.add(
          new Evidence.Line(
              hit,
              0,
              out.size(),
              new Sentences.Span(l, at, at + l.length()),
              chrome,
              false,
              Set.of()));
      at += l.length() + 1;
    }
    return out;
  }

  private static String label(List<Evidence.Line> passage, int from) {
    Evidence.Scored anchor = new Evidence.Scored(passage.get(from), 0.8, 1, 1, 1);
    return TalkTitles.of(
        new Evidence.Stretch(anchor, passage.subList(from, passage.size())), passage);
  }

  @Test
  void theSectionHeadingWithTheSpeakerLineUnderIt() {
    List<Evidence.Line> p = passage("Notes", "Less is more", "Ann Example", "This talk is my jam.");
    assertEquals("“Less is more” (Ann Example)", label(p, 1));
  }

  @Test
  void noTitleWhenTheSectionIsTheReportOrTheQuoteHoldsIt() {
    assertNull(label(passage("Notes", "Notes", "This talk is my jam."), 0));
    assertNull(label(passage("Notes", "Less is more", "Less is more was my jam."), 0));
  }

  @Test
  void aHeadingThatIsADateAndTimeIsNoTitle() {
    assertNull(
        label(passage("Notes", "Sun Mar 17 12:14:58 EDT 2013", "Guido did async design."), 0));
    assertNull(label(passage("Notes", "2013-03-17", "Guido did async design."), 0));
    assertEquals(
        "“Async in 2013”", label(passage("Notes", "Async in 2013", "Guido did async design."), 0));
  }

  @Test
  void aSpeakerLineLabelsItsPassage() {
    List<Evidence.Line> p =
        passage(
            "Notes",
            "Less is more",
            "Ann Example",
            "https://www.youtube.com/watch?v=x",
            "Ann Example showed jigs.");
    assertEquals(List.of(true, false, false), p.stream().map(Speakers::isSpeakerLine).toList());
  }
}
