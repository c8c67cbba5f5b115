package dev.debrief.retrieve;

import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import java.util.List;

/**
 * Finds passages for free text. Never throws for any user text; an empty index gives an empty list.
 */
public interface Retriever {
  /**
   * @param query any user text (query syntax, emoji, 5,000 words: all safe)
   * @param k number of hits wanted, at least 1
   * @param filters restrictions
   * @return at most k hits, best first
   */
  List<Hit> search(String query, int k, SearchFilters filters);

  /**
   * Like {@link #search(String, int, SearchFilters)} with the lexical (BM25) terms given: a
   * question analyzed for its subject searches BM25 with those terms and kNN with {@code query} as
   * asked. The default ignores the terms.
   *
   * @param bm25Terms analyzed terms, or empty to analyze {@code query}
   */
  default List<Hit> search(String query, List<String> bm25Terms, int k, SearchFilters filters) {
    return search(query, k, filters);
  }

  /**
   * The passages with these ids as hits (score 0), in the order given; ids not indexed are left
   * out. The default finds none.
   */
  default List<Hit> fetch(List<String> passageIds) {
    return List.of();
  }
}
