package dev.debrief.ingest;

import static dev.debrief.ingest.Fixtures.anchors;
import static dev.debrief.ingest.Fixtures.headings;
import static dev.debrief.ingest.Fixtures.paths;
import static dev.debrief.ingest.Fixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextReaderTest {

  @Test
  void rstUnderlinesAndOverlinesGiveLevelsInOrderOfAppearance() throws Exception {
    String rst =
        """
        ---
        title: "Notes: day 3"
        date: 2013-03-17
        ---

        =========
        Main Hall
        =========

        Intro paragraph with ``literal`` and a `link <https://example.org>`_.

        Morning
        =======

        Talk one.

        Details
        -------

        * point a
        * point b

        Afternoon
        =========

        .. image:: photo.png
           :alt: a photo

        Talk two::

            code sample
        """;
    Report r = read("notes.rst", rst);
    assertEquals("rst", r.format());
    assertEquals("Notes: day 3", r.meta().title());
    assertEquals("2013-03-17", r.meta().date());
    assertEquals(List.of("Main Hall", "Morning", "Details", "Afternoon"), headings(r));
    assertEquals(List.of(1, 2, 3, 2), r.sections().stream().map(s -> s.level()).toList());
    assertEquals(
        List.of(
            "Main Hall",
            "Main Hall › Morning",
            "Main Hall › Morning › Details",
            "Main Hall › Afternoon"),
        paths(r));
    assertEquals(
        """
        Main Hall

        Intro paragraph with literal and a link.

        Morning

        Talk one.

        Details

        • point a
        • point b

        Afternoon

        Talk two:

        code sample""",
        r.text());
  }

  @Test
  void bareTitleLinesAreHeadingsButSentencesAndBulletsAreNot() throws Exception {
    String txt =
        """
        Cloud Days 2025 – a personal report

        This is my report from the event, written on the train home with some notes.

        Take it or leave it.

        As always:

        Keynote (Wednesday)

        There were about 900 attendees in the main hall on the first morning.

          • Short bullet
          • Another bullet line

        Expo floor and sponsors

        Mostly observability and security vendors were present at the booths.

        Just a short line
        Closing thoughts
        """;
    Report r = read("report.txt", txt);
    assertEquals("text", r.format());
    assertEquals(
        List.of(
            "Cloud Days 2025 – a personal report",
            "Keynote (Wednesday)",
            "Expo floor and sponsors"),
        headings(r));
    assertEquals(List.of(1, 2, 2), r.sections().stream().map(s -> s.level()).toList());
    assertEquals(
        List.of(
            "cloud-days-2025--a-personal-report", "keynote-wednesday", "expo-floor-and-sponsors"),
        anchors(r));
    assertEquals("Cloud Days 2025 – a personal report", r.meta().title());
    String keynote = Fixtures.sectionText(r, 1);
    assertTrue(keynote.contains("• Short bullet\n• Another bullet line"), keynote);
    assertTrue(r.text().endsWith("Just a short line\nClosing thoughts"));
  }

  @Test
  void anIndentedOutlineTakesItsFlushLeftLinesAsHeadingsAndOnlyThose() throws Exception {
    String txt =
        "Ana Lima - @ana - Scaling Sockets - https://slides.example.org/ana\n"
            + "\n"
            + "\tworks at Example Corp\n"
            + "\n"
            + "\tWebSockets\n"
            + "\n"
            + "\t\tRecommendations\n"
            + "\t\t\tstart at port 4000, fall back to 443\n"
            + "\n"
            + " Ben Ode - Offline First - \n"
            + "\n"
            + "\tsync when the network returns\n"
            + "\tqueue writes locally\n";
    Report r = read("notes.txt", txt);
    assertEquals(
        List.of("Ana Lima - @ana - Scaling Sockets", "Ben Ode - Offline First"), headings(r));
    assertEquals(List.of(1, 1), r.sections().stream().map(s -> s.level()).toList());
    String ana = Fixtures.sectionText(r, 0);
    assertTrue(
        ana.startsWith("Ana Lima - @ana - Scaling Sockets\n\nhttps://slides.example.org/ana"), ana);
    assertTrue(ana.contains("WebSockets"), ana);
    assertTrue(ana.contains("start at port 4000, fall back to 443"), ana);
    assertTrue(Fixtures.sectionText(r, 1).contains("queue writes locally"), r.text());
  }

  @Test
  void proseWithAFewIndentedLinesIsNotAnOutline() throws Exception {
    String txt =
        """
        Keynote (Wednesday)

        There were about 900 attendees in the main hall on the first morning.
          an indented aside

        Expo floor and sponsors

        Mostly observability and security vendors were present at the booths.
        """;
    Report r = read("report.txt", txt);
    assertEquals(List.of("Keynote (Wednesday)", "Expo floor and sponsors"), headings(r));
  }

  @Test
  void aTitleLikeLineFollowedByAnotherTitleLikeLineIsNotAHeading() throws Exception {
    Report r =
        read(
            "t.txt",
            "Some Company Name\n\nSummary\n\nA real paragraph follows here, with words.\n");
    assertEquals(List.of("", "Summary"), headings(r));
    assertEquals("Some Company Name", r.passages().get(0).text());
  }

  @Test
  void bareLinesAreIgnoredWhenUnderlinedTitlesExist() throws Exception {
    Report r = read("t.rst", "Title\n=====\n\nSome Line\n\nA paragraph of text goes here.\n");
    assertEquals(List.of("Title"), headings(r));
    assertEquals("Title\n\nSome Line\n\nA paragraph of text goes here.", r.text());
  }

  @Test
  void wrappedBulletsContinueButPlainLinesStandAlone() throws Exception {
    Report r =
        read(
            "l.txt",
            """
        Notes
        - first bullet that is long enough to have been wrapped by the
          editor onto a second line
        - second
        Monkey patching
        """);
    assertEquals(
        "Notes\n• first bullet that is long enough to have been wrapped by the editor onto a second line\n• second\nMonkey patching",
        r.text());
  }

  @Test
  void hardWrappedParagraphsAreJoinedButShortNoteLinesKeepTheirBreaks() throws Exception {
    String rst =
        """
        Talks
        =====

        I went to the conference, but did not attend the whole thing. It was
        entirely online as a livestream for something like fourteen hours split
        into three sessions, with a very active chat next to it all the time.

        The organisers did a great job. The rooms I lurked in were hopping all
        day, and the way they took questions from the audience worked well.

        My favourite was `A talk title that runs over the line end because it is
        long <https://example.org/talk>`__ and it was the best talk of the day.

        2500 people
        Every state
        20% women
        """;
    Report r = read("wrapped.rst", rst);
    assertTrue(
        r.text()
            .contains(
                "It was entirely online as a livestream for something like fourteen hours split"
                    + " into three sessions, with a very active chat next to it all the time."),
        r.text());
    assertTrue(
        r.text()
            .contains(
                "My favourite was A talk title that runs over the line end because it is long and it was the best"),
        r.text());
    assertTrue(r.text().contains("2500 people\nEvery state\n20% women"), r.text());
  }

  @Test
  void textWithoutHardWrapsKeepsItsLines() throws Exception {
    String txt =
        """
        Keynote

        Short line one
        Short line two
        A third short line here
        """;
    Report r = read("notes.txt", txt);
    assertTrue(
        r.text().contains("Short line one\nShort line two\nA third short line here"), r.text());
  }
}
