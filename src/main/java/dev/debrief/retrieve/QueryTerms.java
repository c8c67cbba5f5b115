package dev.debrief.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns any user text into a bounded list of distinct analyzed terms. No query parser is involved,
 * so {@code ? : " * ( ) [ ] ! - /}, AND/OR/NOT, emoji or a 5,000-word paste are just text.
 */
public final class QueryTerms {
  private QueryTerms() {}

  /**
   * Words that shape a question but name nothing in a report. Lucene's English stop set keeps them,
   * and in a BM25 query they swamp a rare name or paper number ("what is P3691?"), so {@link
   * #questionTerms} drops them (unless nothing else is left).
   */
  public static final java.util.Set<String> QUESTION_WORDS =
      java.util.Set.of(
          "what",
          "which",
          "who",
          "whom",
          "whose",
          "how",
          "why",
          "when",
          "where",
          "did",
          "does",
          "do",
          "doe",
          "say",
          "said",
          "tell",
          "me",
          "anything",
          "about",
          "can",
          "could",
          "would",
          "should",
          "i",
          "you",
          "we",
          "were",
          "has",
          "have",
          "had",
          "been");

  /**
   * @param analyzer the field analyzer (EnglishAnalyzer for text)
   * @param field the field whose analysis to apply
   * @param text any text; null is treated as empty
   * @param max at most this many distinct terms are returned (the first ones in text order)
   * @return distinct terms in order of first occurrence, possibly empty
   */
  public static List<String> analyze(Analyzer analyzer, String field, String text, int max) {
    return new ArrayList<>(new LinkedHashSet<>(collect(analyzer, field, text, max, true)));
  }

  /**
   * Like {@link #analyze} without {@link #QUESTION_WORDS} (compared after analysis, so "does" and
   * "doe" both go), unless that would leave nothing.
   */
  public static List<String> questionTerms(Analyzer analyzer, String field, String text, int max) {
    List<String> all = analyze(analyzer, field, text, Integer.MAX_VALUE);
    List<String> kept = new ArrayList<>();
    for (String t : all) {
      if (!QUESTION_WORDS.contains(t) && kept.size() < max) {
        kept.add(t);
      }
    }
    return kept.isEmpty() ? all.subList(0, Math.min(max, all.size())) : kept;
  }

  /** All analyzed terms of {@code text} in order, repeats kept, at most {@code max}. */
  public static List<String> analyzeAll(Analyzer analyzer, String field, String text, int max) {
    return collect(analyzer, field, text, max, false);
  }

  private static List<String> collect(
      Analyzer analyzer, String field, String text, int max, boolean distinct) {
    java.util.Collection<String> terms = distinct ? new LinkedHashSet<>() : new ArrayList<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < max) {
        String t = term.toString();
        if (!t.isBlank() && t.length() <= 64) {
          terms.add(t);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of a string cannot fail with I/O", e);
    }
    return new ArrayList<>(terms);
  }
}
