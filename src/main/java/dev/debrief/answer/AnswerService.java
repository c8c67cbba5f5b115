package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.model.Understanding;
import dev.debrief.retrieve.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Answers a question: reads it ({@link QuestionAnalyzer}), decides where to look, retrieves, and
 * hands the passages to an {@link AnswerComposer}.
 *
 * <ul>
 *   <li>A named event the library holds limits the search to its reports; a named edition it does
 *       not hold ("re:Invent 2021") is answered with what it does hold and the closest sections.
 *   <li>A name the question spells (a person, a product, a version) that the searched reports never
 *       mention is answered with exactly that, and where else the library mentions it.
 *   <li>A follow-up in a conversation ("who else spoke at that keynote?", "tell me more") is
 *       searched with the previous question, the sections the previous answer cited come first, and
 *       what that answer said is not said again.
 * </ul>
 *
 * Questions longer than {@code maxQuestionChars} keep their end. Never throws for user input.
 */
public final class AnswerService implements Answerer {

  private final Retriever retriever;
  private final AnswerComposer composer;
  private final QuestionAnalyzer analyzer;
  private final NameCheck names;
  private final int passages;
  private final int maxQuestionChars;
  private final Conversation conversation;
  private final AbsentEdition absentEdition;
  private final AbsentNames absentNames;

  /**
   * @param retriever finds passages
   * @param composer writes the answer
   * @param analyzer reads questions
   * @param names checks that named people and things are in the searched reports
   * @param passages passages handed to the composer
   * @param maxQuestionChars longer questions are cut to this many characters
   */
  public AnswerService(
      Retriever retriever,
      AnswerComposer composer,
      QuestionAnalyzer analyzer,
      NameCheck names,
      int passages,
      int maxQuestionChars) {
    this.retriever = retriever;
    this.composer = composer;
    this.analyzer = analyzer;
    this.names = names;
    this.passages = passages;
    this.maxQuestionChars = maxQuestionChars;
    this.conversation = new Conversation(retriever);
    this.absentEdition = new AbsentEdition(retriever, analyzer);
    this.absentNames = new AbsentNames(retriever, names);
  }

  /**
   * Where a question is searched and what is known before composing.
   *
   * @param request what a composer answers from
   * @param answer an answer given without composing (an absent edition or name), or null
   * @param understood how the question was understood
   */
  record Prepared(AnswerRequest request, Answer answer, Understanding understood) {}

  @Override
  public Answer answer(Question question) {
    return answer(question, null);
  }

  @Override
  public Answer answer(Question question, Consumer<String> draft) {
    String text = cut(question.text().strip());
    Question q = question.withText(text);
    if (!text.codePoints().anyMatch(Character::isLetterOrDigit)) {
      return Answer.refusal(
          text.isEmpty() ? "(empty)" : text,
          "Ask me a question about the event reports, e.g. “what did the keynote announce?”.",
          List.of(),
          0);
    }
    Prepared p = prepare(q, passages);
    if (p.answer() != null) {
      return p.answer().withUnderstanding(p.understood());
    }
    AnswerRequest r = p.request();
    Answer a =
        draft != null && composer instanceof StreamingComposer streaming
            ? streaming.composeStreaming(r, draft)
            : composer.compose(r);
    return a.withUnderstanding(p.understood());
  }

  /**
   * The passages an answer to {@code question} would be composed from (for evaluation: recall@k as
   * the answers see it).
   */
  public List<Hit> retrieve(Question question, int k) {
    return prepare(question.withText(cut(question.text().strip())), k).request().hits();
  }

  /**
   * What a question longer than {@code maxQuestionChars} asks: a long paste is context followed by
   * the question, so its last sentence that asks something ("…Anyway: who filled in for the
   * keynote?", {@link LongQuestion#asked}), else its last {@code maxQuestionChars} from a word's
   * start ({@link LongQuestion#wordStart}).
   */
  private String cut(String text) {
    if (text.length() <= maxQuestionChars) {
      return text;
    }
    String asked = LongQuestion.asked(text, maxQuestionChars);
    if (asked != null) {
      return asked;
    }
    int start = text.length() - maxQuestionChars;
    if (Character.isLowSurrogate(text.charAt(start))) {
      start++;
    }
    return text.substring(LongQuestion.wordStart(text, start));
  }

