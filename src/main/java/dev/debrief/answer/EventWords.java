package dev.debrief.answer;

import dev.debrief.text.EventNameWords;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words and number shapes {@link EventCatalog} reads event names and questions with: words that
 * name no event, region words, and the patterns of years and edition numbers.
 */
final class EventWords {
  private EventWords() {}

  /**
   * Region and scope words that never name an event alone ("European", "global"): the regions of
   * event names ({@link EventNameWords#REGIONS}) and their adjectives and scopes.
   */
  private static final Set<String> REGION_WORDS =
      Stream.concat(
              EventNameWords.REGIONS.stream(),
              Stream.of("european", "americas", "international", "global", "world"))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Words a question or title wraps an event name in: ordinals, months, question and talk words.
   */
  private static final Set<String> QUESTION_WRAPPING =
      Set.of(
          "conferences",
          "meeting",
          "meetup",
          "workshop",
          "days",
          "first",
          "second",
          "third",
          "fourth",
          "final",
          "last",
          "note",
          "review",
          "thoughts",
          "retrospective",
          "online",
          "virtual",
          "live",
          "our",
          "recording",
          "post",
          "edition",
          "annual",
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

  /**
   * Words that name no event: {@link EventNameWords#NOT_A_NAME}, the region words and what else a
   * question wraps an event name in (ordinals, months, question words, talk words).
   */
  static final Set<String> GENERIC =
      Stream.of(EventNameWords.NOT_A_NAME, REGION_WORDS, QUESTION_WRAPPING)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  /** Region words of event names ("KubeCon EU", "PyCon US"). */
  static final Set<String> REGIONS = EventNameWords.REGIONS;

  /** A four-digit year from 1980 to 2049. */
  static final Pattern YEAR = EventNameWords.YEAR;

  /** An edition number: one to three digits ("DEF CON 30"). */
  static final Pattern EDITION = Pattern.compile("\\d{1,3}");
}
