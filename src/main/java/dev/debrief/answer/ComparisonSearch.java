package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The passages for a comparison of named events ("how did the headcount at KubeCon Berlin compare
 * with KubeCon Seattle?"): each event searched on its own and the lists interleaved, so the event
 * whose report words the question more closely cannot fill every place (Berlin's "1500 attendees"
 * was not among the ten passages found for both together, all but two of them Seattle's).
 */
final class ComparisonSearch {
  private final Retriever retriever;

  /**
   * @param retriever searches one event at a time
   */
  ComparisonSearch(Retriever retriever) {
    this.retriever = retriever;
  }

  /**
   * Up to {@code k} passages per event, interleaved (each event's best, then each one's second…), a
   * passage found twice kept once.
   *
   * @param subject the text searched by vector
   * @param terms the BM25 terms
   * @param k passages per event, at least 1
   * @param filters the question's filters; each event's reports narrow their scope
   * @param events the events compared, at least two
   * @return at most {@code k × events} hits
   */
  List<Hit> search(
      String subject,
      List<String> terms,
      int k,
      SearchFilters filters,
      List<EventCatalog.Event> events) {
    List<List<Hit>> perEvent = new ArrayList<>();
    for (EventCatalog.Event e : events) {
      SearchFilters scoped =
          filters.withScope(AnswerService.intersect(filters.scope(), e.reportIds()));
      perEvent.add(retriever.search(subject, terms, k, scoped));
    }
    Map<String, Hit> out = new LinkedHashMap<>();
    for (int rank = 0; rank < k; rank++) {
      for (List<Hit> hits : perEvent) {
        if (rank < hits.size()) {
          out.putIfAbsent(hits.get(rank).passageId(), hits.get(rank));
        }
      }
    }
    return List.copyOf(out.values());
  }
}
