package dev.debrief.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.model.ReportInfo;
import dev.debrief.model.ReportMeta;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loose event names over the events of ../shared/reports as their front matter names them (no files
 * read).
 */
class EventMatcherTest {
  static final String EU17 = "KubeCon + CloudNativeCon Europe 2017";
  static final String NA18 = "KubeCon + CloudNativeCon North America 2018 (Seattle)";
  static final String AWS = "AWS re:Invent 2023 (Las Vegas; watched via recordings)";
  static final String DOCKER = "DockerCon EU 2017 (Copenhagen)";
  static final String LOOP = "Strange Loop 2017 (St. Louis)";
  static final String WG21 =
      "ISO C++ (WG21) standards committee meeting, Sofia, Bulgaria (June 2025)";
  static final String PYCON = "PyCon US 2013 (Santa Clara), Sunday notes";

  static final EventMatcher MATCHER =
      new EventMatcher(
          List.of(
              info(
                  "/r/kubecon-eu-2017-berlin.txt",
                  "Kubecon 2017 – Berlin: a personal report",
                  EU17,
                  "2017-03-30"),
              info(
                  "/r/02-kubecon-na-2018-seattle.md",
                  "My KubeCon + CloudNativeCon NA 2018 Recap",
                  NA18,
                  "2018-12-21"),
              info("/r/05-aws-reinvent-2023.md", "AWS re:Invent 2023", AWS, "2023-12-11"),
              info(
                  "/r/06-dockercon-eu-2017-day2.html",
                  "4 Days of Dockercon – Day 2",
                  DOCKER,
                  "2017-10-17"),
              info("/r/09-strange-loop-2017-notes.md", "StrangeLoop 2017", LOOP, "2017-09-28"),
              info(
                  "/r/13-wg21-cpp-sofia-2025.md",
                  "Nvidia 2025-06 ISO C++ WG21 Committee Meeting Trip Report",
                  WG21,
                  "2025-06"),
              info(
                  "/r/17-pycon-us-2013-day3-notes.rst",
                  "PyCon 2013 notes: 2013-03-17",
                  PYCON,
                  "2013-03-17"),
              info("/r/untitled.md", "No event here", "", "")));

