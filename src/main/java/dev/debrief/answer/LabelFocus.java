package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.retrieve.TermStatistics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Focus on labelled passages: when the question names a rare name that labels some of the passages
 * found (a talk heading or a speaker line), {@link EvidenceSelector} quotes from those alone.
 */
final class LabelFocus {
  private LabelFocus() {}

  /**
   * A focused answer starts at its section's first statement when its best sentence holds less than
   * this.
   */
  static final double FOCUS_LEAD_LEXICAL = 0.5;

  /**
   * The hits whose labels (heading path and label lines such as a speaker's name) hold every
   * decisive name of the question: "the Uber speaker", "Arnout Kazemier" name the talk whose
   * heading or speaker line names them. Only names with a rare term count ({@link
   * TermStatistics#rare}): "Kubernetes" labels too much to focus. Empty when the question names
   * none, or no hit is so labelled.
   *
   * @param stats tells rare terms
   * @param pool the passages' lines and headings
   * @param names the question's decisive names
   */
  static List<Hit> focus(
      TermStatistics stats, LineScorer.Pool pool, List<QuestionAnalysis.Name> names) {
    List<QuestionAnalysis.Name> decisive =
        names.stream().filter(n -> n.terms().stream().anyMatch(stats::rare)).toList();
    if (decisive.isEmpty()) {
      return List.of();
    }
    List<Hit> out = new ArrayList<>();
    for (int r = 0; r < pool.hits.size(); r++) {
      Set<String> labels = new HashSet<>(pool.headings.get(r));
      for (Evidence.Line l : pool.passages.get(r)) {
        if (l.chrome()) {
          labels.addAll(l.terms());
        }
      }
      if (decisive.stream().allMatch(n -> n.foundIn(labels))) {
        out.add(pool.hits.get(r));
      }
    }
    return out;
  }

  /**
   * The concepts of a focused question that are not part of one of its decisive names ("ports",
   * "falling" of "the WebSockets talk: which ports did he recommend falling back through?"); all of
   * {@code concepts} when every one is part of a name ("what did Arnout Kazemier talk about?").
   */
  static List<QuestionAnalysis.Concept> beyondNames(
      List<QuestionAnalysis.Concept> concepts, List<QuestionAnalysis.Name> names) {
    List<QuestionAnalysis.Concept> beyond =
        concepts.stream()
            .filter(c -> names.stream().noneMatch(n -> n.terms().containsAll(c.terms())))
            .toList();
    return beyond.isEmpty() ? concepts : beyond;
  }
}
