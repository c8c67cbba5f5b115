package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonSearchTest {
  private static Hit hit(String passage, String report) {
    return new Hit(passage, report, "", "", "", "", List.of(), "", "", "text", 1.0);
  }

  private static EventCatalog.Event event(String name, String report) {
    return new EventCatalog.Event(
        name,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        List.of(report),
        Set.of(),
        Set.of());
  }

  @Test
  void eachEventIsSearchedInItsOwnScopeAndTheListsInterleave() {
    Map<String, List<Hit>> byReport =
        Map.of(
            "berlin", List.of(hit("b1", "berlin"), hit("b2", "berlin"), hit("b3", "berlin")),
            "seattle", List.of(hit("s1", "seattle")));
    List<List<String>> scopes = new ArrayList<>();
    Retriever retriever =
        new Retriever() {
          @Override
          public List<Hit> search(String query, int k, SearchFilters filters) {
            scopes.add(filters.scope());
            List<Hit> all = byReport.get(filters.scope().get(0));
            return all.subList(0, Math.min(k, all.size()));
          }
        };
    List<Hit> hits =
        new ComparisonSearch(retriever)
            .search(
                "how big was each",
                List.of(),
                2,
                SearchFilters.NONE,
                List.of(event("Berlin", "berlin"), event("Seattle", "seattle")));
    assertEquals(List.of(List.of("berlin"), List.of("seattle")), scopes);
    assertEquals(List.of("b1", "s1", "b2"), hits.stream().map(Hit::passageId).toList());
  }
}
