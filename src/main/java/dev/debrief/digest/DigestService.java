package dev.debrief.digest;

import dev.debrief.embed.Embedder;
import dev.debrief.embed.Vectors;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.retrieve.CitationLinks;
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
 * What is new in a time window: the reports whose current version was indexed in {@code [from, to)} (by
 * {@link ReportInfo#ingestedAt()}), grouped by event, each with a 2–3 sentence extractive summary and up to
 * three takeaways, all cited; and a coverage line that also names the files an ingest in the window could not
 * parse (from the {@link IngestLog}).
 *
 * <p>The summary is centroid-based extractive summarization (Radev et al., "Centroid-based summarization of
 * multiple documents", Information Processing &amp; Management 2004) with MiniLM vectors: the report's centroid
 * is the mean of its passage vectors, candidate sentences come from the passages closest to it, and sentences
 * are chosen by maximal marginal relevance ({@link Mmr}, Carbonell &amp; Goldstein, SIGIR 1998) so the picks
 * do not repeat each other. Takeaways come from a section headed like "Takeaways", "Conclusion" or "Summary"
 * when the report has one, otherwise they are the next MMR picks. Windows are half-open, so consecutive
 * windows {@code [a, b)} and {@code [b, c)} never share nor miss a report. Thread-safe.
 */
public final class DigestService {
  private static final Pattern TAKEAWAY_HEADING = Pattern.compile(
      "(?i)\\b(take-?aways?|conclusions?|summary|lessons?( learned)?|tl;?dr|wrap[- ]?up|key points|highlights|recap)\\b");
  private static final Pattern SINCE = Pattern.compile("(?i)^\\s*(\\d{1,4})\\s*(m|min|h|hours?|d|days?|w|weeks?)\\s*$");
  private static final double LAMBDA = 0.7;
  private static final double NEAR_DUPLICATE = 0.92;

  private final ReportCatalog catalog;
  private final Sources sources;
  private final IngestLog log;
  private final Clock clock;

  /**
   * @param catalog  what is indexed
   * @param embedder embeds candidate sentences (and passages when the catalog stores no vectors)
   * @param links    citation links
   * @param log      the ingest log, or null for none
   * @param clock    "now"
   */
  public DigestService(ReportCatalog catalog, Embedder embedder, CitationLinks links, IngestLog log, Clock clock) {
    this.catalog = catalog;
    this.sources = new Sources(catalog, embedder, links);
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
      Duration d = unit.startsWith("m") ? Duration.ofMinutes(n) : unit.startsWith("h") ? Duration.ofHours(n)
          : unit.startsWith("d") ? Duration.ofDays(n) : Duration.ofDays(7 * n);
      return clock.instant().minus(d);
    }
    try {
      return LocalDate.parse(s).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--since takes 24h, 7d, 90m, 2w or a date yyyy-MM-dd, got \""
          + Text.shorten(s, 40) + "\"");
    }
  }

  /** True when {@code arg} is a window such as {@code 24h}, {@code 7d} or a date, not an event name. */
  public static boolean isWindow(String arg) {
    String s = arg == null ? "" : arg.strip();
    return SINCE.matcher(s).matches() || s.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  /**
   * The digest of {@code [from, to)}.
   *
   * @param event           keep only this event (exact name, case-insensitive), or "" / null for all
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
      if (allowedChannels != null && !r.meta().channels().isEmpty()
          && r.meta().channels().stream().noneMatch(allowedChannels::contains)) {
        continue;
      }
      fresh.add(r);
    }
    fresh.sort(Comparator.comparingLong(ReportInfo::ingestedAt).reversed().thenComparing(ReportInfo::id));
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

  /** One report's summary and takeaways. */
  Digest.ReportDigest summarize(Report report, ReportInfo info) {
    List<Sources.Item> items = sources.items(report);
    Sources.Numbering numbering = sources.numbering();
    String summary = "";
    List<String> takeaways = new ArrayList<>();
    if (!items.isEmpty()) {
      int dim = items.get(0).vector().length;
      float[] centroid = Mmr.centroid(items.stream().map(Sources.Item::vector).toList(), dim);
      // Passages closest to the report's centroid; a small bonus for the opening, where authors often summarise.
      List<Sources.Item> ranked = new ArrayList<>(items);
      Map<Sources.Item, Double> rel = new LinkedHashMap<>();
      for (Sources.Item it : items) {
        rel.put(it, Vectors.dot(it.vector(), centroid) + (it.passage().ordinal() < 2 ? 0.05 : 0));
      }
      ranked.sort(Comparator.comparingDouble((Sources.Item it) -> -rel.get(it)));
      List<Sources.Sentence> pool = new ArrayList<>();
      List<Sources.Sentence> takeawayPool = new ArrayList<>();
      java.util.Set<String> fromSummarySection = new java.util.HashSet<>();
      for (Sources.Item it : items) {
        if (TAKEAWAY_HEADING.matcher(String.join(" ", it.passage().headingPath().subList(
            Math.min(1, it.passage().headingPath().size()), it.passage().headingPath().size()))).find()) {
          takeawayPool.addAll(Sources.sentences(it, 4, 35));
          fromSummarySection.add(it.passage().id());
        }
      }
      for (Sources.Item it : ranked.subList(0, Math.min(6, ranked.size()))) {
        if (!fromSummarySection.contains(it.passage().id())) {
          pool.addAll(Sources.sentences(it, 6, 45));
        }
      }
      // Prose of the author's own summary section competes for the summary, with a small head start; its
      // bullets are kept for the takeaways.
      for (Sources.Sentence s : takeawayPool) {
        if (Text.wordCount(s.text()) >= 6 && !s.bullet()) {
          pool.add(s);
        }
      }
      List<Sources.Sentence> all = new ArrayList<>(pool);
      all.addAll(takeawayPool);
      List<float[]> vs = sources.embed(all); // takeaway sentences twice at most: cheap, keeps indices simple
      double[] relevance = new double[pool.size()];
      for (int i = 0; i < pool.size(); i++) {
        Sources.Sentence s = pool.get(i);
        relevance[i] = Vectors.dot(vs.get(i), centroid) + EventSummarizer.quality(s)
            + (fromSummarySection.contains(s.item().passage().id()) ? 0.06 : 0);
      }
      List<Integer> picks = Mmr.select(relevance, vs.subList(0, pool.size()), 6, LAMBDA, NEAR_DUPLICATE);
      int summaryCount = Math.min(picks.size(), 3);
      if (summaryCount == 3 && picks.subList(0, 3).stream().mapToInt(i -> Text.wordCount(pool.get(i).text())).sum() > 75) {
        summaryCount = 2;
      }
      List<Sources.Sentence> chosen = new ArrayList<>();
      for (int i : picks.subList(0, summaryCount)) {
        chosen.add(pool.get(i));
      }
      chosen.sort(Comparator.comparingInt((Sources.Sentence s) -> s.item().passage().ordinal())
          .thenComparingInt(Sources.Sentence::position));
      StringBuilder text = new StringBuilder();
      for (Sources.Sentence s : chosen) {
        int n = numbering.number(s.item(), s.text());
        text.append(text.length() == 0 ? "" : " ").append(Text.cite(s.text(), "[" + n + "]"));
      }
      summary = text.toString();
      List<Sources.Sentence> tk = new ArrayList<>();
      if (!takeawayPool.isEmpty()) {
        // The author's own takeaways, in their order, skipping near-duplicates of the summary.
        for (int j = 0; j < takeawayPool.size() && tk.size() < 3; j++) {
          Sources.Sentence s = takeawayPool.get(j);
          float[] v = vs.get(pool.size() + j);
          boolean dup = chosen.stream().anyMatch(c -> c.text().equals(s.text()) && c.item() == s.item());
          for (int i : picks.subList(0, summaryCount)) {
            dup |= Vectors.dot(v, vs.get(i)) > NEAR_DUPLICATE;
          }
          if (!dup) {
            tk.add(s);
          }
        }
      }
      for (int i : picks.subList(summaryCount, picks.size())) {
        if (tk.size() >= 3) {
          break;
        }
        if (Text.wordCount(pool.get(i).text()) <= 35) {
          tk.add(pool.get(i));
        }
      }
      for (Sources.Sentence s : tk) {
        takeaways.add(Text.cite(s.text(), "[" + numbering.number(s.item(), s.text()) + "]"));
      }
    }
    if (summary.isEmpty()) {
      summary = "(no summary: the report has no sentences to quote)";
    }
    return new Digest.ReportDigest(report.id(), report.meta().title(), report.meta().author(), report.meta().date(),
        sources.reportUrl(report), Instant.ofEpochMilli(info.ingestedAt()), info.sections(), summary, takeaways,
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
