package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.Retriever;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answer to a question naming people or things the searched reports never mention: "I found no
 * mention of Matz in the RailsConf 2018 report.", where else the library mentions them, and the
 * closest sections.
 */
final class AbsentNames {
  private final Retriever retriever;
  private final NameCheck names;

  /**
   * @param retriever searches the whole library for the names
   * @param names tells whether a name is mentioned at all
   */
  AbsentNames(Retriever retriever, NameCheck names) {
    this.retriever = retriever;
    this.names = names;
  }

  /**
   * The refusal for {@code q}.
   *
   * @param analysis the question's analysis
   * @param missing the surfaces of the names not found, at least one
   * @param hits the passages found in the searched reports
   */
  Answer refusal(Question q, QuestionAnalysis analysis, List<String> missing, List<Hit> hits) {
    EventCatalog.Mention mention = analysis.mention();
    String where =
        mention.events().isEmpty()
            ? "the reports"
            : "the "
                + String.join(
                    " and ", mention.events().stream().map(EventCatalog.Event::name).toList())
                + (mention.reportIds().size() == 1 ? " report" : " reports");
    if (!q.filters().since().isEmpty()) {
      where += " dated " + q.filters().since() + " or later";
    }
    StringBuilder lead =
        new StringBuilder("I found no mention of ")
            .append(String.join(" or ", missing))
            .append(" in ")
            .append(where)
            .append('.');
    if (!mention.events().isEmpty()) {
      for (QuestionAnalysis.Name n : analysis.names()) {
        if (missing.contains(n.surface())) {
          Set<String> elsewhere = eventsMentioning(n, q.filters());
          if (!elsewhere.isEmpty()) {
            lead.append(' ')
                .append(n.surface())
                .append(" appears in ")
                .append(String.join("; ", elsewhere))
                .append('.');
          }
        }
      }
    }
    List<Hit> closest = Refusals.closestSections(hits, Refusals.CLOSEST);
    return Answer.refusal(q.text(), Refusals.text(lead.toString(), closest), closest, hits.size());
  }

  /** The events, other than those searched, whose reports mention {@code n}. */
  private Set<String> eventsMentioning(QuestionAnalysis.Name n, SearchFilters unscoped) {
    Set<String> out = new LinkedHashSet<>();
    if (!names.present(n, unscoped)) {
      return out;
    }
    for (Hit h : retriever.search(n.surface(), n.terms(), 5, unscoped)) {
      String text = (h.text() + " " + h.sectionLabel()).toLowerCase(Locale.ROOT);
      if (text.contains(n.surface().toLowerCase(Locale.ROOT).split("\\s+")[0])) {
        out.add(h.event().isEmpty() ? h.title() : h.event());
      }
    }
    return out;
  }
}
