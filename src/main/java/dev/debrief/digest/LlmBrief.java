package dev.debrief.digest;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM path of {@link EventSummarizer}: map-reduce over the theme clusters (as in LangChain's
 * "map_reduce" summarisation chain; Dean &amp; Ghemawat's MapReduce gives the name), keeping the
 * brief's structure. Map: for each theme the model reads the cluster's most central passages,
 * numbered, and writes one or two cited sentences. Reduce: it reads the authors' own conclusion
 * passages first, then the verified theme notes with their sources, and writes the lead — what the
 * authors concluded, 3–5 sentences. The sessions stay as the reports name them. Every reply goes
 * through {@link CitationVerifier}; a theme (or the lead) whose reply fails or keeps no verified
 * sentence keeps its extractive text, and the brief says it fell back. Citations are renumbered
 * over the whole brief.
 */
public final class LlmBrief {
  private static final int PASSAGES_PER_THEME = 5;
  private static final int WORDS_PER_PASSAGE = 160;
  private static final int CONCLUSION_PASSAGES = 6;
  private static final Pattern MARK = Pattern.compile("\\[(\\d{1,3})]");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[([^\\]]+)]]");
  private static final String MAP_SYSTEM =
      "You summarise conference trip reports for a team lead. Use only the"
          + " numbered passages. Write one or two plain sentences (at most 60 words) stating what the passages"
          + " say about their shared subject, naming the sessions, products or people involved. End every sentence"
          + " with the [n] markers of the passages it draws on. Every sentence must make sense on its own: no"
          + " pronoun whose referent is elsewhere. No preamble, no lists, no headings.";
  private static final String REDUCE_SYSTEM =
      "You write the opening of a conference brief for a team lead. Use"
          + " only the passages and theme notes given. Lead with what the report authors concluded (the passages"
          + " marked as their conclusions), then the main themes. Write three to five plain sentences (at most 120"
          + " words), each understandable on its own. End every sentence with the [n] markers of the passages it"
          + " draws on. No preamble.";

  private final BriefModel model;
  private final CitationVerifier verifier;
  private final Duration budget;

  /**
   * @param model the chat model ({@code dev.debrief.llm.LlmBriefModel} in production)
   * @param verifier checks every [n] against its passage
   * @param budget time per model call
   */
  public LlmBrief(BriefModel model, CitationVerifier verifier, Duration budget) {
    this.model = model;
    this.verifier = verifier;
    this.budget = budget;
  }

  /**
   * Rewrites theme texts and the lead of {@code brief}.
   *
   * @param clusters per theme (same order as {@code brief.themes()}), its passages, most central
   *     first
   * @param conclusions passages of the reports' own conclusion sections (may be empty)
   */
  EventSummary rewrite(
      EventSummary brief,
      List<List<Sources.Item>> clusters,
      List<Sources.Item> conclusions,
      Sources sources) {
    Map<String, Sources.Item> byId = new HashMap<>();
    clusters.forEach(c -> c.forEach(it -> byId.put(it.passage().id(), it)));
    conclusions.forEach(it -> byId.put(it.passage().id(), it));
    Map<Integer, String> oldToId = new HashMap<>();
    for (Citation c : brief.citations()) {
      oldToId.put(c.n(), c.passageId());
    }
    boolean fallback = false;
    int llmParts = 0;
    List<String> themeTexts = new ArrayList<>();
    for (int i = 0; i < brief.themes().size(); i++) {
      EventSummary.Theme theme = brief.themes().get(i);
      List<Sources.Item> sent =
          clusters.get(i).subList(0, Math.min(PASSAGES_PER_THEME, clusters.get(i).size()));
      String written =
          model
              .complete(
                  MAP_SYSTEM,
                  "Event: " + brief.event() + "\nTheme: " + theme.title() + "\n\n" + numbered(sent),
                  budget)
              .map(reply -> verified(reply, sent, sources))
              .orElse(null);
      if (written == null) {
        fallback = true;
        themeTexts.add(null);
      } else {
        llmParts++;
        themeTexts.add(written);
      }
    }
    // Reduce: the authors' conclusions first, then the theme notes and the passages they cite.
    List<Sources.Item> cited = new ArrayList<>();
    for (Sources.Item it :
        conclusions.subList(0, Math.min(CONCLUSION_PASSAGES, conclusions.size()))) {
      cited.add(it);
    }
    int conclusionCount = cited.size();
    for (int i = 0; i < brief.themes().size(); i++) {
      String t =
          themeTexts.get(i) != null
              ? themeTexts.get(i)
              : toPlaceholders(brief.themes().get(i).text(), oldToId);
      Matcher m = PLACEHOLDER.matcher(t);
      while (m.find()) {
        Sources.Item it = byId.get(m.group(1));
        if (it != null && !cited.contains(it)) {
          cited.add(it);
        }
      }
    }
    String lead = null;
    if (!cited.isEmpty()) {
      StringBuilder notes = new StringBuilder("Event: " + brief.event() + "\n\n");
      if (conclusionCount > 0) {
        notes
            .append("Passages 1 to ")
            .append(conclusionCount)
            .append(" are the authors' own conclusions.\n\n");
      }
      notes.append("Theme notes:\n");
      for (int i = 0; i < brief.themes().size(); i++) {
        String t =
            themeTexts.get(i) != null
                ? themeTexts.get(i)
                : toPlaceholders(brief.themes().get(i).text(), oldToId);
        notes
            .append("- ")
            .append(brief.themes().get(i).title())
            .append(": ")
            .append(toNumbers(t, cited))
            .append('\n');
      }
      notes.append('\n').append(numbered(cited));
      lead =
          model
              .complete(REDUCE_SYSTEM, notes.toString(), budget)
              .map(reply -> verified(reply, cited, sources))
              .orElse(null);
    }
    if (lead == null) {
      fallback = true;
    } else {
      llmParts++;
    }
    if (llmParts == 0) {
      return new EventSummary(
          brief.event(),
          brief.lead(),
          brief.sessions(),
          brief.themes(),
          brief.followUps(),
          brief.coverage(),
          brief.citations(),
          brief.provider(),
          brief.model(),
          true);
    }
    // Renumber over the whole brief, in display order: lead, sessions, themes, follow-ups.
    Map<String, Citation> oldById = new HashMap<>();
    for (Citation c : brief.citations()) {
      oldById.put(c.passageId(), c);
    }
    Renumber re = new Renumber(sources.numbering(), byId, oldById, oldToId);
    List<EventSummary.Lead> newLead = new ArrayList<>();
    if (lead != null) {
      newLead.add(new EventSummary.Lead("", "", "", "", List.of(new Point(re.text(lead), false))));
    } else {
      for (EventSummary.Lead l : brief.lead()) {
        newLead.add(
            new EventSummary.Lead(
                l.reportId(), l.title(), l.author(), l.section(), re.points(l.points())));
      }
    }
    List<EventSummary.Session> sessions = new ArrayList<>();
    for (EventSummary.Session s : brief.sessions()) {
      sessions.add(
          new EventSummary.Session(
              s.title(), s.speaker(), s.reportId(), s.section(), s.url(), re.points(s.points())));
    }
    List<EventSummary.Theme> themes = new ArrayList<>();
    for (int i = 0; i < brief.themes().size(); i++) {
      EventSummary.Theme old = brief.themes().get(i);
      List<Point> points;
      List<Integer> also = new ArrayList<>();
      if (themeTexts.get(i) != null) {
        points = List.of(new Point(re.text(themeTexts.get(i)), false));
        Set<String> reportsCited = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(themeTexts.get(i));
        while (m.find()) {
          reportsCited.add(byId.get(m.group(1)).report().id());
        }
        // keep the other supporting reports cited, as the extractive theme does
        for (Citation c : old.citations()) {
          Sources.Item it = byId.get(c.passageId());
          if (it != null && reportsCited.add(it.report().id())) {
            also.add(re.number(c.passageId()));
          }
        }
      } else {
        points = re.points(old.points());
        for (int n : old.also()) {
          also.add(re.number(oldToId.get(n)));
        }
      }
      Set<Integer> used = new LinkedHashSet<>();
      for (Point p : points) {
        Matcher m = MARK.matcher(p.text());
        while (m.find()) {
          used.add(Integer.parseInt(m.group(1)));
        }
      }
      used.addAll(also);
      themes.add(
          new EventSummary.Theme(
              old.title(),
              points,
              also,
              used.stream().map(re.numbering::get).toList(),
              old.passages(),
              old.reports()));
    }
    List<String> followUps = new ArrayList<>();
    for (String f : brief.followUps()) {
      followUps.add(re.text(toPlaceholders(f, oldToId)));
    }
    List<Citation> citations = re.numbering.citations();
    int sectionsUsed =
        (int) citations.stream().map(c -> c.reportId() + "#" + c.section()).distinct().count();
    EventSummary.Coverage cov = brief.coverage();
    return new EventSummary(
        brief.event(),
        newLead,
        sessions,
        themes,
        followUps,
        new EventSummary.Coverage(
            cov.reports(), cov.authors(), sectionsUsed, cov.sectionsTotal(), cov.passages()),
        citations,
        model.provider(),
        model.model(),
        fallback);
  }

  /** Renumbers placeholders and old markers into one numbering, in the order they are asked for. */
  private static final class Renumber {
    final Sources.Numbering numbering;
    final Map<String, Sources.Item> items;
    final Map<String, Citation> old;
    final Map<Integer, String> oldToId;

    Renumber(
        Sources.Numbering numbering,
        Map<String, Sources.Item> items,
        Map<String, Citation> old,
        Map<Integer, String> oldToId) {
      this.numbering = numbering;
      this.items = items;
      this.old = old;
      this.oldToId = oldToId;
    }

    /** Text with {@code [[passageId]]} placeholders to text with new markers. */
    String text(String placeholders) {
      Matcher m = PLACEHOLDER.matcher(placeholders);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        Sources.Item it = item(m.group(1));
        m.appendReplacement(out, it == null ? "" : "[" + numbering.number(it, null) + "]");
      }
      m.appendTail(out);
      return out.toString();
    }

    /** Extractive points (old markers) renumbered. */
    List<Point> points(List<Point> points) {
      List<Point> out = new ArrayList<>();
      for (Point p : points) {
        out.add(new Point(text(toPlaceholders(p.text(), oldToId)), p.note()));
      }
      return out;
    }

    int number(String passageId) {
      Sources.Item it = item(passageId);
      return it == null ? 0 : numbering.number(it, null);
    }

    private Sources.Item item(String passageId) {
      Sources.Item it = items.get(passageId);
      if (it == null && old.containsKey(passageId)) {
        Citation c = old.get(passageId);
        it =
            items.values().stream()
                .filter(x -> x.report().id().equals(c.reportId()))
                .findFirst()
                .flatMap(
                    any ->
                        any.report().passages().stream()
                            .filter(p -> p.id().equals(passageId))
                            .findFirst()
                            .map(p -> new Sources.Item(any.report(), p, null)))
                .orElse(null);
      }
      return it;
    }
  }

  /**
   * The verified reply with markers turned into {@code [[passageId]]}, or null when nothing was
   * verified.
   */
  private String verified(String reply, List<Sources.Item> sent, Sources sources) {
    List<Hit> hits = new ArrayList<>();
    for (Sources.Item it : sent) {
      Passage p = it.passage();
      Citation c = sources.citation(1, it, null);
      hits.add(
          new Hit(
              p.id(),
              it.report().id(),
              it.report().meta().title(),
              it.report().meta().event(),
              it.report().meta().date(),
              p.section(),
              p.headingPath(),
              p.anchor(),
              c.url(),
              p.text(),
              1.0));
    }
    CitationVerifier.Result r = verifier.verify(reply, hits, false);
    if (!r.answered() || r.text().isBlank()) {
      return null;
    }
    Map<Integer, String> ids = new HashMap<>();
    for (Citation c : r.citations()) {
      ids.put(c.n(), c.passageId());
    }
    return toPlaceholders(r.text(), ids);
  }

  private static String numbered(List<Sources.Item> items) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Sources.Item it = items.get(i);
      String[] words = it.passage().text().strip().split("\\s+");
      String text =
          words.length <= WORDS_PER_PASSAGE
              ? it.passage().text().strip()
              : String.join(" ", java.util.Arrays.asList(words).subList(0, WORDS_PER_PASSAGE))
                  + " …";
      b.append('[').append(i + 1).append("] ").append(it.report().meta().title());
      if (!it.passage().section().isEmpty()) {
        b.append(" — ").append(it.passage().section());
      }
      b.append('\n').append(text).append("\n\n");
    }
    return b.toString();
  }

  /** "[2]" to "[[passageId]]" using {@code ids}; unknown numbers are dropped. */
  static String toPlaceholders(String text, Map<Integer, String> ids) {
    Matcher m = MARK.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = ids.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, id == null ? "" : Matcher.quoteReplacement("[[" + id + "]]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String toNumbers(String text, List<Sources.Item> order) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i).passage().id(), i + 1);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Integer n = index.get(m.group(1));
      m.appendReplacement(out, n == null ? "" : "[" + n + "]");
    }
    m.appendTail(out);
    return out.toString();
  }
}
