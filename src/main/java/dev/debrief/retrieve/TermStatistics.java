package dev.debrief.retrieve;

import dev.debrief.index.Fields;
import dev.debrief.index.IndexException;
import dev.debrief.index.TextAnalysis;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * Term analysis and inverse document frequencies over passage text, for answer composers that weigh
 * query terms. IDF is BM25's: {@code ln(1 + (N - df + 0.5) / (df + 0.5))} with N passage documents.
 * The statistics come from a {@link RetrievalBackend}, so they are the same on every backend.
 */
public final class TermStatistics {
  private final RetrievalBackend backend;
  private final Analyzer analyzer = TextAnalysis.analyzer();

  /**
   * @param backend the index whose statistics to read
   */
  public TermStatistics(RetrievalBackend backend) {
    this.backend = backend;
  }

  /**
   * The analyzed, stemmed terms of {@code text} (EnglishAnalyzer, stop words removed), in order,
   * repeats kept.
   */
  public List<String> terms(String text, int max) {
    return QueryTerms.analyzeAll(analyzer, Fields.TEXT, text, max);
  }

  /**
   * True for a term in at most max(5, 2%) of the passages (text or headings) but at least one: a
   * name, a paper number, a product — the same rule retrieval uses to keep an exact match near the
   * top.
   */
  public boolean rare(String term) {
    try {
      long count = backend.passageCount();
      if (count == 0) {
        return false;
      }
      int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
      int df =
          backend.docFreqs(Fields.TEXT, List.of(term)).getOrDefault(term, 0)
              + backend.docFreqs(Fields.HEADING, List.of(term)).getOrDefault(term, 0);
      return df > 0 && df <= Math.max(5, n / 50);
    } catch (IndexException e) {
      return false;
    }
  }

  /** BM25 IDF of an analyzed term; a term absent from the index gets the highest value. */
  public double idf(String term) {
    try {
      long count = backend.passageCount();
      if (count == 0) {
        return 1.0;
      }
      long n = Math.max(1, count);
      int df = backend.docFreqs(Fields.TEXT, List.of(term)).getOrDefault(term, 0);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    } catch (IndexException e) {
      return 1.0;
    }
  }
}
