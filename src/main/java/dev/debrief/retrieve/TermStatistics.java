package dev.debrief.retrieve;

import dev.debrief.index.Fields;
import dev.debrief.index.LuceneIndex;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Term analysis and inverse document frequencies over passage text, for answer composers that weigh
 * query terms. IDF is BM25's: {@code ln(1 + (N - df + 0.5) / (df + 0.5))} with N passage documents.
 */
public final class TermStatistics {
  private final LuceneIndex index;

  /** @param index the index whose statistics to read */
  public TermStatistics(LuceneIndex index) {
    this.index = index;
  }

  /** The analyzed, stemmed terms of {@code text} (EnglishAnalyzer, stop words removed), in order, repeats kept. */
  public List<String> terms(String text, int max) {
    return QueryTerms.analyzeAll(index.getAnalyzer(), Fields.TEXT, text, max);
  }

  /**
   * True for a term in at most max(5, 2%) of the passages (text or headings) but at least one: a name, a
   * paper number, a product — the same rule retrieval uses to keep an exact match near the top.
   */
  public boolean rare(String term) {
    try (LuceneIndex.Lease lease = index.acquire()) {
      if (lease.searcher() == null) {
        return false;
      }
      IndexReader r = lease.searcher().getIndexReader();
      int n = Math.max(1, r.getDocCount(Fields.TEXT));
      int df = r.docFreq(new Term(Fields.TEXT, term)) + r.docFreq(new Term(Fields.HEADING, term));
      return df > 0 && df <= Math.max(5, n / 50);
    } catch (IOException e) {
      return false;
    }
  }

  /** BM25 IDF of an analyzed term; a term absent from the index gets the highest value. */
  public double idf(String term) {
    try (LuceneIndex.Lease lease = index.acquire()) {
      if (lease.searcher() == null) {
        return 1.0;
      }
      IndexReader r = lease.searcher().getIndexReader();
      long n = Math.max(1, r.getDocCount(Fields.TEXT));
      int df = r.docFreq(new Term(Fields.TEXT, term));
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    } catch (IOException e) {
      return 1.0;
    }
  }
}
