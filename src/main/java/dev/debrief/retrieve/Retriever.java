package dev.debrief.retrieve;

import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import java.util.List;

/** Finds passages for free text. Never throws for any user text; an empty index gives an empty list. */
public interface Retriever {
  /**
   * @param query   any user text (query syntax, emoji, 5,000 words: all safe)
   * @param k       number of hits wanted, at least 1
   * @param filters restrictions
   * @return at most k hits, best first
   */
  List<Hit> search(String query, int k, SearchFilters filters);
}
