package dev.debrief.digest;

import dev.debrief.cite.CitationLinks;
import dev.debrief.embed.Embedder;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.text.PersonNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A brief over all reports of one event, offline: what the authors concluded, the sessions as the
 * reports name them, then themes. This class resolves the event and prepares the parts; each step
 * is its own class — statements and whether they stand on their own ({@link Candidates}), the
 * authors' conclusion sections ({@link Conclusions}), sessions and speakers ({@link
 * SessionExtractor}, {@link Speakers}), clustering ({@link ThemeClusterer}), naming ({@link
 * ThemeNamer}), writing ({@link BriefWriter}) — and with an LLM ({@link LlmBrief}) the lead and
 * theme texts are rewritten map-reduce style from the same clusters, with verified citations.
 * Thread-safe.
 */
public final class EventSummarizer {
  /** The provider recorded on briefs written here. */
  private static final String EXTRACTIVE = AnswerProvider.EXTRACTIVE.id();

  /**
   * Longest statement considered, in words (longer ones are paragraphs the sentence splitter could
   * not cut).
   */
  static final int MAX_CANDIDATE_WORDS = 70;

  /**
   * Every weight of the brief, one record per step; {@link #DEFAULT} is what the measurements
   * chose.
   */
  record Tuning(
      SessionExtractor.Weights sessions,
      ThemeClusterer.Weights clustering,
      ThemeNamer.Weights naming,
      SentencePicker.Weights picking,
      SessionNotes.Weights notes,
      BriefWriter.Weights writing) {
    static final Tuning DEFAULT =
        new Tuning(
            SessionExtractor.Weights.DEFAULT,
            ThemeClusterer.Weights.DEFAULT,
            ThemeNamer.Weights.DEFAULT,
            SentencePicker.Weights.DEFAULT,
            SessionNotes.Weights.DEFAULT,
            BriefWriter.Weights.DEFAULT);
  }

  private final ReportCatalog catalog;
  private final Sources sources;
  private final LlmBrief llm;
  private final SessionExtractor sessions;
  private final ThemeClusterer clusterer;
  private final ThemeNamer namer;
  private final BriefWriter writer;

  /**
   * @param catalog what is indexed
   * @param embedder embeds candidate sentences (and passages when the catalog stores no vectors)
   * @param links citation links
   * @param llm the LLM writer, or null for extractive only
   */
  public EventSummarizer(
      ReportCatalog catalog, Embedder embedder, CitationLinks links, LlmBrief llm) {
    this(catalog, embedder, links, llm, Tuning.DEFAULT);
  }

  /** With other weights, for measurements ({@code BriefBench}). */
  EventSummarizer(
      ReportCatalog catalog, Embedder embedder, CitationLinks links, LlmBrief llm, Tuning tuning) {
    this.catalog = catalog;
    this.sources = new Sources(catalog, embedder, links);
    this.llm = llm;
    this.sessions = new SessionExtractor(tuning.sessions());
    this.clusterer = new ThemeClusterer(tuning.clustering());
    this.namer = new ThemeNamer(tuning.naming());
    this.writer =
        new BriefWriter(
            sources,
            new SentencePicker(sources, tuning.picking()),
            new SessionNotes(tuning.notes()),
            tuning.writing());
  }

  /**
   * A matcher over the events currently indexed (visible to {@code allowedChannels} when non-null).
   */
  public EventMatcher matcher(List<String> allowedChannels) {
    return new EventMatcher(visible(catalog.list(), allowedChannels));
  }

  /** The outcome of {@link #summarize(String, List)}: a brief, or why there is none. */
  public record Outcome(EventMatcher.Match match, Optional<EventSummary> summary) {
    /** The did-you-mean or unknown-event message, or "" when a brief was made. */
    public String message() {
      return summary.isPresent() ? "" : EventMatcher.message(match);
    }
  }

  /** Resolves {@code eventQuery} loosely and summarises the event it names. */
  public Outcome summarize(String eventQuery, List<String> allowedChannels) {
    EventMatcher.Match m = matcher(allowedChannels).match(eventQuery);
    if (m instanceof EventMatcher.Found f) {
      return new Outcome(m, Optional.of(summarizeEvent(f.event(), allowedChannels)));
    }
    return new Outcome(m, Optional.empty());
  }

  static List<ReportInfo> visible(List<ReportInfo> all, List<String> allowedChannels) {
    if (allowedChannels == null) {
      return all;
    }
    return all.stream()
        .filter(
            r ->
                r.meta().channels().isEmpty()
                    || r.meta().channels().stream().anyMatch(allowedChannels::contains))
        .toList();
  }

  /** The brief of one event, named exactly as its reports name it. */
  public EventSummary summarizeEvent(String event, List<String> allowedChannels) {
    String key = EventMatcher.key(event);
    List<Report> reports = new ArrayList<>();
    for (ReportInfo info : visible(catalog.list(), allowedChannels)) {
      if (EventMatcher.key(info.meta().event()).equals(key)) {
        catalog.findReport(info.id()).ifPresent(reports::add);
      }
    }
    reports.sort(Comparator.comparing((Report r) -> r.meta().date()).thenComparing(Report::id));
    Map<String, List<Sources.Item>> items = new LinkedHashMap<>();
    Map<String, PersonNames> people = new HashMap<>();
    Map<String, List<Candidates.Candidate>> candidates = new HashMap<>();
    Map<String, List<SessionExtractor.Found>> found = new HashMap<>();
    List<Sources.Item> all = new ArrayList<>();
    for (Report r : reports) {
      List<Sources.Item> its = sources.items(r);
      PersonNames p = PersonNames.in(r.text());
      items.put(r.id(), its);
      people.put(r.id(), p);
      found.put(r.id(), sessions.find(r, p));
      for (Sources.Item it : its) {
        candidates.put(it.passage().id(), Candidates.of(it, p, MAX_CANDIDATE_WORDS));
      }
      all.addAll(its);
    }
    List<String> authors =
        reports.stream()
            .map(r -> r.meta().author().strip())
            .filter(a -> !a.isEmpty())
            .distinct()
            .toList();
    int sectionsTotal = reports.stream().mapToInt(r -> r.sections().size()).sum();
    if (all.isEmpty()) {
      return new EventSummary(
          event,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          new EventSummary.Coverage(reports.size(), authors, 0, sectionsTotal, 0),
          List.of(),
          EXTRACTIVE,
          "",
          false);
    }
    List<ThemeClusterer.Cluster> clusters = clusterer.cluster(all);
    List<SessionExtractor.Found> allSessions =
        found.values().stream().flatMap(List::stream).toList();
    List<String> names =
        namer.name(
            clusters,
            allSessions,
            event + " " + String.join(" ", reports.stream().map(r -> r.meta().title()).toList()));
    BriefWriter.Event e =
        new BriefWriter.Event(event, reports, items, people, candidates, found, clusters, names);
    BriefWriter.Written written = writer.write(e, sectionsTotal, authors);
    EventSummary brief = written.brief();
    if (llm != null) {
      List<List<Sources.Item>> groups = new ArrayList<>();
      for (int i : written.themeClusters()) {
        groups.add(clusters.get(i).central());
      }
      List<Sources.Item> conclusions = new ArrayList<>();
      for (Report r : reports) {
        var sections = Conclusions.sections(r);
        items.get(r.id()).stream()
            .filter(it -> sections.contains(it.passage().sectionOrdinal()))
            .forEach(conclusions::add);
      }
      return llm.rewrite(brief, groups, conclusions, sources);
    }
    return brief;
  }
}
