package dev.debrief.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** People named in a literal report text. */
class PersonNamesTest {
  static final String TEXT =
      """
      Cluster Operations - Maria Okafor

      Maria Okafor and Tom McAllister walked through cluster upgrades.
      Dr. Lena de Vries closed the day. Acme Cloud, Acme Queue and Acme Store were on every slide.
      Tom's demo upgraded forty nodes. Later, operations teams asked about rollbacks.
      """;

  @Test
  void fullNamesAreNameShapedWordsNeverWrittenInLowerCase() {
    PersonNames p = PersonNames.in(TEXT);
    assertEquals(List.of("Lena de Vries", "Maria Okafor", "Tom McAllister"), p.sorted());
  }

  @Test
  void headingsSplitIntoPeopleAndNot() {
    PersonNames p = PersonNames.in(TEXT);
    assertTrue(p.looksLikePeople("Maria Okafor", TEXT));
    assertTrue(p.looksLikePeople("Maria Okafor and Tom McAllister", TEXT));
    assertFalse(
        p.looksLikePeople("Cluster Operations", TEXT),
        "the report writes 'cluster' and 'operations'");
    assertFalse(p.looksLikePeople("Acme Cloud", TEXT), "a brand followed by several product words");
  }

  @Test
  void shortReferencesPointAtTheFullName() {
    PersonNames p = PersonNames.in(TEXT);
    assertEquals("Tom McAllister", p.shortReference("Tom's demo upgraded forty nodes."));
    assertNull(p.shortReference("Tom McAllister's demo upgraded forty nodes."));
    assertNull(p.shortReference("Forty nodes were upgraded."));
  }

  @Test
  void initialsAndNicknamesAReportIntroducesAreShortReferences() {
    String text =
        """
        Jean-Luc Moreau opened the day. Samira Haddad (SH) followed, then Petra Novak ("Pet") and Ann Lee (Acme).
        """;
    PersonNames p = PersonNames.in(text);
    assertEquals("Jean-Luc Moreau", p.shortReference("JL showed how the queue drains."));
    assertEquals("Samira Haddad", p.shortReference("SH's demo used two clusters."));
    assertEquals("Petra Novak", p.shortReference("Then Pet compared both brokers."));
    assertNull(
        p.shortReference("Acme shipped a new queue."),
        "an affiliation in parentheses is no nickname");
  }
}
