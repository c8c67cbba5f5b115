package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Literal passages of notes: which lines a stretch takes after its anchor. */
class StretchBuilderTest {
  private static final String NOTES =
      "- 2500 people at the venue\n- every state in the US\n- coffee ran out twice\n"
          + "- the wifi held up";

  /** The lines of {@link #NOTES}, each a list item; the anchor scores 1, the others 0.5. */
  private static List<Evidence.Line> lines(Map<Evidence.Line, Evidence.Scored> byLine) {
    Hit hit =
        new Hit("p1", "r1", "Notes", "Conf", "", "Day 1", List.of("Day 1"), "day-1", "", NOTES, 1);
    List<Evidence.Line> out = new ArrayList<>();
    int at = 0;
    for (String item : NOTES.split("\n")) {
      Sentences.Span span = new Sentences.Span(item, at, at + item.length());
      at += item.length() + 1;
      Evidence.Line l = new Evidence.Line(hit, 0, out.size(), span, false, true, Set.of());
      out.add(l);
      byLine.put(l, new Evidence.Scored(l, 0.5, 0.5, 1, out.size() == 1 ? 1.0 : 0.5));
    }
    return out;
  }

  private static List<String> grown(StretchBuilder.Mode mode) {
    Map<Evidence.Line, Evidence.Scored> byLine = new HashMap<>();
    List<Evidence.Line> passage = lines(byLine);
    Evidence.Stretch s =
        new StretchBuilder(EvidenceSelector.Weights.DEFAULT)
            .grow(byLine.get(passage.get(0)), passage, byLine, 5, mode, List.of(), Set.of());
    return s.lines().stream().map(Evidence.Line::text).toList();
  }

  @Test
  void aFactAnsweredByOneItemOfRawNotesTakesNoUnrelatedItems() {
    assertEquals(List.of("- 2500 people at the venue"), grown(StretchBuilder.Mode.STRICT));
  }

  @Test
  void aQuestionAfterSeveralThingsOrAnOverviewTakesTheItemsAfterIt() {
    List<String> all = List.of(NOTES.split("\n"));
    assertEquals(all, grown(new StretchBuilder.Mode(false, false, true)));
    assertEquals(all, grown(new StretchBuilder.Mode(true, false, false)));
  }

  /** A paragraph of prose: the anchor, then a sentence on another subject scoring 0.98 of it. */
  private static List<String> prose(String second, Set<String> secondTerms) {
    return prose(second, secondTerms, 0.8);
  }

  /** {@link #prose(String, Set)} with the second sentence's cosine similarity given. */
  private static List<String> prose(String second, Set<String> secondTerms, double similarity) {
    String text = "The keynote celebrated 1500 attendees. " + second;
    Hit hit =
        new Hit(
            "p2", "r2", "Recap", "Conf", "", "Numbers", List.of("Numbers"), "numbers", "", text, 1);
    int cut = text.indexOf(second);
    Evidence.Line anchor =
        new Evidence.Line(
            hit,
            0,
            0,
            new Sentences.Span(text.substring(0, cut - 1), 0, cut - 1),
            false,
            false,
            Set.of("keynot", "celebr", "attende", LineTerms.NUMBER));
    Evidence.Line next =
        new Evidence.Line(
            hit, 0, 1, new Sentences.Span(second, cut, text.length()), false, false, secondTerms);
    Map<Evidence.Line, Evidence.Scored> byLine = new HashMap<>();
    byLine.put(anchor, new Evidence.Scored(anchor, 0.8, 1, 1, 1.0));
    byLine.put(next, new Evidence.Scored(next, similarity, 0, 1, 0.98));
    List<QuestionAnalysis.Concept> attendees =
        List.of(new QuestionAnalysis.Concept("attendees", List.of("attende"), List.of(), 5));
    Evidence.Stretch s =
        new StretchBuilder(EvidenceSelector.Weights.DEFAULT)
            .grow(
                byLine.get(anchor),
                List.of(anchor, next),
                byLine,
                5,
                StretchBuilder.Mode.STRICT,
                attendees,
                Set.of("number"));
    return s.lines().stream().map(Evidence.Line::text).toList();
  }

  @Test
  void aFactStretchStopsAtASentenceHoldingNoWordOfTheQuestion() {
    assertEquals(
        List.of("The keynote celebrated 1500 attendees."),
        prose("Ticket sales opened in 2024.", Set.of("ticket", "sale", "open", LineTerms.NUMBER)));
  }

  @Test
  void aFactStretchGoesOnWithASentenceOfItsParagraphTheEmbeddingFindsCloserThanTheAnchor() {
    assertEquals(
        List.of("The keynote celebrated 1500 attendees.", "Half of them came by train."),
        prose("Half of them came by train.", Set.of("half", "came", "train"), 0.85));
  }

  @Test
  void aFactStretchGoesOnWithASentenceAboutTheQuestion() {
    assertEquals(
        List.of("The keynote celebrated 1500 attendees.", "Most attendees were developers."),
        prose("Most attendees were developers.", Set.of("most", "attende", "develop")));
  }

  /** A line of {@link #grownFrom}: its text, what comes before it, list item or not, score. */
  private record L(String before, String text, boolean item, Set<String> terms, double score) {}

  /** The stretch a strict fact answer grows from line {@code anchor} of one passage of lines. */
  private static List<String> grownFrom(
      int anchor, List<QuestionAnalysis.Concept> concepts, L... ls) {
    return grownFrom(StretchBuilder.Mode.STRICT, anchor, concepts, ls);
  }

