package dev.debrief.digest;

import dev.debrief.llm.CitationVerifier;
import dev.debrief.llm.LlmClient;
import dev.debrief.llm.LlmException;
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
 * The LLM path of {@link EventSummarizer}: map-reduce over the theme clusters (as in LangChain's "map_reduce"
 * summarisation chain; Dean &amp; Ghemawat's MapReduce gives the name). Map: for each theme the model reads the
 * cluster's most central passages, numbered, and writes one or two cited sentences. Reduce: it reads the
 * verified theme texts with their sources and writes the 3–5 sentence executive summary. Every reply goes
 * through {@link CitationVerifier}; a theme (or the summary) whose reply fails or keeps no verified sentence
 * keeps its extractive text, and the brief says it fell back. Citations are renumbered over the whole brief.
 */
public final class LlmBrief {
  private static final int PASSAGES_PER_THEME = 5;
  private static final int WORDS_PER_PASSAGE = 160;
  private static final Pattern MARK = Pattern.compile("\\[(\\d{1,3})]");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[([^\\]]+)]]");
  private static final String MAP_SYSTEM = "You summarise conference trip reports for a team lead. Use only the"
      + " numbered passages. Write one or two plain sentences (at most 60 words) stating what the passages"
      + " say about their shared subject. End every sentence with the [n] markers of the passages it draws on."
      + " No preamble, no lists, no headings.";
  private static final String REDUCE_SYSTEM = "You write the executive summary of a conference for a team"
      + " lead. Use only the theme notes and numbered passages given. Write three to five plain sentences (at"
      + " most 120 words). End every sentence with the [n] markers of the passages it draws on. No preamble.";

  private final LlmClient client;
  private final CitationVerifier verifier;
  private final Duration budget;

  /**
   * @param client   the chat model
   * @param verifier checks every [n] against its passage
   * @param budget   time per model call
   */
  public LlmBrief(LlmClient client, CitationVerifier verifier, Duration budget) {
    this.client = client;
    this.verifier = verifier;
    this.budget = budget;
  }

  /**
   * Rewrites theme texts and the executive summary of {@code brief}.
   *
   * @param clusters per theme (same order as {@code brief.themes()}), its passages, most central first
   */
  EventSummary rewrite(EventSummary brief, List<List<Sources.Item>> clusters, Sources sources) {
    Map<String, Sources.Item> byId = new HashMap<>();
    clusters.forEach(c -> c.forEach(it -> byId.put(it.passage().id(), it)));
    Map<Integer, String> oldToId = new HashMap<>();
    for (Citation c : brief.citations()) {
      oldToId.put(c.n(), c.passageId());
    }
    boolean fallback = false;
    int llmParts = 0;
    List<String> themeTexts = new ArrayList<>();
    for (int i = 0; i < brief.themes().size(); i++) {
      EventSummary.Theme theme = brief.themes().get(i);
      List<Sources.Item> sent = clusters.get(i).subList(0, Math.min(PASSAGES_PER_THEME, clusters.get(i).size()));
      String written = null;
      try {
        String reply = client.complete(MAP_SYSTEM, "Event: " + brief.event() + "\nTheme: " + theme.title() + "\n\n"
            + numbered(sent, 1), budget);
        written = verified(reply, sent, sources);
      } catch (LlmException e) {
        written = null;
      }
      if (written == null) {
        fallback = true;
        themeTexts.add(toPlaceholders(theme.text(), oldToId));
      } else {
        llmParts++;
        // keep the other supporting reports cited, as the extractive theme does
        Set<String> reportsCited = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(written);
        while (m.find()) {
          reportsCited.add(byId.get(m.group(1)).report().id());
        }
        List<String> also = new ArrayList<>();
        for (Citation c : theme.citations()) {
          Sources.Item it = byId.get(c.passageId());
          if (it != null && reportsCited.add(it.report().id())) {
            also.add("[[" + c.passageId() + "]]");
          }
        }
        themeTexts.add(also.isEmpty() ? written : written + " Also covered in " + String.join(", ", also) + ".");
      }
    }
    // Reduce over the theme notes; the passages they cite are the sources the summary may cite.
    List<Sources.Item> cited = new ArrayList<>();
    for (String t : themeTexts) {
      Matcher m = PLACEHOLDER.matcher(t);
      while (m.find()) {
        Sources.Item it = byId.get(m.group(1));
        if (it != null && !cited.contains(it)) {
          cited.add(it);
        }
      }
    }
    String summary = null;
    if (!cited.isEmpty()) {
      StringBuilder notes = new StringBuilder("Event: " + brief.event() + "\n\nTheme notes:\n");
      for (int i = 0; i < themeTexts.size(); i++) {
        notes.append("- ").append(brief.themes().get(i).title()).append(": ")
            .append(toNumbers(themeTexts.get(i), cited)).append('\n');
      }
      notes.append('\n').append(numbered(cited, 1));
      try {
        summary = verified(client.complete(REDUCE_SYSTEM, notes.toString(), budget), cited, sources);
      } catch (LlmException e) {
        summary = null;
      }
    }
    if (summary == null) {
      fallback = true;
      summary = toPlaceholders(brief.summary(), oldToId);
    } else {
      llmParts++;
    }
    if (llmParts == 0) {
      return new EventSummary(brief.event(), brief.summary(), brief.themes(), brief.sessions(), brief.followUps(),
          brief.coverage(), brief.citations(), brief.provider(), brief.model(), true);
    }
    // Renumber over the whole brief, in display order: summary, themes, follow-ups.
    Map<String, Sources.Item> all = new HashMap<>(byId);
    Map<String, Citation> oldById = new HashMap<>();
    for (Citation c : brief.citations()) {
      oldById.put(c.passageId(), c);
    }
    Sources.Numbering numbering = sources.numbering();
    String newSummary = fromPlaceholders(summary, numbering, all, oldById, sources);
    List<EventSummary.Theme> themes = new ArrayList<>();
    for (int i = 0; i < themeTexts.size(); i++) {
      EventSummary.Theme old = brief.themes().get(i);
      String text = fromPlaceholders(themeTexts.get(i), numbering, all, oldById, sources);
      Set<Integer> used = new LinkedHashSet<>();
      Matcher m = MARK.matcher(text);
      while (m.find()) {
        used.add(Integer.parseInt(m.group(1)));
      }
      themes.add(new EventSummary.Theme(old.title(), text, used.stream().map(numbering::get).toList(),
          old.passages(), old.reports()));
    }
    List<String> followUps = new ArrayList<>();
    for (String f : brief.followUps()) {
      followUps.add(fromPlaceholders(toPlaceholders(f, oldToId), numbering, all, oldById, sources));
    }
    List<Citation> citations = numbering.citations();
    int sectionsUsed = (int) citations.stream().map(c -> c.reportId() + "#" + c.section()).distinct().count();
    EventSummary.Coverage cov = brief.coverage();
    return new EventSummary(brief.event(), newSummary, themes, brief.sessions(), followUps,
        new EventSummary.Coverage(cov.reports(), cov.authors(), sectionsUsed, cov.sectionsTotal(), cov.passages()),
        citations, client.provider(), client.model(), fallback);
  }

  /** The verified reply with markers turned into {@code [[passageId]]}, or null when nothing was verified. */
  private String verified(String reply, List<Sources.Item> sent, Sources sources) {
    List<Hit> hits = new ArrayList<>();
    for (Sources.Item it : sent) {
      Passage p = it.passage();
      Citation c = sources.citation(1, it, null);
      hits.add(new Hit(p.id(), it.report().id(), it.report().meta().title(), it.report().meta().event(),
          it.report().meta().date(), p.section(), p.headingPath(), p.anchor(), c.url(), p.text(), 1.0));
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

  private static String numbered(List<Sources.Item> items, int first) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Sources.Item it = items.get(i);
      String[] words = it.passage().text().strip().split("\\s+");
      String text = words.length <= WORDS_PER_PASSAGE ? it.passage().text().strip()
          : String.join(" ", java.util.Arrays.asList(words).subList(0, WORDS_PER_PASSAGE)) + " …";
      b.append('[').append(first + i).append("] ").append(it.report().meta().title());
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

  private static String fromPlaceholders(String text, Sources.Numbering numbering, Map<String, Sources.Item> items,
                                         Map<String, Citation> old, Sources sources) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Sources.Item it = items.get(m.group(1));
      if (it == null && old.containsKey(m.group(1))) {
        it = itemOf(old.get(m.group(1)), items);
      }
      m.appendReplacement(out, it == null ? "" : "[" + numbering.number(it, null) + "]");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Sources.Item itemOf(Citation c, Map<String, Sources.Item> items) {
    return items.values().stream().filter(it -> it.report().id().equals(c.reportId())).findFirst()
        .map(any -> any.report().passages().stream().filter(p -> p.id().equals(c.passageId())).findFirst()
            .map(p -> new Sources.Item(any.report(), p, null)).orElse(null))
        .orElse(null);
  }
}
