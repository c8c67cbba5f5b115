package dev.debrief.digest;

import dev.debrief.cite.CitationVerifier;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The LLM path of {@link EventSummarizer}: map-reduce over the theme clusters (as in LangChain's
 * "map_reduce" summarisation chain; Dean &amp; Ghemawat's MapReduce gives the name), keeping the
 * brief's structure. Map: for each theme the model reads the cluster's most central passages,
 * numbered, and writes one or two cited sentences. Reduce: it reads the authors' own conclusion
 * passages first, then the verified theme notes with their sources, and writes the lead — what the
 * authors concluded, 3–5 sentences. The sessions stay as the reports name them. Every reply goes
 * through {@link CitationVerifier}; a theme (or the lead) whose reply fails or keeps no verified
 * sentence keeps its extractive text, and the brief says it fell back. Citations are renumbered
 * over the whole brief ({@link BriefRenumbering}).
 */
public final class LlmBrief {
  private static final int PASSAGES_PER_THEME = 5;
  private static final int WORDS_PER_PASSAGE = 160;
  private static final int CONCLUSION_PASSAGES = 6;
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
              : CitationMarkers.toPlaceholders(brief.themes().get(i).text(), oldToId);
      Matcher m = CitationMarkers.PLACEHOLDER.matcher(t);
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
                : CitationMarkers.toPlaceholders(brief.themes().get(i).text(), oldToId);
        notes
            .append("- ")
            .append(brief.themes().get(i).title())
            .append(": ")
            .append(CitationMarkers.toNumbers(t, cited))
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
    return new BriefRenumbering(sources.numbering(), byId, oldById, oldToId)
        .rewritten(brief, lead, themeTexts, model, fallback);
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
    return CitationMarkers.toPlaceholders(r.text(), ids);
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
}
