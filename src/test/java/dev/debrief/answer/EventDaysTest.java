package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.debrief.embed.Vocabulary;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.ReportMeta;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventDaysTest {
  private static ReportInfo report(String id, String source, String title, String event) {
    return new ReportInfo(
        id,
        source,
        "markdown",
        new ReportMeta(title, event, "2031-05-02", "Ann Example", "", List.of(), List.of()),
        3,
        10,
        0L,
        "");
  }

  private static final EventCatalog CATALOG =
      EventCatalog.of(
          List.of(
              report("d2", "/r/06-harborconf-2031-day2.html", "Harbor notes", "HarborConf 2031"),
              report("w", "/r/wharf.md", "Wharf Days 2030: second day", "Wharf Days 2030"),
              report("w1", "/r/wharf-1.md", "Wharf Days 2030, Day One", "Wharf Days 2030"),
              report("q", "/r/quay.md", "Quay Summit 2029 recap", "Quay Summit 2029")),
          Vocabulary.of(Set.of("days", "summit", "notes", "recap")));

  @Test
  void aQuestionNamesADayInWordsOrDigits() {
    assertEquals(OptionalInt.of(3), EventDays.asked("what was in the day 3 keynote?"));
    assertEquals(OptionalInt.of(3), EventDays.asked("anything from day-3?"));
    assertEquals(OptionalInt.of(2), EventDays.asked("who spoke on the second day"));
    assertEquals(OptionalInt.of(1), EventDays.asked("the 1st day talks"));
    assertEquals(OptionalInt.of(4), EventDays.asked("Day four recap"));
    assertEquals(OptionalInt.empty(), EventDays.asked("what did the keynote say?"));
    assertEquals(OptionalInt.empty(), EventDays.asked("is day 30 a thing?"), "no conference day");
  }

  @Test
  void aReportSaysItsDayInItsTitleOrItsFileName() {
    List<EventCatalog.Event> events = CATALOG.events();
    assertEquals(Set.of(2), events.get(0).days(), "day2 in the file name");
    assertEquals(Set.of(2, 1), events.get(1).days(), "second day, Day One in the titles");
    assertEquals(Set.of(), events.get(2).days(), "a recap covers every day");
  }

  @Test
  void aDayNoReportCoversIsSaidSoAndACoveredOneIsAnswered() {
    assertEquals(
        "The reports I have from HarborConf 2031 cover day 2, not day 3.",
        EventDays.notCovered(
            "what got announced on day 3 of harborconf 2031?",
            CATALOG.find("what got announced on day 3 of harborconf 2031?")));
    assertEquals(
        "The reports I have from Wharf Days 2030 cover day 1 and 2, not day 3.",
        EventDays.notCovered(
            "wharf days 2030 third day keynote?",
            CATALOG.find("wharf days 2030 third day keynote?")));
    assertNull(
        EventDays.notCovered(
            "harborconf 2031 day 2 keynote", CATALOG.find("harborconf 2031 day 2 keynote")));
    assertNull(
        EventDays.notCovered(
            "quay summit 2029 day 3 keynote", CATALOG.find("quay summit 2029 day 3 keynote")));
    assertNull(EventDays.notCovered("the day 3 keynote?", CATALOG.find("the day 3 keynote?")));
  }
}
