package dev.debrief.answer;

import dev.debrief.embed.Vocabulary;
import dev.debrief.model.ReportInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the library holds, for question analysis: the reports' metadata by id and their {@link
 * EventCatalog}. Listing the reports reads every report's stored metadata, so the view is kept and
 * made again only when the index changes (its passage count moves) or {@link #MAX_AGE} has passed
 * (a report replaced by one of the same size). Thread-safe.
 */
public final class Library {
  /** Longest a view is kept while the passage count stays the same. */
  static final Duration MAX_AGE = Duration.ofSeconds(30);

  private record View(
      long version, Instant made, Map<String, ReportInfo> reports, EventCatalog events) {}

  private final Supplier<List<ReportInfo>> list;
  private final LongSupplier version;
  private final Vocabulary dictionary;
  private final Clock clock;
  private volatile View view;

  /**
   * @param list lists the indexed reports
   * @param version a number that changes when reports are added or removed (the passage count)
   * @param dictionary common words (event names made of them name an event only as a phrase)
   * @param clock for {@link #MAX_AGE}
   */
  public Library(
      Supplier<List<ReportInfo>> list, LongSupplier version, Vocabulary dictionary, Clock clock) {
    this.list = list;
    this.version = version;
    this.dictionary = dictionary;
    this.clock = clock;
  }

  /** The events of the library now. */
  public EventCatalog events() {
    return current().events();
  }

  /** A report's metadata by id. */
  public Optional<ReportInfo> report(String reportId) {
    return Optional.ofNullable(current().reports().get(reportId));
  }

  private View current() {
    long v = version.getAsLong();
    Instant now = clock.instant();
    View current = view;
    if (current != null && current.version() == v && now.isBefore(current.made().plus(MAX_AGE))) {
      return current;
    }
    synchronized (this) {
      current = view;
      if (current != null && current.version() == v && now.isBefore(current.made().plus(MAX_AGE))) {
        return current;
      }
      List<ReportInfo> reports = list.get();
      Map<String, ReportInfo> byId = new LinkedHashMap<>();
      reports.forEach(r -> byId.put(r.id(), r));
      view = new View(v, now, byId, EventCatalog.of(reports, dictionary));
      return view;
    }
  }
}
