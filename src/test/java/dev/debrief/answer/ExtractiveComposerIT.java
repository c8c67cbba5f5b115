package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.index.Indexer;
import dev.debrief.model.Answer;
import dev.debrief.model.Citation;
import dev.debrief.model.Question;
import dev.debrief.testing.TestCorpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cited answers and honest refusals over the three-report corpus, with the real model and index.
 */
class ExtractiveComposerIT {
  @TempDir static Path tmp;
  static Wiring wiring;

  @BeforeAll
  static void ingest() throws Exception {
    wiring = TestCorpus.wiring(tmp.resolve("index"));
    wiring
        .indexer()
        .ingestPaths(List.of(TestCorpus.write(tmp.resolve("docs"))), false, Indexer.Progress.NONE);
  }

  @AfterAll
  static void close() {
    wiring.close();
  }

  @Test
  void answersWithACitationOnEverySentence() {
    Answer a =
        wiring
            .answerer()
            .answer(Question.of("How many attendees did the closing keynote celebrate?"));
    assertTrue(a.answered(), a.text());
    assertTrue(a.text().contains("1500 attendees"), a.text());
    assertTrue(
        a.text().matches("(?s)([^\\[]+\\[\\d+\\]\\.?\\s*)+"),
        "every unit ends with [n]: " + a.text());
    Citation c = a.citations().get(0);
    assertEquals(1, c.n());
    assertEquals("Closing keynote recap", c.title());
    assertEquals("Numbers", c.section());
    assertTrue(c.quote().contains("1500 attendees"));
    assertTrue(
        c.url().startsWith("http://localhost:3000/reports/" + c.reportId() + "?p=" + c.passageId()),
        c.url());
    assertEquals("extractive", a.provider());
  }

  @Test
  void refusesWhenTheReportsDoNotCoverTheQuestion() {
    Answer a = wiring.answerer().answer(Question.of("who won the chess tournament in Reykjavik?"));
    assertFalse(a.answered(), a.text());
    // a name no report holds is said to be absent, with the closest sections
    assertTrue(a.text().startsWith("I found no mention of Reykjavik in the reports"), a.text());
    assertEquals(List.of(), a.citations());
    assertEquals(3, a.closest().size());
  }

  @Test
  void followUpUsesTheThreadsEarlierQuestion() {
    Answer a =
        wiring
            .answerer()
            .answer(
                new Question(
                    "and which feature do operators ask for most?",
                    List.of("what did the storage panel discuss?"),
                    null));
    assertTrue(a.answered(), a.text());
    assertTrue(a.text().contains("snapshots"), a.text());
  }

  @Test
  void aFollowUpWithNothingBeforeItAsksForWhatItMeans() {
    for (String q : List.of("and what did she say after that?", "ok and the other one?")) {
      Answer a = wiring.answerer().answer(Question.of(q));
      assertFalse(a.answered(), a.text());
      assertEquals(ExtractiveComposer.NO_CONTEXT, a.text());
    }
  }

  @Test
  void punctuationOnlyAndHugeQuestionsGetAReason() {
    Answer p = wiring.answerer().answer(Question.of("?!?"));
    assertFalse(p.answered());
    assertTrue(p.text().startsWith("Ask me a question about the event reports"), p.text());
    Answer huge = wiring.answerer().answer(Question.of("scheduler nodes ".repeat(20_000)));
    assertTrue(huge.question().length() <= 4000);
    // a long paste is context, then the question: its last sentence asking something is answered
    Answer pasted =
        wiring
            .answerer()
            .answer(
                Question.of(
                    "Pasting my standup notes. ".repeat(200)
                        + "Anyway: what did the storage panel discuss?"));
    assertEquals("Anyway: what did the storage panel discuss?", pasted.question());
    assertTrue(pasted.answered(), pasted.text());
    assertTrue(pasted.text().contains("snapshots"), pasted.text());
  }

  @Test
  void aQuestionWithNoSubjectAsksForOneUnlessTheThreadHasIt() {
    Answer alone = wiring.answerer().answer(Question.of("tell me more"));
    assertFalse(alone.answered());
    // "more" points back, and nothing came before it here
    assertEquals(ExtractiveComposer.NO_CONTEXT, alone.text());
    Answer inThread =
        wiring
            .answerer()
            .answer(
                new Question(
                    "tell me more",
                    List.of("what did the storage panel say about snapshots?"),
                    null));
    assertTrue(inThread.answered(), inThread.text());
    assertTrue(inThread.text().contains("snapshots"), inThread.text());
  }

  @Test
  void aFactAnswerStopsBeforeTheSentenceThatSharesNoWordWithTheQuestion() {
    Answer a =
        wiring
            .answerer()
            .answer(Question.of("How many attendees did the closing keynote celebrate?"));
    assertTrue(a.text().contains("1500 attendees"), a.text());
    // "Ticket sales opened the same afternoon…" follows in the same paragraph and scores near the
    // answer in cosine, but holds no word of the question: padding
    assertFalse(a.text().contains("Ticket sales"), a.text());
  }

  @Test
  void aNumberQuestionAskedInTwoBreathsKeepsBothParts() {
    List<QuestionAnalysis.Part> parts =
        wiring
            .questionAnalyzer()
            .analyze("how big was the closing keynote, and which city hosts next year?")
            .parts();
    assertEquals(
        List.of("how big was the closing keynote, and", "which city hosts next year?"),
        parts.stream().map(QuestionAnalysis.Part::text).toList());
  }

  @Test
  void anOverviewAskedWithSomethingSpecificIsAPartWithoutConcepts() {
    QuestionAnalysis a =
        wiring
            .questionAnalyzer()
            .analyze("what were the highlights of Cloud Days 2024, and was there a discount?");
    assertEquals(
        List.of(true, false),
        a.parts().stream().map(QuestionAnalysis.Part::overview).toList(),
        a.parts().toString());
    assertEquals("was there a discount?", a.parts().get(1).text());
  }
}
