package dev.debrief.answer;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words and number shapes {@link EventCatalog} reads event names and questions with: words that
 * name no event, region words, and the patterns of years and edition numbers.
 */
final class EventWords {
  private EventWords() {}

  /** Words that name no event: event-type words, report words, regions and filler. */
  static final Set<String> GENERIC =
      Set.of(
          "event",
          "events",
          "conference",
          "conferences",
          "conf",
          "summit",
          "meeting",
          "meetup",
          "workshop",
          "day",
          "days",
          "first",
          "second",
          "third",
          "fourth",
          "final",
          "last",
          "notes",
          "note",
          "report",
          "reports",
          "recap",
          "trip",
          "review",
          "thoughts",
          "retrospective",
          "online",
          "virtual",
          "live",
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
          "our",
          "personal",
          "via",
          "watched",
          "recordings",
          "recording",
          "blog",
          "post",
          "edition",
          "annual",
          "europe",
          "european",
          "eu",
          "emea",
          "north",
          "south",
          "america",
          "americas",
          "na",
          "us",
          "usa",
          "asia",
          "apac",
          "international",
          "global",
          "world",
          "part",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "st",
          "to",
          "with",
          "from",
          "by",
          "about",
          "people",
          "talk",
          "talks",
          "session",
          "sessions",
          "keynote",
          "keynotes",
          "speaker",
          "speakers",
          "author",
          "authors",
          "always",
          "community",
          "experience",
          "what",
          "who",
          "how",
          "which",
          "did",
          "say",
          "said",
          "new",
          "best");

  /** Region words of event names ("KubeCon EU", "PyCon US"). */
  static final Set<String> REGIONS =
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

  /** A four-digit year from 1980 to 2049. */
  static final Pattern YEAR = Pattern.compile("(19[89]\\d|20[0-4]\\d)");

  /** A two-digit year after an apostrophe ("'23", "’23"). */
  static final Pattern SHORT_YEAR = Pattern.compile("['’](\\d\\d)");

  /** An edition number: one to three digits ("DEF CON 30"). */
  static final Pattern EDITION = Pattern.compile("\\d{1,3}");
}
