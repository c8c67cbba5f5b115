package dev.debrief.text;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words and number shapes event names are read with, shared by the question reader ({@code
 * answer}) and the brief's event matcher ({@code digest}): words that appear in report titles and
 * event names without naming an event, the region words of editions, and the year pattern.
 */
public final class EventNameWords {
  private EventNameWords() {}

  /**
   * Words of titles, file names and questions that name no event: event-type words ("conference",
   * "summit"), report words ("notes", "recap", "trip") and function words.
   */
  public static final Set<String> NOT_A_NAME =
      Set.of(
          "event",
          "events",
          "conference",
          "conf",
          "summit",
          "recap",
          "report",
          "reports",
          "notes",
          "trip",
          "day",
          "the",
          "of",
          "and",
          "in",
          "at",
          "on",
          "for",
          "a",
          "an",
          "my",
          "personal",
          "via",
          "watched",
          "recordings",
          "blog");

  /** Region words of event names ("KubeCon EU", "PyCon US"). */
  public static final Set<String> REGIONS =
      Set.of(
          "eu",
          "europe",
          "emea",
          "na",
          "north",
          "south",
          "america",
          "us",
          "usa",
          "asia",
          "apac",
          "latam",
          "uk",
          "india",
          "africa",
          "australia",
          "anz");

  /** A four-digit year from 1980 to 2049: the years an event report can be about. */
  public static final Pattern YEAR = Pattern.compile("(19[89]\\d|20[0-4]\\d)");
}
