package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Passage;
import dev.debrief.text.StandAlone;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeSupportTest {
  private static Candidates.Candidate said(String text, String... headings) {
    Passage p = new Passage("r1-p0001", "r1", 1, 1, List.of(headings), "a", text, 0, text.length());
    return new Candidates.Candidate(
        new Sources.Item(null, p, new float[0]),
        text,
        StandAlone.Form.PROSE,
        StandAlone.check(text, StandAlone.Form.PROSE),
        0,
        0,
        false);
  }

  @Test
  void aNameSplitsIntoItsPartsAndTheUnnamedClusterHasNone() {
    assertEquals(
        List.of("Kotlin", "Devoxx.BE 2017"), ThemeSupport.parts("Kotlin · Devoxx.BE 2017"));
    assertEquals(List.of(), ThemeSupport.parts("Other notes"));
    assertEquals(List.of(), ThemeSupport.parts(" "));
  }

  @Test
  void aStatementIsAboutAPartItsWordsOrItsHeadingsName() {
    Candidates.Candidate kotlin = said("In essence I need to learn Kotlin and Webflux.");
    Candidates.Candidate travel = said("I am usually through security in minutes.", "Travel");
    Candidates.Candidate underHeading = said("The room was full for it.", "Mentoring Sessions");
    assertTrue(ThemeSupport.about(kotlin, "Kotlin"));
    assertFalse(ThemeSupport.about(travel, "JavaScript"));
    assertTrue(ThemeSupport.about(underHeading, "Mentoring Session"), "a plural s is ignored");
    assertTrue(ThemeSupport.about(said("Tulip is async I/O done right."), "I/O"));
    assertFalse(ThemeSupport.about(said("Tulip is async IO done right."), "I/O"));
    assertFalse(
        ThemeSupport.about(said("The library has a new logo."), "Library Evolution Working Group"));
    assertTrue(
        ThemeSupport.about(
            said("The working group approved the library change."),
            "Library Evolution Working Group"));
  }

  @Test
  void aNoteBelongsToThePartItsSectionIsNamedAfter() {
    List<String> parts = List.of("HTML", "Guillermo Rauch", "IO Insights");
    assertEquals(
        "Guillermo Rauch",
        ThemeSupport.sectionPart(
            said("JavaScript app runs entirely in the client", "Guillermo Rauch - IO Insights"),
            parts));
    assertEquals(
        null,
        ThemeSupport.sectionPart(said("must render the full page of HTML", "Easy way"), parts),
        "a note's own words do not place it: it needs its talk's heading");
  }

  @Test
  void theNameKeepsOnlyThePartsItsStatementsAreAbout() {
    List<String> parts = List.of("Kotlin", "Devoxx.BE 2017", "Webflux");
    assertEquals(
        "Kotlin · Webflux",
        ThemeSupport.renamed(
            parts, List.of(said("In essence I need to learn Kotlin and Webflux."))));
    assertEquals("", ThemeSupport.renamed(parts, List.of(said("The food was good."))));
  }
}
