package dev.debrief.answer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The questions asked together in one message ("who gave the keynote, and what did she announce?"):
 * each part with the concepts typed in it, so that an answer leaves room for every part.
 */
final class QuestionParts {
  private QuestionParts() {}

  /**
   * Where a question asks a further question: after a "?" with more text, or at ", and what|how|…".
   */
  private static final Pattern PART_BREAK =
      Pattern.compile(
          "\\?\\s+(?=\\S)|,?\\s+and\\s+(?=(?:what|how|which|who|why|where|when|did|does|do|is|was|were|would|will)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The questions asked together, each with the concepts typed in it (none for a part that asks for
   * an overview); empty when fewer than two are asked or none has a subject.
   */
  static List<QuestionAnalysis.Part> of(
      String text,
      Map<String, QuestionAnalysis.Concept> concepts,
      Map<String, Integer> at,
      List<QuestionAnalysis.Concept> subject) {
    List<Integer> breaks = new ArrayList<>();
    var m = PART_BREAK.matcher(text);
    while (m.find()) {
      breaks.add(m.end());
    }
    if (breaks.isEmpty()) {
      return List.of();
    }
    breaks.add(text.length() + 1);
    // the subject's concepts by their terms: a number question's concepts gain an alternative
    // ({@link QuestionForms#withNumbers}), so they are no longer equal to the ones typed
    Map<List<String>, QuestionAnalysis.Concept> ofSubject = new HashMap<>();
    subject.forEach(c -> ofSubject.put(c.terms(), c));
    List<QuestionAnalysis.Part> parts = new ArrayList<>();
    int from = 0;
    for (int b : breaks) {
      List<QuestionAnalysis.Concept> mine = new ArrayList<>();
      for (Map.Entry<String, QuestionAnalysis.Concept> e : concepts.entrySet()) {
        int pos = at.getOrDefault(e.getKey(), -1);
        QuestionAnalysis.Concept c = ofSubject.get(e.getValue().terms());
        if (pos >= from && pos < b && c != null) {
          mine.add(c);
        }
      }
      String said = text.substring(from, Math.min(b, text.length())).strip();
      if (!mine.isEmpty() || QuestionForms.summaryWord(said)) {
        parts.add(new QuestionAnalysis.Part(said, mine));
      }
      from = b;
    }
    long specific = parts.stream().filter(p -> !p.overview()).count();
    return parts.size() >= 2 && specific >= 1 ? parts : List.of();
  }
}
