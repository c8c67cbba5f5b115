package dev.debrief.text;

import java.util.Set;

/**
 * Words about attending a conference or travelling to it rather than about its subject: {@link
 * Chatter} does not count the first list as content words, and counts the second as logistics.
 */
final class AttendanceWords {
  private AttendanceWords() {}

  /** Words about attending a conference rather than about its subject. */
  static final Set<String> CONFERENCE =
      Set.of(
          "talk",
          "talks",
          "session",
          "sessions",
          "speaker",
          "speakers",
          "presentation",
          "presentations",
          "preso",
          "keynote",
          "keynotes",
          "conference",
          "conferences",
          "event",
          "events",
          "day",
          "days",
          "room",
          "rooms",
          "stage",
          "slides",
          "demo",
          "demos",
          "audience",
          "people",
          "content",
          "year",
          "years",
          "workshop",
          "workshops",
          "track",
          "hall",
          "attendees",
          "attendee",
          "venue",
          "crowd",
          "everyone",
          "everybody",
          "folks",
          "things",
          "thing",
          "stuff",
          "one",
          "ones",
          "way",
          "part",
          "today",
          "tomorrow",
          "yesterday",
          "morning",
          "afternoon",
          "evening",
          "night",
          "week",
          "minutes",
          "hours",
          "trip");

  /**
   * Travel and venue words that, with verdicts, make a remark about the trip rather than the event.
   */
  static final Set<String> TRAVEL =
      Set.of(
          "train",
          "trains",
          "airport",
          "station",
          "queue",
          "line",
          "lines",
          "walk",
          "ride",
          "traffic",
          "weather",
          "rain",
          "food",
          "meal",
          "meals",
          "booth",
          "booths",
          "sponsor",
          "sponsors",
          "expo",
          "hall",
          "chairs",
          "chair",
          "seats",
          "coffee",
          "tea",
          "snacks",
          "lunch",
          "breakfast",
          "dinner");
}
