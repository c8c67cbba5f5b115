package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Literal sentences: which introduce what follows, which are ratings and chrome. */
class SentenceShapeTest {
  @Test
  void aColonOrAShortAnnouncementOfACountIntroduces() {
    assertTrue(SentenceShape.introduces("The launches:"));
    assertTrue(SentenceShape.introduces("Two gripes come to mind, however."));
    assertTrue(SentenceShape.introduces("There were three highlights."));
    assertTrue(SentenceShape.introduces("• Here are a few takeaways."));
  }

  @Test
  void aSentenceThatGivesTheThingsItselfDoesNot() {
    assertFalse(SentenceShape.introduces("Two talks covered Kotlin and both were packed."));
    assertFalse(
        SentenceShape.introduces(
            "Three speakers from the storage team explained how they sharded the cluster last year."));
    assertFalse(SentenceShape.introduces("The keynote was great."));
  }

  @Test
  void aRatingLineIsNoChromeThoughItHasNoLetters() {
    for (String r : new String[] {"5/5", "2/5", "3.5 / 5", "8 out of 10", "★★★☆☆", "4 stars"}) {
      assertTrue(SentenceShape.rating(r), r);
      assertFalse(SentenceShape.chrome(r), r);
    }
    assertFalse(SentenceShape.rating("By the way, 3/5 is a recommendation."));
    assertTrue(SentenceShape.chrome("---"));
    assertTrue(SentenceShape.chrome("12:30"));
  }
}
