package dev.debrief.answer;

import java.util.regex.Pattern;

/**
 * Search-engine syntax taken out of a question before it is read as words ({@link
 * QuestionAnalyzer}). The retriever escapes whatever still reaches Lucene's query parser; this
 * class makes sure operators typed out of habit do not become part of a name or of the subject.
 */
final class QuerySyntax {
  private QuerySyntax() {}

  /**
   * Search-engine syntax people type out of habit: Lucene's boolean operators in capitals, a {@code
   * field:} prefix, {@code +}/{@code -} before a word, brackets, a wildcard, a stray quote. A
   * question is read as words; the retriever escapes what reaches the query parser.
   */
  private static final Pattern QUERY_SYNTAX =
      Pattern.compile("\\b(?:AND|OR|NOT)\\b|&&|\\|\\||[()\\[\\]{}\"]");

  /** A word excluded with a minus ("-DHH"): not part of what is asked. */
  private static final Pattern EXCLUDED =
      Pattern.compile("(?<![\\p{L}\\p{N}])-\\p{L}[\\p{L}\\p{N}]*+");

  /** A plus before a word, a field prefix, a wildcard or fuzziness mark: dropped. */
  private static final Pattern MARKS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])\\+(?=\\p{L})"
              + "|\\b(?:title|section|heading|text|event|report|author|date|body):(?=\\S)"
              + "|[*~^]");

  /**
   * {@code question} as words: {@link #EXCLUDED} words and {@link #MARKS} dropped, operators,
   * brackets and quotes turned into commas (so that "Sarah Mei" and the name after a closing quote
   * stay two names), whitespace and repeated commas collapsed.
   */
  static String strip(String question) {
    String t = EXCLUDED.matcher(question).replaceAll(" ");
    t = MARKS.matcher(t).replaceAll("");
    t = QUERY_SYNTAX.matcher(t).replaceAll(" , ");
    t = t.replaceAll("\\s+", " ").replaceAll("(?:\\s*,\\s*)+", ", ").strip();
    return t.replaceAll("^,\\s*|\\s*,$", "").replaceAll("\\s*,?\\s*([?.!])$", "$1").strip();
  }
}
