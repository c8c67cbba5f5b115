package dev.debrief.digest;

import dev.debrief.cite.CitationLinks;
import dev.debrief.embed.Embedder;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is new in a time window: the reports whose current version was indexed in {@code [from, to)}
 * (by {@link ReportInfo#ingestedAt()}), grouped by event, each with 2–3 cited sentences on what it
 * is about, up to three takeaways and the sessions it names ({@link ReportSummarizer}); and a
 * coverage line that also names the files an ingest in the window could not parse (from the {@link
 * IngestLog}). Windows are half-open, so consecutive windows {@code [a, b)} and {@code [b, c)}
 * never share nor miss a report. Thread-safe.
 */
public final class DigestService {
  private static final Pattern SINCE =
      Pattern.compile("(?i)^\\s*(\\d{1,4})\\s*(m|min|h|hours?|d|days?|w|weeks?)\\s*$");

  private final ReportCatalog catalog;
  private final Sources sources;
  private final ReportSummarizer summarizer;
  private final IngestLog log;
  private final Clock clock;

  /**
   * @param catalog what is indexed
   * @param embedder embeds candidate sentences (and passages when the catalog stores no vectors)
   * @param links citation links
   * @param log the ingest log, or null for none
   * @param clock "now"
   */
  public DigestService(
      ReportCatalog catalog, Embedder embedder, CitationLinks links, IngestLog log, Clock clock) {
    this.catalog = catalog;
    this.sources = new Sources(catalog, embedder, links);
    this.summarizer =
        new ReportSummarizer(
            sources,
            new SentencePicker(sources, SentencePicker.Weights.DEFAULT),
            new SessionExtractor(SessionExtractor.Weights.DEFAULT),
            ReportSummarizer.Weights.DEFAULT);
    this.log = log;
    this.clock = clock;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * The start of a window ending now: {@code 24h}, {@code 90m}, {@code 7d}, {@code 2w}, or a date
   * {@code yyyy-MM-dd} (midnight in {@code zone}).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Instant parseSince(String since, Clock clock, ZoneId zone) {
    String s = since == null ? "" : since.strip();
    Matcher m = SINCE.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      Duration d =
          unit.startsWith("m")
              ? Duration.ofMinutes(n)
              : unit.startsWith("h")
                  ? Duration.ofHours(n)
                  : unit.startsWith("d") ? Duration.ofDays(n) : Duration.ofDays(7 * n);
      return clock.instant().minus(d);
    }
    try {
      return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--since takes 24h, 7d, 90m, 2w or a date yyyy-MM-dd, got \""
              + Text.shorten(s, 40)
              + "\"");
    }
  }

  /**
   * True when {@code arg} is a window such as {@code 24h}, {@code 7d} or a date, not an event name.
   */
  public static boolean isWindow(String arg) {
    String s = arg == null ? "" : arg.strip();
    return SINCE.matcher(s).matches() || s.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  /**
   * The digest of {@code [from, to)}.
   *
   * @param event keep only this event (exact name, case-insensitive), or "" / null for all
   * @param allowedChannels when non-null, leave out reports restricted to other channels (Slack)
   */
  public Digest digest(Instant from, Instant to, String event, List<String> allowedChannels) {
    String ev = event == null ? "" : event.strip();
    List<ReportInfo> fresh = new ArrayList<>();
    for (ReportInfo r : catalog.list()) {
      if (r.ingestedAt() < from.toEpochMilli() || r.ingestedAt() >= to.toEpochMilli()) {
        continue;
      }
      if (!ev.isEmpty() && !EventMatcher.key(r.meta().event()).equals(EventMatcher.key(ev))) {
        continue;
      }
      if (allowedChannels != null
          && !r.meta().channels().isEmpty()
          && r.meta().channels().stream().noneMatch(allowedChannels::contains)) {
        continue;
      }
      fresh.add(r);
    }
    fresh.sort(
        Comparator.comparingLong(ReportInfo::ingestedAt).reversed().thenComparing(ReportInfo::id));
    Map<String, List<Digest.ReportDigest>> groups = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    int sections = 0;
    for (ReportInfo info : fresh) {
      Optional<Report> report = catalog.findReport(info.id());
      if (report.isEmpty()) {
        continue; // removed between list() and now
      }
      String key = EventMatcher.key(info.meta().event());
      names.putIfAbsent(key, info.meta().event().strip());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(summarize(report.get(), info));
      sections += info.sections();
    }
    List<Digest.EventGroup> events = new ArrayList<>();
    groups.forEach((k, reports) -> events.add(new Digest.EventGroup(names.get(k), reports)));
    List<String> failed = new ArrayList<>();
    if (log != null) {
      for (IngestLog.Failure f : log.failuresBetween(from, to)) {
        failed.add(fileName(f.input()));
      }
    }
    int reports = events.stream().mapToInt(g -> g.reports().size()).sum();
    return new Digest(from, to, ev, events, new Digest.Coverage(reports, sections, failed));
  }

  /** One report's summary, takeaways and sessions. */
  Digest.ReportDigest summarize(Report report, ReportInfo info) {
    List<Sources.Item> items = sources.items(report);
    Sources.Numbering numbering = sources.numbering();
    ReportSummarizer.Summary s = summarizer.summarize(report, items, numbering);
    String summary = s.summary();
    if (summary.isEmpty()) {
      summary = "(no summary: no sentence of the report reads on its own)";
    }
    return new Digest.ReportDigest(
        report.id(),
        report.meta().title(),
        report.meta().author(),
        report.meta().date(),
        sources.reportUrl(report),
        Instant.ofEpochMilli(info.ingestedAt()),
        info.sections(),
        summary,
        s.takeaways(),
        s.sessions(),
        s.more(),
        numbering.citations());
  }

  /** The last path segment of a file path or URL. */
  static String fileName(String input) {
    String s = input.replaceAll("[/\\\\]+$", "");
    try {
      if (!s.matches("(?i)https?://.*")) {
        Path p = Path.of(s).getFileName();
        return p == null ? s : p.toString();
      }
    } catch (RuntimeException e) {
      // not a path on this system
    }
    int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
  }
}
