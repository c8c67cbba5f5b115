package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.text.StandAlone.Form;
import dev.debrief.text.StandAlone.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stand-alone rule on literal sentences (invented, in the styles trip reports use). */
class StandAloneTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      The scheduler places pods on nodes in two phases.                          | NONE
      Acme Cloud announced a managed queue service with a free tier.             | NONE
      This year the conference moved to a bigger venue in Lyon.                  | NONE
      Measure scheduling latency before tuning the scoring weights.             | NONE
      It scales to five thousand nodes without tuning.                           | DANGLING_REFERENCE
      They showed a demo of the new storage layer.                               | DANGLING_REFERENCE
      This session was presented by two engineers from the storage team.         | DANGLING_REFERENCE
      That's why the team moved to a pull model for metrics.                     | DANGLING_REFERENCE
      If it fills up the broker starts to drop the oldest messages.              | DANGLING_REFERENCE
      The speaker walked through three failure modes of leader election.         | DANGLING_REFERENCE
      Ana Silva tops the previous talk with a tour of the query planner.         | DANGLING_REFERENCE
      You go there because you already run the scheduler in production.          | DANGLING_REFERENCE
      Ana Silva's demo does exactly that, but live and in the browser.           | DANGLING_REFERENCE
      The first was a simulated code review with two volunteers on stage.        | DANGLING_REFERENCE
      You probably do, if you played music files on a computer back then.        | DANGLING_REFERENCE
      One of the slides said that there is never enough time for tests.          | DANGLING_REFERENCE
      One of the best talks was Ana Silva's tour of the query planner.           | NONE
      The videos go online every few days, so be sure to check them out!         | CHATTER
      There were two thousand people there for the opening keynote.              | NONE
      The first keynote of the day was given by Ana Silva of Acme.               | NONE
      In this sense the new release is very different from the old one.          | CONNECTIVE
      But the migration took the team almost two years to finish.               | CONNECTIVE
      As a side note, version 2.1 turns tracing on by default.                   | CONNECTIVE
      Take it or leave it, these notes are what they are.                        | CHATTER
      If you are looking for polished prose, you will not find any in my notes. | CHATTER
      I grabbed a coffee and ran to the next room.                               | CHATTER
      The talk was always very dense and useful.                                | CHATTER
      Great talk, very dense and really useful.                                  | CHATTER
      Why would anyone run their own queue?                                      | QUESTION
      Supports five regions and two storage classes.                             | NO_SUBJECT
      Storage Engines                                                            | HEADING
      Length 41:07, watched on 2031-02-01                                        | METADATA
      Photo: the main hall before the opening keynote                            | CAPTION
      Tue Mar 4 10:15:02 PST 2031                                                | TIMESTAMP
      the broker keeps every message for seven days                              | FRAGMENT
      The last section lists what the team plans next:                           | FRAGMENT
      If so, the broker can replay the whole log from the start.                 | CONNECTIVE
      The rewrite is described at https://example.org/rewrite in detail.         | LINK_OR_CODE
      The broker (written in Rust keeps every message.                           | FRAGMENT
      Maria Okafor said the broker "keeps every message.                         | FRAGMENT
      After months of work, he rewrote the scheduler in Go.                      | DANGLING_REFERENCE
      To get around this, the team sharded the queue by tenant.                  | DANGLING_REFERENCE
      Among the projects at that level, the broker is the oldest.                | DANGLING_REFERENCE
      Everyone told him the queue was far too slow.                              | DANGLING_REFERENCE
      The main problem, as always, is the cold start of the broker.              | DANGLING_REFERENCE
      The article explains how the broker replays its log.                       | DANGLING_REFERENCE
      The broker keeps every message for seven days, though.                     | CONNECTIVE
      (The broker keeps every message for seven days.)                           | FRAGMENT
      After the keynote, Acme Cloud opened its managed queue to everyone.        | NONE
      Acme has compiled these guidelines into a style guide for queues.          | DANGLING_REFERENCE
      The outcome from this work is a scheduler that never starves a queue.      | DANGLING_REFERENCE
      We might never get this done without a second sprint.                      | DANGLING_REFERENCE
      Acme ships Foo and Bar, and both of these tools are open source.            | DANGLING_REFERENCE
      Acme ships two tools, and these tools are open source.                      | NONE
      The queue moved to Rust this year and the broker followed.                 | NONE
      About halfway through the session, the projector failed twice.            | DANGLING_REFERENCE
      Another example of the same failure hit the storage team.                  | DANGLING_REFERENCE
      Nobody expected the talk to end with a live migration of the broker.       | DANGLING_REFERENCE
      Acme announced the keynote speakers for the storage track.                 | NONE
      To sum it up, Acme Queue 2 replaced three brokers at the storage team.     | NONE
      All in all, this release cut the memory use of the broker by half.         | DANGLING_REFERENCE
      """)
  void prose(String sentence, Problem expected) {
    assertEquals(expected, StandAlone.check(sentence, Form.PROSE).problem(), sentence);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      • Supports five regions and two storage classes                            | NONE
      - Announcing Acme Queue 2                                                  | NONE
      * the broker keeps every message for seven days                            | NONE
      • It keeps every message for seven days                                    | DANGLING_REFERENCE
      • Also integrated into the command line                                   | CONNECTIVE
      • Generative AI                                                            | HEADING
      • "queue-backed workflow and provenance engine"                          | FRAGMENT
      • "the broker keeps every message for seven days"                       | NONE
      • way over my head lol                                                     | CHATTER
      • slides                                                                   | CAPTION
      • 4/5                                                                      | METADATA
      • While talking about the broker                                           | FRAGMENT
      • Often you only notice the lag when you're                               | FRAGMENT
      • The recordings are all online now:                                      | FRAGMENT
      • 4 Days of Example Conf - Day 2                                          | HEADING
      • title = "Example Conf" tags = [ "conf" ]                                | LINK_OR_CODE
      """)
  void notes(String note, Problem expected) {
    assertEquals(expected, StandAlone.check(note, Form.NOTE).problem(), note);
  }

  @Test
  void aFirstNameWhoseFullNameIsElsewhereIsAShortReference() {
    PersonNames people = PersonNames.in("Keynote\n\nMaria Okafor (CTO at Acme) opened the day.");
    StandAlone.Verdict v =
        StandAlone.check(
            "Maria then showed the new query planner in a live demo.", Form.PROSE, people);
    assertEquals(Problem.SHORT_NAME, v.problem());
    assertEquals("Maria Okafor", v.detail());
    assertTrue(
        StandAlone.check(
                "Maria Okafor then showed the new query planner in a live demo.",
                Form.PROSE,
                people)
            .ok());
    assertEquals(
        Problem.SHORT_NAME,
        StandAlone.check(
                "The planner is fast, and Maria says it is also cheap.", Form.PROSE, people)
            .problem());
  }

  @Test
  void aVerdictNeedsAProblem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new StandAlone.Verdict(null, ""));
    assertEquals("problem must not be null", e.getMessage());
  }

  @Test
  void emptyAndPunctuationOnlyAreEmpty() {
    assertEquals(Problem.EMPTY, StandAlone.check("", Form.PROSE).problem());
    assertEquals(Problem.EMPTY, StandAlone.check(null, Form.NOTE).problem());
    assertEquals(Problem.EMPTY, StandAlone.check(" … ", Form.NOTE).problem());
  }
}
