package dev.debrief.digest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day and time zones as subscribers type them, for {@link DigestSubscriptions}: {@code 9},
 * {@code 09:30}, {@code 9am}, {@code 5:15pm}; IANA zone ids, UTC when blank or unknown.
 */
final class TimesOfDay {
  private TimesOfDay() {}

  private static final Pattern TIME =
      Pattern.compile("^(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?$", Pattern.CASE_INSENSITIVE);
  private static final ZoneId UTC = ZoneId.of("UTC");

  /**
   * A time of day: {@code 9}, {@code 09:30}, {@code 9am}, {@code 5:15pm}.
   *
   * @throws IllegalArgumentException when {@code text} is not one
   */
  static LocalTime parse(String text) {
    Matcher m = TIME.matcher(text == null ? "" : text.strip());
    if (m.matches()) {
      int h = Integer.parseInt(m.group(1));
      int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (m.group(3) != null) {
        if (h < 1 || h > 12) {
          h = -1;
        } else {
          h = h % 12 + (m.group(3).equalsIgnoreCase("pm") ? 12 : 0);
        }
      }
      if (h >= 0 && h <= 23 && min <= 59) {
        return LocalTime.of(h, min);
      }
    }
    throw new IllegalArgumentException(
        "a time of day looks like 09:00, 17:30 or 9am, got \""
            + Text.shorten(text == null ? "" : text.strip(), 20)
            + "\"");
  }

  /** True when {@code text} is a time of day. */
  static boolean isTime(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The zone for an IANA id; UTC when blank or unknown. */
  static ZoneId zoneOrUtc(String id) {
    if (id == null || id.isBlank()) {
      return UTC;
    }
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      return UTC;
    }
  }
}
