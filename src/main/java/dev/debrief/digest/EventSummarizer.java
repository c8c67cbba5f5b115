package dev.debrief.digest;

import dev.debrief.embed.Embedder;
import dev.debrief.embed.Vectors;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Citation;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.Section;
import dev.debrief.retrieve.CitationLinks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A brief over all reports of one event, offline.
 *
 * <ol>
 *   <li>The event's passages (with their stored MiniLM vectors) are clustered by spherical k-means
 *       ({@link KMeans}), k = round(√(n/2)) clamped to 1..6 — the usual rule of thumb (Mardia, Kent &amp; Bibby,
 *       Multivariate Analysis, 1979).</li>
 *   <li>Per cluster, sentences of the passages closest to its centroid are embedded and picked by maximal
 *       marginal relevance to the centroid ({@link Mmr}, Carbonell &amp; Goldstein, SIGIR 1998): the first one
 *       or two make the theme's text, the next one feeds the executive summary, so the summary does not repeat
 *       the themes. Every other report with passages in the cluster is cited too.</li>
 *   <li>A theme is named from its top terms by TF-IDF with the event's clusters as documents (Salton &amp;
 *       Buckley, "Term-weighting approaches in automatic text retrieval", IP&amp;M 1988), headings counting
 *       double.</li>
 *   <li>Notable sessions are the longest sections; a speaker is read from headings such as "Name - Role" or
 *       "Title (Name)". Follow-ups are sentences with forward-looking cues ("roadmap", "check out", "next
 *       step"), then questions about the biggest themes.</li>
 * </ol>
 * With an LLM ({@link LlmBrief}), theme texts and the executive summary are rewritten map-reduce style from
 * the same clusters, with verified citations; any failure falls back to the extractive text. Thread-safe.
 */
public final class EventSummarizer {
  private static final int MAX_THEMES = 6;
  private static final int CANDIDATE_PASSAGES = 6;
  private static final double LAMBDA = 0.7;
  private static final double NEAR_DUPLICATE = 0.9;
  private static final Pattern FOLLOW_UP = Pattern.compile("(?i)\\b(next steps?|follow[- ]up|look(ing)? into|"
      + "worth (watching|reading|trying|a look|checking)|recommend\\w*|check (it )?out|try(ing)? out|plan(s|ning)? to|"
      + "road ?map|coming soon|will be (released|available|shipped)|to-?do|keep an eye|going forward|in the future)\\b");
  private static final Pattern GENERIC_HEADING = Pattern.compile("(?i)^(introduction|intro|conclusions?|(executive )?summary|"
      + "(executive )?overview|key takeaways|takeaways|wrap[- ]?up|final thoughts|closing thoughts|tl;?dr|notes|misc\\w*|other|day \\w+|"
      + "(mon|tues|wednes|thurs|fri|satur|sun)day|table of contents|contents|references|links|about( me)?|"
      + "say cheese!?|thanks|acknowledg\\w+|\\d{1,2}[:.]\\d{2}.*)$");
  private static final Pattern PERSON = Pattern.compile(
      "^(?:(?:Dr|Prof|Mr|Ms|Mrs)\\.?\\s+)?\\p{Lu}\\p{Ll}[\\p{L}'’\\-]*(?:\\s+(?:de|van|von|da|del|\\p{Lu}\\p{Ll}[\\p{L}'’\\-]*|\\p{Lu}\\.)){1,3}$");
  private static final Pattern SPEAKER_SPLIT = Pattern.compile("\\s+[-–—|]\\s+|:\\s+");
  private static final Pattern SPEAKER_PAREN = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)\\s*$");
  private static final Pattern BY = Pattern.compile("^(.+?)\\s+by\\s+(.+)$");

  private final ReportCatalog catalog;
  private final Sources sources;
  private final LlmBrief llm;

  /**
   * @param catalog  what is indexed
   * @param embedder embeds candidate sentences (and passages when the catalog stores no vectors)
   * @param links    citation links
   * @param llm      the LLM writer, or null for extractive only
   */
  public EventSummarizer(ReportCatalog catalog, Embedder embedder, CitationLinks links, LlmBrief llm) {
    this.catalog = catalog;
    this.sources = new Sources(catalog, embedder, links);
    this.llm = llm;
  }

  /** A matcher over the events currently indexed (visible to {@code allowedChannels} when non-null). */
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

  private static List<ReportInfo> visible(List<ReportInfo> all, List<String> allowedChannels) {
    if (allowedChannels == null) {
      return all;
    }
    return all.stream().filter(r -> r.meta().channels().isEmpty()
        || r.meta().channels().stream().anyMatch(allowedChannels::contains)).toList();
  }

  private record Pick(Sources.Sentence sentence, float[] vector, double relevance) {}

  private static final class Cluster {
    final List<Sources.Item> members = new ArrayList<>();
    float[] centroid;
    List<Pick> picks = List.of();
    String title = "";
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
    List<Sources.Item> items = new ArrayList<>();
    for (Report r : reports) {
      items.addAll(sources.items(r));
    }
    List<String> authors = reports.stream().map(r -> r.meta().author().strip()).filter(a -> !a.isEmpty())
        .distinct().toList();
    int sectionsTotal = reports.stream().mapToInt(r -> r.sections().size()).sum();
    if (items.isEmpty()) {
      return new EventSummary(event, "No passages of this event are indexed.", List.of(), List.of(), List.of(),
          new EventSummary.Coverage(reports.size(), authors, 0, sectionsTotal, 0), List.of(), "extractive", "",
          false);
    }
    int dim = items.get(0).vector().length;
    float[] eventCentroid = Mmr.centroid(items.stream().map(Sources.Item::vector).toList(), dim);
    List<Cluster> clusters = cluster(items);
    nameThemes(clusters, event + " " + String.join(" ", reports.stream().map(r -> r.meta().title()).toList()));
    for (Cluster c : clusters) {
      c.picks = pickSentences(c);
    }
    clusters.removeIf(c -> c.picks.isEmpty());

    // Executive summary: per theme (biggest first) the best pick not used by the theme text, then fill up.
    Map<Cluster, Integer> themeSentences = new HashMap<>();
    for (Cluster c : clusters) {
      int n = 1;
      if (c.picks.size() >= 2 && Text.wordCount(c.picks.get(0).sentence().text())
          + Text.wordCount(c.picks.get(1).sentence().text()) <= 60) {
        n = 2;
      }
      themeSentences.put(c, n);
    }
    List<Pick> exec = new ArrayList<>();
    for (Cluster c : clusters) {
      if (exec.size() == 5) {
        break;
      }
      int from = themeSentences.get(c);
      // a full, self-contained sentence first; a note fragment only when the theme has nothing better
      c.picks.stream().skip(from)
          .max(Comparator.comparingDouble(p -> Vectors.dot(p.vector(), eventCentroid) + quality(p.sentence())
              + (Text.wellFormed(p.sentence().text()) ? 0.3 : 0)))
          .ifPresent(exec::add);
    }
    if (exec.size() < 3) {
      for (Cluster c : clusters) {
        for (Pick p : c.picks.subList(0, themeSentences.get(c))) {
          if (exec.size() < 3 && !exec.contains(p)) {
            exec.add(p);
          }
        }
      }
    }
    int words = 0;
    List<Pick> execKept = new ArrayList<>();
    for (Pick p : exec) {
      int w = Text.wordCount(p.sentence().text());
      if (execKept.size() >= 3 && words + w > 130) {
        break;
      }
      execKept.add(p);
      words += w;
    }

    Sources.Numbering numbering = sources.numbering();
    StringBuilder summary = new StringBuilder();
    for (Pick p : execKept) {
      int n = numbering.number(p.sentence().item(), p.sentence().text());
      summary.append(summary.length() == 0 ? "" : " ").append(Text.cite(p.sentence().text(), "[" + n + "]"));
    }
    List<EventSummary.Theme> themes = new ArrayList<>();
    for (Cluster c : clusters) {
      Set<Integer> used = new LinkedHashSet<>();
      StringBuilder text = new StringBuilder();
      Set<String> citedReports = new HashSet<>();
      for (Pick p : c.picks.subList(0, themeSentences.get(c))) {
        int n = numbering.number(p.sentence().item(), p.sentence().text());
        used.add(n);
        citedReports.add(p.sentence().item().report().id());
        text.append(text.length() == 0 ? "" : " ").append(Text.cite(p.sentence().text(), "[" + n + "]"));
      }
      // Every other report with passages in this cluster supports the theme: cite its most central passage.
      List<String> also = new ArrayList<>();
      for (Report r : reports) {
        if (citedReports.contains(r.id())) {
          continue;
        }
        c.members.stream().filter(it -> it.report().id().equals(r.id()))
            .max(Comparator.comparingDouble(it -> Vectors.dot(it.vector(), c.centroid)))
            .ifPresent(it -> {
              int n = numbering.number(it, null);
              used.add(n);
              also.add("[" + n + "]");
            });
      }
      if (!also.isEmpty()) {
        text.append(" Also covered in ").append(String.join(", ", also)).append('.');
      }
      List<Citation> cited = used.stream().map(numbering::get).toList();
      List<String> reportIds = c.members.stream().map(it -> it.report().id()).distinct().toList();
      themes.add(new EventSummary.Theme(c.title, text.toString(), cited, c.members.size(), reportIds));
    }
    List<String> followUps = followUps(items, eventCentroid, clusters, numbering, event);
    List<EventSummary.Session> sessions = sessions(reports);
    List<Citation> citations = numbering.citations();
    int sectionsUsed = (int) citations.stream().map(c -> c.reportId() + "#" + c.section()).distinct().count();
    EventSummary.Coverage coverage = new EventSummary.Coverage(reports.size(), authors, sectionsUsed, sectionsTotal,
        items.size());
    EventSummary brief = new EventSummary(event, summary.toString(), themes, sessions, followUps, coverage, citations,
        "extractive", "", false);
    if (llm != null) {
      List<List<Sources.Item>> groups = new ArrayList<>();
      for (Cluster c : clusters) {
        List<Sources.Item> top = new ArrayList<>(c.members);
        top.sort(Comparator.comparingDouble((Sources.Item it) -> -Vectors.dot(it.vector(), c.centroid)));
        groups.add(top);
      }
      return llm.rewrite(brief, groups, sources);
    }
    return brief;
  }

  /** Clusters the passages; the biggest clusters (at most {@value #MAX_THEMES}) become themes. */
  private List<Cluster> cluster(List<Sources.Item> items) {
    int n = items.size();
    int k = (int) Math.max(1, Math.min(MAX_THEMES, Math.round(Math.sqrt(n / 2.0))));
    // Passage vectors were embedded with their report's title and headings, so passages of one report share a
    // large common component; clustering the centred vectors separates subjects instead of reports.
    int dim = items.get(0).vector().length;
    float[] mean = new float[dim];
    for (Sources.Item it : items) {
      for (int d = 0; d < dim; d++) {
        mean[d] += it.vector()[d] / n;
      }
    }
    List<float[]> centred = new ArrayList<>();
    for (Sources.Item it : items) {
      float[] v = new float[dim];
      for (int d = 0; d < dim; d++) {
        v[d] = it.vector()[d] - mean[d];
      }
      centred.add(Vectors.normalize(v));
    }
    KMeans.Result r = KMeans.cluster(centred, k, 30);
    List<Cluster> clusters = new ArrayList<>();
    for (int c = 0; c < r.centroids().size(); c++) {
      clusters.add(new Cluster());
    }
    for (int i = 0; i < n; i++) {
      clusters.get(r.assignment()[i]).members.add(items.get(i));
    }
    for (Cluster cl : clusters) {
      cl.centroid = Mmr.centroid(cl.members.stream().map(Sources.Item::vector).toList(), dim);
    }
    clusters.sort(Comparator.comparingInt((Cluster c) -> -c.members.size())
        .thenComparingInt(c -> c.members.get(0).passage().ordinal()));
    if (clusters.size() > 2) {
      clusters.removeIf(c -> c.members.size() < 2 && n > 6);
    }
    return clusters;
  }

  /** MMR picks (up to 4) among sentences of the passages closest to the cluster's centroid. */
  private List<Pick> pickSentences(Cluster c) {
    List<Sources.Item> top = new ArrayList<>(c.members);
    top.sort(Comparator.comparingDouble((Sources.Item it) -> -Vectors.dot(it.vector(), c.centroid)));
    List<Sources.Sentence> pool = new ArrayList<>();
    for (Sources.Item it : top.subList(0, Math.min(CANDIDATE_PASSAGES, top.size()))) {
      pool.addAll(Sources.sentences(it, 6, 45));
    }
    if (pool.isEmpty()) {
      for (Sources.Item it : top) {
        pool.addAll(Sources.sentences(it, 4, 60));
      }
    }
    if (pool.isEmpty()) {
      return List.of();
    }
    List<float[]> vs = sources.embed(pool);
    double[] rel = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      rel[i] = Vectors.dot(vs.get(i), c.centroid) + quality(pool.get(i));
    }
    List<Pick> picks = new ArrayList<>();
    for (int i : Mmr.select(rel, vs, 4, LAMBDA, NEAR_DUPLICATE)) {
      picks.add(new Pick(pool.get(i), vs.get(i), rel[i]));
    }
    return picks;
  }

  /**
   * A preference for full, self-contained sentences over note fragments, questions, chatter and sentences
   * opening with a pronoun whose referent is elsewhere ({@link Text#sentenceQuality}), on the scale of the
   * cosine relevance it is added to.
   */
  static double quality(Sources.Sentence s) {
    return 0.5 * Text.sentenceQuality(s.text()) - (s.bullet() ? 0.02 : 0);
  }

  /** Names each cluster from its top TF-IDF terms (clusters as documents), distinct across themes. */
  private static void nameThemes(List<Cluster> clusters, String names) {
    Set<String> eventWords = new HashSet<>(Text.topicWords(names));
    List<Map<String, Integer>> tfs = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    Map<String, Map<String, Integer>> surface = new HashMap<>();
    List<Map<String, Integer>> spreads = new ArrayList<>();
    for (Cluster c : clusters) {
      Map<String, Integer> tf = new HashMap<>();
      Map<String, Integer> spread = new HashMap<>();
      for (Sources.Item it : c.members) {
        count(it.passage().text(), 1, tf, surface);
        count(String.join(" ", it.passage().headingPath()), 2, tf, surface);
        for (String w : new HashSet<>(Text.topicWords(it.passage().text() + " "
            + String.join(" ", it.passage().headingPath())))) {
          spread.merge(w, 1, Integer::sum);
        }
      }
      tfs.add(tf);
      spreads.add(spread);
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
    }
    Set<String> usedWords = new HashSet<>();
    Set<String> usedHeadings = new HashSet<>();
    for (int i = 0; i < clusters.size(); i++) {
      Map<String, Integer> tf = tfs.get(i);
      int k = clusters.size();
      List<Map.Entry<String, Double>> scored = new ArrayList<>();
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        String w = e.getKey();
        if (e.getValue() < 2 || eventWords.contains(w) || w.length() < 3 || w.matches("\\d+")
            || !nounLike(w)) {
          continue;
        }
        // a theme's name should run through the cluster, not come from one passage
        if (clusters.get(i).members.size() >= 3 && spreads.get(i).getOrDefault(w, 0) < 2) {
          continue;
        }
        double idf = Math.log(1.0 + (double) k / df.get(w));
        // names and technical terms (mostly written with capitals, digits or symbols) make better theme names
        String form = surface.get(w).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
            .orElse(w);
        // capitals past the first letter (AWS, gRPC), digits or symbols; a capitalised word may just open a line
        double shape = form.chars().skip(1).anyMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch)
            || ch == '+' || ch == '#' || ch == ':') ? 1.3 : 1.0;
        scored.add(Map.entry(w, (1 + Math.log(e.getValue())) * idf * shape));
      }
      scored.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
          .thenComparing(Map.Entry.comparingByKey()));
      List<String> title = new ArrayList<>();
      for (Map.Entry<String, Double> e : scored) {
        if (title.size() == 3) {
          break;
        }
        String w = e.getKey();
        if (usedWords.contains(w) && title.isEmpty() && scored.size() > 3) {
          continue; // another theme already leads with it
        }
        if (title.stream().anyMatch(t -> t.startsWith(w) || w.startsWith(t))) {
          continue; // "container" and "containers"
        }
        title.add(w);
      }
      usedWords.addAll(title);
      List<String> shown = new ArrayList<>();
      for (String w : title) {
        shown.add(surface.get(w).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
            .orElse(w));
      }
      String heading = dominantHeading(clusters.get(i), usedHeadings, names);
      if (heading != null) {
        usedHeadings.add(heading.toLowerCase(Locale.ROOT));
        clusters.get(i).title = heading;
      } else {
        clusters.get(i).title = shown.isEmpty() ? "Theme " + (i + 1) : String.join(" · ", shown);
      }
    }
  }

  private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)|(first|second|third|fourth|fifth)");

  /** Nouns, names and technical terms, loosely: no ordinals, no -ing/-ed verb forms, no adverbs. */
  static boolean nounLike(String w) {
    String x = w.toLowerCase(Locale.ROOT);
    if (ORDINAL.matcher(x).matches()) {
      return false;
    }
    if (x.matches("[a-z]+") && (x.length() > 5 && x.endsWith("ing") || x.length() > 4 && x.endsWith("ed")
        || x.length() > 5 && x.endsWith("ly"))) {
      return false;
    }
    return true;
  }

  /**
   * The section heading under which at least half of the cluster's passages (and at least two) sit, when it is
   * a real subject (not the report's title, not "Summary" or a day) and no earlier theme took it.
   */
  private static String dominantHeading(Cluster c, Set<String> usedHeadings, String names) {
    Map<String, Integer> counts = new HashMap<>();
    for (Sources.Item it : c.members) {
      List<String> path = it.passage().headingPath();
      if (path.isEmpty()) {
        continue;
      }
      String h = path.get(path.size() - 1).replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").strip();
      if (h.isEmpty() || path.size() == 1 && names.toLowerCase(Locale.ROOT).contains(h.toLowerCase(Locale.ROOT))
          || GENERIC_HEADING.matcher(h).matches() || !h.codePoints().anyMatch(Character::isLetter)) {
        continue;
      }
      counts.merge(h, 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2 && e.getValue() * 2 >= c.members.size())
        .filter(e -> !usedHeadings.contains(e.getKey().toLowerCase(Locale.ROOT)))
        .max(Map.Entry.comparingByValue())
        .map(e -> Text.shorten(e.getKey(), 80)).orElse(null);
  }

  private static final Pattern SURFACE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#'’.\\-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");

  private static void count(String text, int weight, Map<String, Integer> tf, Map<String, Map<String, Integer>> surface) {
    Matcher m = SURFACE.matcher(text);
    Set<String> topic = new HashSet<>(Text.topicWords(text));
    while (m.find()) {
      String s = m.group();
      String w = s.toLowerCase(Locale.ROOT);
      if (!topic.contains(w)) {
        continue;
      }
      tf.merge(w, weight, Integer::sum);
      surface.computeIfAbsent(w, x -> new HashMap<>()).merge(s, 1, Integer::sum);
    }
  }

  /** Forward-looking sentences (cited), then questions about the biggest themes; at most 4. */
  private static List<String> followUps(List<Sources.Item> items, float[] centroid, List<Cluster> clusters,
                                        Sources.Numbering numbering, String event) {
    List<Sources.Sentence> cues = new ArrayList<>();
    Map<Sources.Sentence, Double> rel = new HashMap<>();
    for (Sources.Item it : items) {
      for (Sources.Sentence s : Sources.sentences(it, 6, 40)) {
        if (FOLLOW_UP.matcher(s.text()).find() && Text.wellFormed(s.text())) {
          cues.add(s);
          rel.put(s, Vectors.dot(it.vector(), centroid));
        }
      }
    }
    cues.sort(Comparator.comparingDouble((Sources.Sentence s) -> -rel.get(s)));
    List<String> out = new ArrayList<>();
    Set<String> seenPassages = new HashSet<>();
    for (Sources.Sentence s : cues) {
      if (out.size() == 2) {
        break;
      }
      if (seenPassages.add(s.item().passage().id())) {
        out.add(Text.cite(s.text(), "[" + numbering.number(s.item(), s.text()) + "]"));
      }
    }
    for (Cluster c : clusters) {
      if (out.size() >= 4) {
        break;
      }
      if (!c.title.startsWith("Theme ")) {
        String[] words = c.title.split(" · ");
        String topic = words.length > 1 ? words[0] + " and " + words[1] : "‘" + words[0] + "’";
        out.add("Ask Debrief: \"what did the " + shortName(event) + " reports say about " + topic + "?\"");
      }
    }
    return out;
  }

  /** The event name without its parenthetical notes: "Strange Loop 2017 (St. Louis)" to "Strange Loop 2017". */
  static String shortName(String event) {
    String s = event.replaceAll("\\s*\\([^)]*\\)", "").strip();
    return s.isEmpty() ? event : s;
  }

  /** The longest non-generic sections (at most 8), in report and document order, with speakers when named. */
  private List<EventSummary.Session> sessions(List<Report> reports) {
    record Candidate(Report report, Section section, int length, int order) {}
    List<Candidate> candidates = new ArrayList<>();
    int order = 0;
    for (Report r : reports) {
      for (Section s : r.sections()) {
        String h = s.heading().strip();
        if (s.level() == 0 || h.isEmpty() || h.equalsIgnoreCase(r.meta().title().strip())
            || GENERIC_HEADING.matcher(h).matches() || !h.codePoints().anyMatch(Character::isLetter)
            || h.matches(".*\\b\\d{1,2}:\\d{2}(:\\d{2})?\\b.*") // a timestamp of notes, not a session
            || h.length() > 160) {
          continue;
        }
        candidates.add(new Candidate(r, s, s.end() - s.start(), order++));
      }
    }
    List<Candidate> top = new ArrayList<>(candidates);
    top.sort(Comparator.comparingInt((Candidate c) -> -c.length()).thenComparingInt(Candidate::order));
    top = new ArrayList<>(top.subList(0, Math.min(8, top.size())));
    top.sort(Comparator.comparingInt(Candidate::order));
    List<EventSummary.Session> out = new ArrayList<>();
    for (Candidate c : top) {
      String[] ts = titleAndSpeaker(c.section().heading().strip());
      Report r = c.report();
      String passageId = r.passages().stream().filter(p -> p.sectionOrdinal() == c.section().ordinal())
          .map(Passage::id).findFirst().orElse("");
      Sources.Item item = null;
      String url;
      if (!passageId.isEmpty()) {
        Passage p = r.passages().stream().filter(x -> x.sectionOrdinal() == c.section().ordinal()).findFirst()
            .orElseThrow();
        item = new Sources.Item(r, p, null);
        url = sources.citation(1, item, c.section().heading()).url();
      } else {
        url = sources.reportUrl(r);
      }
      out.add(new EventSummary.Session(ts[0], ts[1], r.id(), c.section().pathLabel(), url));
    }
    return out;
  }

  /** Splits "Peter DeSantis - SVP AWS", "Keynote: Jane Doe", "Title (Jane Doe)", "Title by Jane Doe". */
  static String[] titleAndSpeaker(String heading) {
    String h = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").strip();
    String[] parts = SPEAKER_SPLIT.split(h, 2);
    if (parts.length == 2) {
      String a = parts[0].strip();
      String b = parts[1].strip();
      if (PERSON.matcher(a).matches() && !PERSON.matcher(b).matches()) {
        return new String[] {h, a};
      }
      if (PERSON.matcher(b).matches() && !PERSON.matcher(a).matches()) {
        return new String[] {a, b};
      }
    }
    Matcher m = SPEAKER_PAREN.matcher(h);
    if (m.matches() && PERSON.matcher(m.group(2).strip()).matches()) {
      return new String[] {m.group(1).strip(), m.group(2).strip()};
    }
    m = BY.matcher(h);
    if (m.matches() && PERSON.matcher(m.group(2).strip()).matches()) {
      return new String[] {m.group(1).strip(), m.group(2).strip()};
    }
    return new String[] {h, ""};
  }
}
