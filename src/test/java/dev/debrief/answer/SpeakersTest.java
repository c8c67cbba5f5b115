package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal talk headings: the speaker a "who" answer names. */
class SpeakersTest {
  @Test
  void aHeadingNamesItsSpeakerBesideAHandleAndACompany() {
    assertEquals(
        "Logan McDonald",
        Speakers.headingSpeaker(
            List.of(
                "Day 1", "Logan McDonald @loganmeetsworld - BuzzFeed - Optimizing for Learning"),
            List.of()));
    assertEquals(
        "Steve Klabnik",
        Speakers.headingSpeaker(List.of("Designing Hypermedia APIs, Steve Klabnik"), List.of()));
  }
}