  Prepared prepare(Question q, int k) {
    QuestionAnalysis analysis = analyzer.analyze(q.text());
    String subject = q.text();
    List<String> said = List.of();
    boolean followUp = Conversation.followsUp(q, analysis);
    if (followUp) {
      String previous = q.history().get(q.history().size() - 1);
      analysis = Conversation.merge(analysis, analyzer.analyze(previous));
      subject = previous + "\n" + q.text();
      said = Conversation.sentences(q.previous().answer());
    }
    SearchFilters filters = q.filters();
    EventCatalog.Mention mention = analysis.mention();
    if (mention.absentEdition()) {
      AbsentEdition.Reply reply = absentEdition.answer(q, analysis, subject, k, filters);
      return new Prepared(
          AnswerRequest.of(q, analysis, reply.closest()),
          reply.answer(),
          understood(analysis, filters, List.of(), List.of(), followUp));
    }
    if (!mention.events().isEmpty()) {
      filters = filters.withScope(intersect(filters.scope(), mention.reportIds()));
    }
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (QuestionAnalysis.Name n : analysis.names()) {
      if (!n.decisive()) {
        continue;
      }
      (names.present(n, filters) ? found : missing).add(n.surface());
    }
    List<Hit> hits =
        analysis.kinds().contains(QuestionAnalysis.Kind.COMPARISON) && mention.events().size() >= 2
            ? new ComparisonSearch(retriever)
                .search(subject, analysis.searchTerms(), k, q.filters(), mention.events())
            : retriever.search(subject, analysis.searchTerms(), k, filters);
    // an abbreviation the passages found spell out ("Journal of Open Source Software" for "JOSS"),
    // or a paper they cite by revision ("P2079R8" for "P2079"), is mentioned after all
    for (String surface : List.copyOf(missing)) {
      if (hits.stream()
          .anyMatch(
              h ->
                  Abbreviations.spelledOut(surface, h.text())
                      || NameCheck.revisionIn(surface, h.text()))) {
        missing.remove(surface);
        found.add(surface);
      }
    }
    if (followUp && !q.previous().cited().isEmpty()) {
      hits =
          conversation.withSections(
              q.previous().cited(), Conversation.pointsAtThatPlace(q.text()) ? List.of() : hits, k);
    }
    Understanding understood = understood(analysis, filters, found, missing, followUp);
    if (hits.isEmpty() && !q.filters().since().isEmpty()) {
      // the date filter, not the question, left nothing to search: say so
      Answer a =
          Answer.refusal(
              q.text(),
              "No passage of a report dated "
                  + q.filters().since()
                  + " or later matches that. Ask without the date filter, or with an earlier"
                  + " date.",
              List.of(),
              0);
      return new Prepared(AnswerRequest.of(q, analysis, hits), a, understood);
    }
    String otherDay = EventDays.notCovered(q.text(), mention);
    if (otherDay != null) {
      List<Hit> sections = Refusals.closestSections(hits, Refusals.CLOSEST);
      return new Prepared(
          AnswerRequest.of(q, analysis, hits),
          Answer.refusal(q.text(), Refusals.text(otherDay, sections), sections, hits.size()),
          understood);
    }
    if (!missing.isEmpty()) {
      return new Prepared(
          AnswerRequest.of(q, analysis, hits),
          absentNames.refusal(q, analysis, missing, hits),
          understood);
    }
    // "who else …" asks for other people than the earlier answer named; "what else …" only for
    // other sentences
    List<String> avoid =
        followUp
                && analysis.kinds().contains(QuestionAnalysis.Kind.WHO)
                && Conversation.asksForOthers(q.text())
            ? Conversation.people(q.previous().answer())
            : List.of();
    List<String> notAgain = new ArrayList<>(said);
    return new Prepared(
        new AnswerRequest(q, analysis, hits, subject, notAgain, avoid), null, understood);
  }

  static List<String> intersect(List<String> current, List<String> named) {
    if (current.isEmpty()) {
      return named;
    }
    List<String> out = new ArrayList<>(current);
    out.retainAll(named);
    return out.isEmpty()
        ? List.of("-")
        : out; // "-" matches no report: the two restrictions exclude each other
  }

  private static Understanding understood(
      QuestionAnalysis a,
      SearchFilters filters,
      List<String> found,
      List<String> missing,
      boolean followUp) {
    List<String> kinds = new ArrayList<>();
    a.kinds().forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    if (followUp) {
      kinds.add("follow-up");
    }
    return new Understanding(
        a.mention().events().stream().map(EventCatalog.Event::name).toList(),
        a.mention().asked(),
        filters.scope(),
        found,
        missing,
        a.concepts().stream().map(QuestionAnalysis.Concept::surface).toList(),
        kinds);
  }
}
