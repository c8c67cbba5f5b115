package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.text.PersonNames;
import org.junit.jupiter.api.Test;

/** Literal headings: which part of a talk heading is its speaker. */
class SpeakersTest {
  /** Three people share a first name, so the report's own names do not vouch for "Ada Stone". */
  private static final String TEXT =
      "Ada Stone spoke first. Later Ada Brook and Ada Quill joined the panel.";

  @Test
  void aNameBesideAQuotedTitleIsItsSpeaker() {
    PersonNames people = PersonNames.in(TEXT);
    Speakers.Parsed p =
        Speakers.parse("Ada Stone, \"Caching Without Tears\"", people, TEXT, Speakers.Side.FIRST);
    assertEquals("Ada Stone", p.speaker());
    assertEquals("Caching Without Tears", p.title());
    Speakers.Parsed q =
        Speakers.parse("“Caching Without Tears”, Ada Stone", people, TEXT, Speakers.Side.FIRST);
    assertEquals("Ada Stone", q.speaker());
  }

  @Test
  void aHandleStandingAsAPartOfTheHeadingIsDropped() {
    String text = "Grace Hopper spoke about compilers. Grace Hopper took questions after.";
    PersonNames people = PersonNames.in(text);
    Speakers.Parsed p =
        Speakers.parse(
            "Grace Hopper - @GraceHopper - Compilers for Everyone - https://slides.example.org",
            people,
            text,
            Speakers.Side.FIRST);
    assertEquals("Grace Hopper", p.speaker());
    assertEquals("Compilers for Everyone", p.title());
    Speakers.Parsed q =
        Speakers.parse(
            "Grace Hopper - +Grace Hopper - Compilers for Everyone",
            people,
            text,
            Speakers.Side.FIRST);
    assertEquals("Grace Hopper", q.speaker());
    assertEquals("Compilers for Everyone", q.title());
    assertEquals("Networking @Scale keynote", Speakers.clean("Networking @Scale keynote"));
  }

  @Test
  void wordsThatAreNeverNamesAreNoSpeaker() {
    PersonNames people = PersonNames.in(TEXT);
    assertEquals(
        "",
        Speakers.parse("Opening Keynote, \"Why We Cache\"", people, TEXT, Speakers.Side.FIRST)
            .speaker());
    assertEquals(
        "",
        Speakers.parse("Ada Stone, Caching Without Tears", people, TEXT, Speakers.Side.FIRST)
            .speaker(),
        "no quotes: the report's names decide");
  }
}
