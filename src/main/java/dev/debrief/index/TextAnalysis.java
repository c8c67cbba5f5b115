package dev.debrief.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * How Debrief analyzes text, whatever the backend: Lucene's {@link EnglishAnalyzer} (standard
 * tokenizer, possessives, lower case, English stop words, Porter stemming) for {@link Fields#TEXT},
 * {@link Fields#HEADING} and {@link Fields#TITLE}, keywords elsewhere. The Lucene index writes with
 * it; the Solr configset ({@code config/solr/debrief/conf/managed-schema.xml}) names the same class
 * for the same fields, and query terms are analyzed with it on Debrief's side for both.
 */
public final class TextAnalysis {
  private TextAnalysis() {}

  /** A new per-field analyzer (thread-safe; build one per owner and reuse it). */
  public static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    EnglishAnalyzer english = new EnglishAnalyzer();
    perField.put(Fields.TEXT, english);
    perField.put(Fields.HEADING, english);
    perField.put(Fields.TITLE, english);
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
  }
}
