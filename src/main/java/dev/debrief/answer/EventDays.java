package dev.debrief.answer;

import dev.debrief.model.ReportInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which day of a multi-day event a report covers, and which day a question asks about. A library
 * often holds one day's write-up of a conference ("DockerCon EU 2017, day 2"); asked about "the day
 * 3 keynote", quoting day 2's keynote answers a question the library cannot answer.
 */
final class EventDays {
  private EventDays() {}

  private static final Map<String, Integer> WORDS =
      Map.of(
          "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "first", 1, "second", 2, "third", 3,
          "fourth", 4, "fifth", 5);

  /** The most days a conference runs: a larger number after "day" is no day of it. */
  private static final int MAX_DAY = 7;

  /** "day 3", "day-3", "day3", "day three", "Day #2". */
  private static final Pattern DAY_THEN_NUMBER =
      Pattern.compile("(?i)\\bday[\\s_#-]*(\\d{1,2}|one|two|three|four|five)\\b");

  /** "third day", "3rd day", "2nd day". */
  private static final Pattern NUMBER_THEN_DAY =
      Pattern.compile("(?i)\\b(first|second|third|fourth|fifth|[1-7](?:st|nd|rd|th))\\s+day\\b");

  /**
   * The day {@code question} asks about ("what got announced in the day 3 keynote?" gives 3), or
   * empty when it names none.
   */
  static OptionalInt asked(String question) {
    return dayIn(question);
  }

  /**
   * The days {@code reports} (one event's) cover, from each report's title or file name; empty when
   * any of them names no day (it may cover them all).
   */
  static Set<Integer> covered(List<ReportInfo> reports) {
    Set<Integer> days = new LinkedHashSet<>();
    for (ReportInfo r : reports) {
      OptionalInt d = dayIn(r.meta().title());
      if (d.isEmpty() && r.source() != null) {
        String file = r.source().substring(r.source().replace('\\', '/').lastIndexOf('/') + 1);
        d = dayIn(file.replace('_', ' '));
      }
      if (d.isEmpty()) {
        return Set.of();
      }
      days.add(d.getAsInt());
    }
    return days;
  }

  /**
   * What to say when {@code question} asks about a day that none of {@code mention}'s events'
   * reports covers ("The reports I have from DockerCon EU 2017 cover day 2, not day 3."), or null
   * when it asks about no day, names no event, or a report may cover that day.
   */
  static String notCovered(String question, EventCatalog.Mention mention) {
    OptionalInt day = asked(question);
    if (day.isEmpty() || mention.events().isEmpty()) {
      return null;
    }
    Set<Integer> covered = new java.util.TreeSet<>();
    for (EventCatalog.Event e : mention.events()) {
      if (e.days().isEmpty() || e.days().contains(day.getAsInt())) {
        return null;
      }
      covered.addAll(e.days());
    }
    String names =
        String.join("; ", mention.events().stream().map(EventCatalog.Event::name).toList());
    String days = String.join(" and ", covered.stream().map(String::valueOf).toList());
    return "The reports I have from "
        + names
        + " cover day "
        + days
        + ", not day "
        + day.getAsInt()
        + ".";
  }

  private static OptionalInt dayIn(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    Matcher m = DAY_THEN_NUMBER.matcher(text);
    if (m.find()) {
      return number(m.group(1));
    }
    m = NUMBER_THEN_DAY.matcher(text);
    if (m.find()) {
      return number(m.group(1));
    }
    return OptionalInt.empty();
  }

  private static OptionalInt number(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    Integer n = WORDS.get(w);
    if (n == null) {
      n = Integer.parseInt(w.replaceAll("\\D", ""));
    }
    return n >= 1 && n <= MAX_DAY ? OptionalInt.of(n) : OptionalInt.empty();
  }
}
