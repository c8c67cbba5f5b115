package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerStartTest {
  private static final String TEXT =
      "module runs in the context of an express router and\n"
          + "I think web browsers should speak XMPP and HTTP natively.\n"
          + "for microcontent delivery";

  private static Evidence.Scored scored(int index, double lexical, double score) {
    Hit hit =
        new Hit("p1", "r1", "Notes", "Conf", "", "Talk", List.of("Talk"), "talk", "", TEXT, 1);
    Sentences.Span span = Sentences.split(TEXT).get(index);
    Evidence.Line line = new Evidence.Line(hit, 0, index, span, false, false, Set.of());
    return new Evidence.Scored(line, 0.8, lexical, 0.8, score);
  }

  private static List<Integer> order(List<Evidence.Scored> s) {
    return s.stream().map(x -> x.line().index()).toList();
  }

  @Test
  void aSentenceSharingAWordLeadsABestSharingNoneWhenItScoresWithinTheMargin() {
    List<Evidence.Scored> s =
        List.of(scored(0, 0, 0.996), scored(2, 0, 0.990), scored(1, 0.2, 0.983));
    assertEquals(List.of(1, 0, 2), order(AnswerStart.sharingAWordFirst(s)));
  }

  @Test
  void aBestThatSharesAWordOrACloseSentenceSharingNoneChangesNothing() {
    List<Evidence.Scored> shares = List.of(scored(0, 0.1, 0.996), scored(1, 0.4, 0.990));
    assertEquals(List.of(0, 1), order(AnswerStart.sharingAWordFirst(shares)));
    List<Evidence.Scored> far = List.of(scored(0, 0, 0.996), scored(1, 0.4, 0.950));
    assertEquals(List.of(0, 1), order(AnswerStart.sharingAWordFirst(far)), "0.046 below: too far");
  }
}
