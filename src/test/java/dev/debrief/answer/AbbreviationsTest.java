package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Literal inputs for {@link Abbreviations}. */
class AbbreviationsTest {
  @Test
  void anAbbreviationIsFoundWrittenOut() {
    assertTrue(
        Abbreviations.spelledOut(
            "JOSS", "* Journal of Open Source Software - passed 2500+ papers"));
    assertTrue(Abbreviations.spelledOut("PM", "Aparna Sinha (Product Manager at Google)"));
    assertTrue(Abbreviations.spelledOut("CTI", "the Cyber Threat Intelligence summit"));
  }

  @Test
  void otherRunsOfCapitalsAreNot() {
    assertFalse(Abbreviations.spelledOut("JOSS", "Journal of Open Software"), "a letter missing");
    assertFalse(Abbreviations.spelledOut("JOSS", "journal of open source software"), "lower case");
    assertFalse(
        Abbreviations.spelledOut("JOSS", "Journal of open Source Software"),
        "only the small words of titles may sit between the capitalised ones");
    assertFalse(Abbreviations.spelledOut("Kubernetes", "Kubernetes"), "not an abbreviation");
    assertFalse(Abbreviations.isAbbreviation("J"));
    assertFalse(Abbreviations.isAbbreviation("KUBERNETES"));
  }
}
