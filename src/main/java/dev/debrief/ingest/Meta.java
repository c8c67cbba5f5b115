package dev.debrief.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metadata candidates gathered while parsing, and the normalizers for their values. */
final class Meta {
  String title = "";
  String event = "";
  String date = "";
  String author = "";
  String url = "";
  final Set<String> tags = new LinkedHashSet<>();
  final Set<String> channels = new LinkedHashSet<>();

  private static final Pattern ISO =
      Pattern.compile("^(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?(?:$|[T\\s])");
  private static final Pattern SLASHED = Pattern.compile("^(\\d{4})/(\\d{1,2})/(\\d{1,2})$");
  private static final List<DateTimeFormatter> TEXT_DATES =
      List.of(
          DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("EEE, d MMM uuuu", Locale.ENGLISH));

  /** Reads the keys Debrief knows from a front-matter mapping; unknown keys are ignored. */
  static Meta fromFrontMatter(Map<String, Object> fm) {
    Meta m = new Meta();
    m.title = scalar(fm.get("title"));
    m.event = scalar(fm.get("event"));
    m.date = normalizeDate(scalar(fm.get("date")));
    m.author = person(fm.get("author"));
    if (m.author.isEmpty()) {
      m.author = person(fm.get("authors"));
    }
    for (String key : List.of("url", "canonical_url", "permalink", "source_url")) {
      String u = scalar(fm.get(key));
      if (isAbsoluteUrl(u)) {
        m.url = u;
        break;
      }
    }
    m.tags.addAll(list(fm.get("tags")));
    m.channels.addAll(list(fm.get("channels")));
    return m;
  }

  /** Fills every blank field of this from {@code other}. */
  void fillFrom(Meta other) {
    if (title.isBlank()) title = other.title;
    if (event.isBlank()) event = other.event;
    if (date.isBlank()) date = other.date;
    if (author.isBlank()) author = other.author;
    if (url.isBlank()) url = other.url;
    if (tags.isEmpty()) tags.addAll(other.tags);
    if (channels.isEmpty()) channels.addAll(other.channels);
  }

  static boolean isAbsoluteUrl(String s) {
    return s != null && (s.startsWith("http://") || s.startsWith("https://")) && !s.contains(" ");
  }

  /** A scalar as a one-line trimmed string; lists and maps give "". */
  static String scalar(Object v) {
    if (v == null || v instanceof Map || v instanceof Collection) {
      return "";
    }
    return DocBuilder.oneLine(String.valueOf(v));
  }

  /**
   * An author: a string, a list of strings/maps (joined with ", "), or a map with a {@code name}.
   */
  static String person(Object v) {
    if (v instanceof Map<?, ?> map) {
      return scalar(map.get("name"));
    }
    if (v instanceof Collection<?> c) {
      List<String> names = new ArrayList<>();
      for (Object o : c) {
        String n = person(o);
        if (!n.isEmpty()) names.add(n);
      }
      return String.join(", ", names);
    }
    return scalar(v);
  }

  /**
   * Tags or channels: a YAML list, or a string split at commas (and, without commas, at spaces).
   */
  static List<String> list(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      for (Object o : c) {
        String s = scalar(o);
        if (!s.isEmpty()) out.add(s);
      }
    } else {
      String s = scalar(v);
      if (!s.isEmpty()) {
        for (String part : s.split(s.contains(",") ? "," : "\\s+")) {
          if (!part.isBlank()) out.add(part.strip());
        }
      }
    }
    return out;
  }

  /**
   * A date as ISO-8601 {@code yyyy-MM-dd}, or {@code yyyy-MM} when only the month is known; "" when
   * the value is not a recognizable date. Accepts ISO dates and date-times (the local date is
   * kept), "2025-06", "2017/10/17" and English forms such as "March 30, 2017".
   */
  static String normalizeDate(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return "";
    }
    Matcher m = ISO.matcher(s);
    if (!m.find()) {
      m = SLASHED.matcher(s);
      if (!m.find()) {
        for (DateTimeFormatter f : TEXT_DATES) {
          try {
            return LocalDate.parse(s, f).toString();
          } catch (DateTimeParseException e) {
            // try the next form
          }
        }
        return "";
      }
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      if (m.group(3) == null) {
        return YearMonth.of(year, month).toString();
      }
      return LocalDate.of(year, month, Integer.parseInt(m.group(3))).toString();
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return "";
    }
  }

  /**
   * A title from a file name: no directory, no extension, '-' and '_' as spaces, a leading ordinal
   * such as {@code "02-"} dropped, first letter upper-cased ("02-kubecon-na-2018.md" gives "Kubecon
   * na 2018").
   */
  static String titleFromFileName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    name = name.replaceAll("[-_]+", " ").strip();
    String withoutOrdinal = name.replaceFirst("^\\d{1,3}\\s+(?=\\S)", "");
    if (!withoutOrdinal.isBlank()) {
      name = withoutOrdinal;
    }
    if (name.isBlank()) {
      return "Untitled report";
    }
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
