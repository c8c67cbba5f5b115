package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.Retriever;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The answer to a question that names an edition the library does not hold ("re:Invent 2021"): what
 * another edition's report says of it when the question is about the edition itself, else "I have
 * no report from re:Invent 2021; the library has re:Invent 2023." and the closest sections of the
 * editions held.
 */
final class AbsentEdition {

  private final Retriever retriever;
  private final QuestionAnalyzer analyzer;

  /**
   * @param retriever searches the editions held
   * @param analyzer reads the edition's name as a query of its own
   */
  AbsentEdition(Retriever retriever, QuestionAnalyzer analyzer) {
    this.retriever = retriever;
    this.analyzer = analyzer;
  }

  /**
   * The reply and the hits it came from.
   *
   * @param answer never null
   * @param closest the passages of the editions held closest to the question
   */
  record Reply(Answer answer, List<Hit> closest) {}

  /**
   * Answers {@code q}, whose {@code analysis} names an absent edition.
   *
   * @param subject the text searched (the question, with the earlier one for a follow-up)
   * @param k passages retrieved
   * @param filters the asker's filters; the scope is replaced by the editions held
   */
  Reply answer(
      Question q, QuestionAnalysis analysis, String subject, int k, SearchFilters filters) {
    EventCatalog.Mention mention = analysis.mention();
    SearchFilters held = filters.withScope(reportsOf(mention.named()));
    List<Hit> closest = retriever.search(subject, analysis.searchTerms(), k, held);
    boolean aboutEdition = analysis.concepts().isEmpty() || WHERE_OR_WHEN.matcher(q.text()).find();
    Answer mentioned = aboutEdition ? mentionOf(q, mention.asked(), closest) : null;
    if (mentioned == null && aboutEdition) {
      mentioned =
          mentionOf(
              q,
              mention.asked(),
              retriever.search(
                  mention.asked(), analyzer.analyze(mention.asked()).searchTerms(), k, held));
    }
    if (mentioned != null) {
      return new Reply(mentioned, closest);
    }
    String names =
        String.join("; ", mention.named().stream().map(EventCatalog.Event::name).toList());
    List<Hit> sections = Refusals.closestSections(closest, Refusals.CLOSEST);
    String text =
        Refusals.text(
            "I have no report from " + mention.asked() + "; the library has " + names + ".",
            sections);
    return new Reply(Answer.refusal(q.text(), text, sections, closest.size()), closest);
  }

  /**
   * A question about an edition itself (where or when it is): what another edition's report says of
   * it may answer that, and nothing about its talks.
   */
  static final Pattern WHERE_OR_WHEN =
      Pattern.compile("(?i)\\b(where|when|which city|location|venue|dates?|held)\\b");

  /** Most sentences quoted from other reports that speak of an absent edition. */
  static final int MENTIONS_QUOTED = 2;

  /**
   * The answer to a question about an edition the library lacks when another edition's report
   * speaks of it ("ICML 2016 is in NYC next year"): "I have no report from ICML 2016; the report
   * “…” mentions it:" and the sentences of {@code hits} that name {@code asked} (compared on
   * letters and digits only), cited; null when none does.
   */
  static Answer mentionOf(Question q, String asked, List<Hit> hits) {
    String needle = " " + lettersAndDigits(asked) + " ";
    StringBuilder text = new StringBuilder();
    List<Citation> citations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Hit h : hits) {
      for (Sentences.Span sentence : Sentences.split(h.text())) {
        String normal = " " + lettersAndDigits(sentence.text()) + " ";
        if (citations.size() >= MENTIONS_QUOTED || !normal.contains(needle) || !seen.add(normal)) {
          continue;
        }
        if (citations.isEmpty()) {
          text.append("I have no report from ")
              .append(asked)
              .append("; the report “")
              .append(h.title())
              .append("” mentions it:");
        }
        int n = citations.size() + 1;
        citations.add(
            new Citation(
                n, h.reportId(), h.title(), h.sectionLabel(), h.url(), h.passageId(), h.text()));
        text.append(' ').append(AnswerWriter.cite(sentence.text(), n));
      }
    }
    return citations.isEmpty()
        ? null
        : new Answer(
            q.text(),
            text.toString(),
            true,
            citations,
            List.of(),
            AnswerProvider.EXTRACTIVE.id(),
            "",
            false,
            0,
            hits.size());
  }

  private static String lettersAndDigits(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static List<String> reportsOf(List<EventCatalog.Event> events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.addAll(e.reportIds()));
    return ids;
  }
}