  static ReportInfo info(String source, String title, String event, String date) {
    return new ReportInfo(
        "r" + Math.abs(source.hashCode()),
        source,
        "markdown",
        new ReportMeta(title, event, date, "", "", List.of(), List.of()),
        3,
        5,
        0L,
        "h");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "kubecon berlin|" + EU17,
        "KubeCon EU 2017|" + EU17,
        "kubecon europe|" + EU17,
        "KUBECON + CLOUDNATIVECON EUROPE 2017|" + EU17,
        "kubecon na 2018|" + NA18,
        "KubeCon North America|" + NA18,
        "kubecon seattle|" + NA18,
        "re:invent|" + AWS,
        "reinvent 2023|" + AWS,
        "aws|" + AWS,
        "dockercon|" + DOCKER,
        "docker copenhagen|" + DOCKER,
        "strangeloop|" + LOOP,
        "Strange Loop|" + LOOP,
        "c++ sofia|" + WG21,
        "wg21|" + WG21,
        "cpp committee|" + WG21,
        "pycon 2013|" + PYCON,
        "summarize pycon|" + PYCON,
        "kubecon seatle|" + NA18,
        "dockrcon|" + DOCKER,
        "strnage loop|" + LOOP,
      })
  void looseNamesFindTheEvent(String query, String expected) {
    assertEquals(new EventMatcher.Found(expected), MATCHER.match(query));
  }

  @Test
  void aWordTooFarFromEveryNameOrTooShortIsNoMisspelling() {
    assertEquals(EventMatcher.Unknown.class, MATCHER.match("hackathon").getClass());
    assertEquals(
        EventMatcher.Unknown.class, MATCHER.match("pyxlon").getClass(), "2 edits, 6 letters");
    assertTrue(EventWords.withinTwoEdits("monorama", "monitorama"));
    assertFalse(EventWords.withinTwoEdits("kubecan", "kubecon2"), "two edits in a short word");
    assertFalse(EventWords.withinTwoEdits("kubecon", "kubecon"), "the word itself is no typo");
  }

  @Test
  void ambiguousNamesGetADidYouMeanList() {
    assertEquals(
        new EventMatcher.Ambiguous("kubecon", List.of(EU17, NA18)), MATCHER.match("kubecon"));
    assertEquals(
        new EventMatcher.Ambiguous("2017", List.of(DOCKER, EU17, LOOP)), MATCHER.match("2017"));
    assertEquals(
        new EventMatcher.Ambiguous("eu 2017", List.of(DOCKER, EU17)), MATCHER.match("eu 2017"));
    assertEquals(
        "\"kubecon\" matches more than one event. Did you mean: " + EU17 + "; " + NA18 + "?",
        EventMatcher.message(MATCHER.match("kubecon")));
  }

  @Test
  void aContradictingYearRulesAnEventOut() {
    // the name fits editions of other years: they are offered
    assertEquals(
        new EventMatcher.Ambiguous("kubecon 2019", List.of(EU17, NA18), true),
        MATCHER.match("kubecon 2019"));
    assertEquals(
        "I have no report from \"kubecon 2019\"; the library has " + EU17 + "; " + NA18 + ".",
        EventMatcher.message(MATCHER.match("kubecon 2019")));
    assertEquals(new EventMatcher.Found(EU17), MATCHER.match("kubecon 2017"));
    // a year beside another event's name never picks the event of that year
    assertEquals(
        new EventMatcher.Ambiguous("strangeloop 2023", List.of(LOOP), true),
        MATCHER.match("strangeloop 2023"));
  }

  @Test
  void unknownNamesListTheKnownEvents() {
    EventMatcher.Match m = MATCHER.match("Devoxx Antwerp");
    assertEquals(
        new EventMatcher.Unknown(
            "Devoxx Antwerp", List.of(AWS, DOCKER, WG21, EU17, NA18, PYCON, LOOP)),
        m);
    assertEquals(
        "I don't know an event called \"Devoxx Antwerp\". Known events: "
            + String.join("; ", AWS, DOCKER, WG21, EU17, NA18, PYCON, LOOP)
            + ".",
        EventMatcher.message(m));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "🙂🎉",
        "*:*",
        "title:(a OR b) AND NOT c~2^3",
        "\" ' ; -- DROP TABLE events;",
        "<!channel> <@U123>",
        "\u0000\u202e\u200b",
        "?",
        "\\\\",
        "../../etc/passwd"
      })
  void hostileNamesNeverThrowAndMatchNothing(String query) {
    EventMatcher.Match m = MATCHER.match(query);
    assertInstanceOf(EventMatcher.Unknown.class, m, query + " -> " + m);
    String msg = EventMatcher.message(m);
    assertTrue(msg.length() < 1000, msg);
    assertTrue(msg.contains(EU17), msg);
  }

  @Test
  void aTenThousandCharacterNameIsCutInTheMessage() {
    String huge = "x".repeat(10_000);
    EventMatcher.Match m = MATCHER.match(huge);
    assertInstanceOf(EventMatcher.Unknown.class, m);
    assertEquals(80, ((EventMatcher.Unknown) m).query().length());
    EventMatcher.Match kube = MATCHER.match("kubecon berlin " + "blah ".repeat(2_000));
    assertEquals(new EventMatcher.Found(EU17), kube);
  }

  @Test
  void noEventsIndexedSaysSo() {
    EventMatcher empty = new EventMatcher(List.of());
    assertEquals(
        "I don't know an event called \"kubecon\". No reports with an event are indexed yet.",
        EventMatcher.message(empty.match("kubecon")));
  }
}
