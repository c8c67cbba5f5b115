package dev.debrief.digest;

import dev.debrief.model.Citation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Renumbers an {@link LlmBrief} into one numbering over the whole brief, in display order (lead,
 * sessions, themes, follow-ups): the model's texts hold {@code [[passageId]]} placeholders, the
 * extractive parts kept the old {@code [n]} markers ({@link CitationMarkers}); numbers are given in
 * the order they are asked for.
 */
final class BriefRenumbering {
  private final Sources.Numbering numbering;
  private final Map<String, Sources.Item> items;
  private final Map<String, Citation> oldById;
  private final Map<Integer, String> oldToId;

  BriefRenumbering(
      Sources.Numbering numbering,
      Map<String, Sources.Item> items,
      Map<String, Citation> oldById,
      Map<Integer, String> oldToId) {
    this.numbering = numbering;
    this.items = items;
    this.oldById = oldById;
    this.oldToId = oldToId;
  }

  /**
   * The brief with the model's texts in place and every citation renumbered.
   *
   * @param lead the model's lead with placeholders, or null to keep the extractive lead
   * @param themeTexts per theme the model's text with placeholders, or null to keep the extractive
   *     one
   * @param model the model recorded as the brief's writer
   * @param fallback whether a part kept its extractive text
   */
  EventSummary rewritten(
      EventSummary brief,
      String lead,
      List<String> themeTexts,
      BriefModel model,
      boolean fallback) {
    List<EventSummary.Lead> newLead = new ArrayList<>();
    if (lead != null) {
      newLead.add(new EventSummary.Lead("", "", "", "", List.of(new Point(text(lead), false))));
    } else {
      for (EventSummary.Lead l : brief.lead()) {
        newLead.add(
            new EventSummary.Lead(
                l.reportId(), l.title(), l.author(), l.section(), points(l.points())));
      }
    }
    List<EventSummary.Session> sessions = new ArrayList<>();
    for (EventSummary.Session s : brief.sessions()) {
      sessions.add(
          new EventSummary.Session(
              s.title(), s.speaker(), s.reportId(), s.section(), s.url(), points(s.points())));
    }
    List<EventSummary.Theme> themes = new ArrayList<>();
    for (int i = 0; i < brief.themes().size(); i++) {
      EventSummary.Theme old = brief.themes().get(i);
      List<Point> points;
      List<Integer> also = new ArrayList<>();
      if (themeTexts.get(i) != null) {
        points = List.of(new Point(text(themeTexts.get(i)), false));
        Set<String> reportsCited = new LinkedHashSet<>();
        Matcher m = CitationMarkers.PLACEHOLDER.matcher(themeTexts.get(i));
        while (m.find()) {
          reportsCited.add(items.get(m.group(1)).report().id());
        }
        // keep the other supporting reports cited, as the extractive theme does
        for (Citation c : old.citations()) {
          Sources.Item it = items.get(c.passageId());
          if (it != null && reportsCited.add(it.report().id())) {
            also.add(number(c.passageId()));
          }
        }
      } else {
        points = points(old.points());
        for (int n : old.also()) {
          also.add(number(oldToId.get(n)));
        }
      }
      Set<Integer> used = new LinkedHashSet<>();
      for (Point p : points) {
        Matcher m = CitationMarkers.MARK.matcher(p.text());
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
              used.stream().map(numbering::get).toList(),
              old.passages(),
              old.reports()));
    }
    List<String> followUps = new ArrayList<>();
    for (String f : brief.followUps()) {
      followUps.add(text(CitationMarkers.toPlaceholders(f, oldToId)));
    }
    List<Citation> citations = numbering.citations();
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

  /** Text with {@code [[passageId]]} placeholders to text with new markers. */
  String text(String placeholders) {
    Matcher m = CitationMarkers.PLACEHOLDER.matcher(placeholders);
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
      out.add(new Point(text(CitationMarkers.toPlaceholders(p.text(), oldToId)), p.note()));
    }
    return out;
  }

  int number(String passageId) {
    Sources.Item it = item(passageId);
    return it == null ? 0 : numbering.number(it, null);
  }

  private Sources.Item item(String passageId) {
    Sources.Item it = items.get(passageId);
    if (it == null && oldById.containsKey(passageId)) {
      Citation c = oldById.get(passageId);
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
