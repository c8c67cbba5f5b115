package dev.debrief.answer;

import dev.debrief.index.Fields;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.RetrievalBackend;
import dev.debrief.retrieve.StoredPassage;
import dev.debrief.retrieve.TermStatistics;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the reports a question is about mention a name it spells ("Vicki Boykis", "Kubernetes
 * 1.9"): some passage of those reports (its text, headings, report title or event) or one of the
 * reports' metadata (author, title) holds all of the name's terms, or all of one of its
 * equivalents', in some spelling ({@link QuestionAnalysis.Name#foundInSomeSpelling}). Uses BM25
 * with the name's terms inside the scope and reads the best passages, so it costs one search per
 * name.
 */
public final class NameCheck {
  /** BM25 passages read per name: a passage holding every term of a name ranks among the first. */
  static final int PASSAGES_READ = 10;

  private static final List<RetrievalBackend.FieldBoost> FIELDS =
      List.of(
          new RetrievalBackend.FieldBoost(Fields.TEXT, 1f),
          new RetrievalBackend.FieldBoost(Fields.HEADING, 1f),
          new RetrievalBackend.FieldBoost(Fields.TITLE, 1f));

  private final RetrievalBackend backend;
  private final TermStatistics stats;
  private final Library library;

  /**
   * @param backend searches passages
   * @param stats analyzes text the way the index did
   * @param library report metadata
   */
  public NameCheck(RetrievalBackend backend, TermStatistics stats, Library library) {
    this.backend = backend;
    this.stats = stats;
    this.library = library;
  }

  /**
   * @param name a name the question spells
   * @param filters where to look (scope, access)
   * @return true when the reports passing {@code filters} hold it
   */
  public boolean present(QuestionAnalysis.Name name, SearchFilters filters) {
    if (name.terms().isEmpty()) {
      return true;
    }
    Set<String> all = new LinkedHashSet<>(name.terms());
    name.alternatives().forEach(all::addAll);
    for (String reportId : filters.scope()) {
      ReportInfo r = library.report(reportId).orElse(null);
      if (r != null
          && name.foundInSomeSpelling(
              new HashSet<>(stats.terms(r.meta().author() + " " + r.meta().title(), 256)))) {
        return true;
      }
    }
    List<String> ids = backend.bm25(List.copyOf(all), FIELDS, filters, PASSAGES_READ);
    if (ids.isEmpty()) {
      return false;
    }
    for (StoredPassage p : backend.passages(ids).values()) {
      Set<String> present =
          new HashSet<>(
              stats.terms(
                  p.text() + "\n" + p.heading() + "\n" + p.title() + "\n" + p.event(), 100_000));
      if (name.foundInSomeSpelling(present)) {
        return true;
      }
    }
    return false;
  }

  /** A document number: letters then digits ("P2079", "N4950"), without a revision. */
  private static final Pattern DOCUMENT_NUMBER = Pattern.compile("\\p{L}{1,3}\\d{3,6}");

  /**
   * True when {@code text} holds a revision of the document number {@code surface}: "P2079R8" for
   * "P2079", as standards committees (ISO C++ WG21 papers) number the revisions of a paper.
   *
   * @param surface a name as the question spells it
   * @param text a passage's text
   */
  static boolean revisionIn(String surface, String text) {
    String s = surface.strip();
    if (!DOCUMENT_NUMBER.matcher(s).matches()) {
      return false;
    }
    return Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(s) + "R\\d{1,3}(?![\\p{L}\\p{N}])")
        .matcher(text)
        .find();
  }
}
