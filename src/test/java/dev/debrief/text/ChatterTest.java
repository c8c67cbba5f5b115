package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chatter kinds on literal sentences. */
class ChatterTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Take it or leave it.                                      | READER
      Drop me a comment if I missed your favourite talk.        | READER
      These are my raw notes from the second day.               | WRITE_UP
      Thanks to the organisers for a smooth week.               | THANKS
      Best demo of the week :)                                  | EMOTICON
      I missed breakfast and queued for coffee instead.         | LOGISTICS
      I am usually through security in minutes with my pass.    | LOGISTICS
      Flying from Detroit, my trips are short and cheap.        | LOGISTICS
      Excellent presentation and very funny.                    | VERDICT_ONLY
      I learned a lot and enjoyed every minute of it.           | DIARY
      When I walked into the hall I was stunned by its size.    | DIARY
      We discussed the future of queues over lunch.             | LOGISTICS
      We discussed the future of queues at the booth.           | DIARY
      I'm usually writing notes on my phone.                    | DIARY
      I think the whole thing was worth every minute.           | FIRST_PERSON_ONLY
      If you want to see every talk, visit the playlist.        | READER
      You should watch the recording if you haven't already.    | READER
      Very cool talk, with a live demo of the broker.           | VERDICT_ONLY
      I'll be busy with the booth most of the week.             | DIARY
      I think Acme Queue 2 will replace our own broker.         | NONE
      The broker keeps every message for seven days.            | NONE
      """)
  void kinds(String sentence, Chatter.Kind expected) {
    assertEquals(expected, Chatter.of(sentence), sentence);
  }

  @Test
  void namesAndNumbersAreContent() {
    assertTrue(Chatter.hasNameOrNumber("the cluster grew to 400 nodes"));
    assertTrue(Chatter.hasNameOrNumber("we moved everything to gRPC"));
    assertTrue(Chatter.hasNameOrNumber("Lunch was spent with Maria"));
    assertFalse(Chatter.hasNameOrNumber("I was tired after the keynote."));
  }
}
