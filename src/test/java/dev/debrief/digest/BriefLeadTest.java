package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Literal sessions: the lead of a report of raw notes. */
class BriefLeadTest {
  private static SessionExtractor.Found found(String title, String speaker, int start, int end) {
    return new SessionExtractor.Found(
        null, title, speaker, SessionExtractor.Kind.HEADING, 0, title, start, end);
  }

  @Test
  void rawNotesAreLedByTheSessionsTheAuthorWroteMostAbout() {
    List<SessionExtractor.Found> found =
        List.of(
            found("Opening", "", 0, 50),
            found("Caching Without Tears", "Ann Lee", 50, 900),
            found("Lunch talk", "", 900, 960),
            found("Ann Lee", "Ann Lee", 960, 1500),
            found("Queues at scale", "Bo Chen", 1500, 2400));
    assertEquals(
        "The report is the author's notes on 5 sessions; it has most on “Caching Without Tears”"
            + " (Ann Lee), “Ann Lee” and “Queues at scale” (Bo Chen).",
        BriefLead.notesOn(found));
  }

  @Test
  void oneSessionIsCountedOnly() {
    assertEquals(
        "The report is the author's notes on 1 session, listed below.",
        BriefLead.notesOn(List.of(found("Caching Without Tears", "Ann Lee", 0, 900))));
  }
}