  /** The stretch grown in {@code mode} from line {@code anchor} of one passage of lines. */
  private static List<String> grownFrom(
      StretchBuilder.Mode mode, int anchor, List<QuestionAnalysis.Concept> concepts, L... ls) {
    StringBuilder text = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    for (L l : ls) {
      text.append(l.before());
      spans.add(new int[] {text.length(), text.length() + l.text().length()});
      text.append(l.text());
    }
    Hit hit =
        new Hit(
            "p3",
            "r3",
            "Notes",
            "Conf",
            "",
            "Keynotes",
            List.of("Keynotes"),
            "k",
            "",
            text.toString(),
            1);
    List<Evidence.Line> passage = new ArrayList<>();
    Map<Evidence.Line, Evidence.Scored> byLine = new HashMap<>();
    for (int i = 0; i < ls.length; i++) {
      Evidence.Line line =
          new Evidence.Line(
              hit,
              0,
              i,
              new Sentences.Span(ls[i].text(), spans.get(i)[0], spans.get(i)[1]),
              false,
              ls[i].item(),
              ls[i].terms());
      passage.add(line);
      byLine.put(line, new Evidence.Scored(line, 0.8, 0.5, 1, ls[i].score()));
    }
    return new StretchBuilder(EvidenceSelector.Weights.DEFAULT)
            .grow(byLine.get(passage.get(anchor)), passage, byLine, 5, mode, concepts, Set.of())
            .lines()
            .stream()
            .map(Evidence.Line::text)
            .toList();
  }

  private static final List<QuestionAnalysis.Concept> HYPERVISOR =
      List.of(new QuestionAnalysis.Concept("hypervisor", List.of("hypervisor"), List.of(), 5));

  @Test
  void theRestOfAListItemIsTheSamePointEvenWithoutAWordOfTheQuestion() {
    assertEquals(
        List.of("* Caspian is a new hypervisor.", "Able to scale memory up and down."),
        grownFrom(
            0,
            HYPERVISOR,
            new L("", "* Caspian is a new hypervisor.", true, Set.of("caspian", "hypervisor"), 1.0),
            new L(
                " ",
                "Able to scale memory up and down.",
                false,
                Set.of("abl", "scale", "memori"),
                0.5),
            new L("\n", "* Grover is a storage layer.", true, Set.of("grover", "storag"), 0.5)));
  }

  @Test
  void aSentenceOnItsOwnLineAfterAnItemIsNotItsRest() {
    assertEquals(
        List.of("* Caspian is a new hypervisor."),
        grownFrom(
            0,
            HYPERVISOR,
            new L("", "* Caspian is a new hypervisor.", true, Set.of("caspian", "hypervisor"), 1.0),
            new L(
                "\n",
                "Able to scale memory up and down.",
                false,
                Set.of("abl", "scale", "memori"),
                0.5)));
  }

  private static final List<QuestionAnalysis.Concept> ATTENDEES =
      List.of(new QuestionAnalysis.Concept("attendees", List.of("attende"), List.of(), 5));

  @Test
  void aSentenceBeforeTheAnchorThatAnswersNearlyAsWellStartsTheStretch() {
    L first =
        new L("", "The meeting had about 200 attendees.", false, Set.of("meet", "attende"), 0.97);
    L anchor =
        new L(
            " ",
            "The meeting welcomed 25 new guest attendees.",
            false,
            Set.of("welcom", "guest", "attende"),
            1.0);
    assertEquals(List.of(first.text(), anchor.text()), grownFrom(1, ATTENDEES, first, anchor));
    L weak =
        new L("", "The meeting had about 200 attendees.", false, Set.of("meet", "attende"), 0.8);
    assertEquals(List.of(anchor.text()), grownFrom(1, ATTENDEES, weak, anchor), "scores too low");
    L offTopic =
        new L("", "The venue was a hotel in Sofia.", false, Set.of("venu", "hotel", "sofia"), 0.99);
    assertEquals(
        List.of(anchor.text()),
        grownFrom(1, ATTENDEES, offTopic, anchor),
        "no word of the question");
  }

  private static final List<QuestionAnalysis.Concept> SESSION =
      List.of(new QuestionAnalysis.Concept("chloe", List.of("chloe"), List.of(), 5));

  @Test
  void whatSomeoneMadeOfSomethingIsTheRestOfTheParagraph() {
    L named =
        new L("", "I went to a beginner session by Chloe.", false, Set.of("begin", "chloe"), 1.0);
    L enjoyed = new L(" ", "I enjoyed her delivery.", false, Set.of("enjoi", "deliveri"), 0.6);
    L good = new L(" ", "She delivered a good session.", false, Set.of("deliv", "good"), 0.5);
    L lunch = new L("\n", "It was now time for lunch.", false, Set.of("time", "lunch"), 0.5);
    assertEquals(
        List.of(named.text(), enjoyed.text(), good.text()),
        grownFrom(
            new StretchBuilder.Mode(false, false, false, true),
            0,
            SESSION,
            named,
            enjoyed,
            good,
            lunch));
    assertEquals(
        List.of(named.text()), grownFrom(0, SESSION, named, enjoyed, good, lunch), "a fact stops");
  }

  @Test
  void aRatingLineAfterTheStretchIsTaken() {
    L talk =
        new L(
            "",
            "As always Kevlin delivers deep insights.",
            false,
            Set.of("kevlin", "insight"),
            1.0);
    L rating = new L("\n\n", "5/5", false, Set.of(LineTerms.NUMBER), 0.0);
    L next = new L("\n\n", "Next came the CERN talk.", false, Set.of("cern"), 0.5);
    assertEquals(
        List.of(talk.text(), rating.text()),
        grownFrom(
            0,
            List.of(new QuestionAnalysis.Concept("kevlin", List.of("kevlin"), List.of(), 5)),
            talk,
            rating,
            next));
  }
}
