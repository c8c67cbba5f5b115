package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import dev.debrief.model.Question;
import dev.debrief.model.SearchFilters;
import dev.debrief.model.Understanding;
import dev.debrief.retrieve.Retriever;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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
 * Questions longer than {@code maxQuestionChars} are cut. Never throws for user input.
 */
public final class AnswerService implements Answerer {
  /** The provider recorded on answers written here. */
  private static final Pattern REFERS_BACK =
      Pattern.compile(
          "(?i)\\b(?:(?:that|this|those|these|the same)\\s+"
              + "(?:talk|keynote|session|panel|speaker|report|one|section|part)|he|she|they|him|her|them|his|their|else|"
              + "other|others|more|too|also|again|it)\\b");

  private static final Pattern ELSE = Pattern.compile("(?i)\\b(else|other|others)\\b");

  /**
   * A follow-up that points at the place the earlier answer came from: it is answered from that
   * place only.
   */
  private static final Pattern THAT_PLACE =
      Pattern.compile(
          "(?i)\\b(?:that|this|the same)\\s+"
              + "(?:talk|keynote|session|panel|section|part|presentation|workshop|one)\\b");

  private static final Pattern MARKER = Pattern.compile("\\s*\\[\\d+]");

  /** Passages on either side of a cited one that a follow-up reads from the same section. */
  static final int SECTION_NEIGHBOURS = 3;

  private final Retriever retriever;
  private final AnswerComposer composer;
  private final QuestionAnalyzer analyzer;
  private final NameCheck names;
  private final int passages;
  private final int maxQuestionChars;

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

  private String cut(String text) {
    if (text.length() <= maxQuestionChars) {
      return text;
    }
    int cut = maxQuestionChars;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut);
  }

  Prepared prepare(Question q, int k) {
    QuestionAnalysis analysis = analyzer.analyze(q.text());
    String subject = q.text();
    List<String> said = List.of();
    boolean followUp =
        !q.history().isEmpty() && (analysis.vague() || REFERS_BACK.matcher(q.text()).find());
    if (followUp) {
      String previous = q.history().get(q.history().size() - 1);
      analysis = merge(analysis, analyzer.analyze(previous));
      subject = previous + "\n" + q.text();
      said = sentences(q.previous().answer());
    }
    SearchFilters filters = q.filters();
    EventCatalog.Mention mention = analysis.mention();
    List<String> terms = analysis.searchTerms();
    if (mention.absentEdition()) {
      List<Hit> closest =
          retriever.search(subject, terms, k, filters.withScope(reportsOf(mention.named())));
      boolean aboutEdition =
          analysis.concepts().isEmpty() || WHERE_OR_WHEN.matcher(q.text()).find();
      Answer mentioned = aboutEdition ? mentionOf(q, mention.asked(), closest) : null;
      if (mentioned == null && aboutEdition) {
        mentioned =
            mentionOf(
                q,
                mention.asked(),
                retriever.search(
                    mention.asked(),
                    analyzer.analyze(mention.asked()).searchTerms(),
                    k,
                    filters.withScope(reportsOf(mention.named()))));
      }
      if (mentioned != null) {
        return new Prepared(
            AnswerRequest.of(q, analysis, closest),
            mentioned,
            understood(analysis, filters, List.of(), List.of(), followUp));
      }
      String held =
          String.join("; ", mention.named().stream().map(EventCatalog.Event::name).toList());
      String text =
          Refusals.text(
              "I have no report from " + mention.asked() + "; the library has " + held + ".",
              Refusals.closestSections(closest, 3));
      Answer a =
          Answer.refusal(q.text(), text, Refusals.closestSections(closest, 3), closest.size());
      return new Prepared(
          AnswerRequest.of(q, analysis, closest),
          a,
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
    List<Hit> hits = retriever.search(subject, terms, k, filters);
    // an abbreviation the passages found spell out ("Journal of Open Source Software" for "JOSS")
    // is mentioned after all
    for (String surface : List.copyOf(missing)) {
      if (hits.stream().anyMatch(h -> Abbreviations.spelledOut(surface, h.text()))) {
        missing.remove(surface);
        found.add(surface);
      }
    }
    if (followUp && !q.previous().cited().isEmpty()) {
      hits =
          withSections(
              q.previous().cited(), THAT_PLACE.matcher(q.text()).find() ? List.of() : hits, k);
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
    if (!missing.isEmpty()) {
      String where =
          mention.events().isEmpty()
              ? "the reports"
              : "the "
                  + String.join(
                      " and ", mention.events().stream().map(EventCatalog.Event::name).toList())
                  + (mention.reportIds().size() == 1 ? " report" : " reports");
      if (!q.filters().since().isEmpty()) {
        where += " dated " + q.filters().since() + " or later";
      }
      StringBuilder lead =
          new StringBuilder("I found no mention of ")
              .append(String.join(" or ", missing))
              .append(" in ")
              .append(where)
              .append('.');
      if (!mention.events().isEmpty()) {
        for (QuestionAnalysis.Name n : analysis.names()) {
          if (missing.contains(n.surface())) {
            Set<String> elsewhere = eventsMentioning(n, q.filters());
            if (!elsewhere.isEmpty()) {
              lead.append(' ')
                  .append(n.surface())
                  .append(" appears in ")
                  .append(String.join("; ", elsewhere))
                  .append('.');
            }
          }
        }
      }
      List<Hit> closest = Refusals.closestSections(hits, 3);
      Answer a =
          Answer.refusal(q.text(), Refusals.text(lead.toString(), closest), closest, hits.size());
      return new Prepared(AnswerRequest.of(q, analysis, hits), a, understood);
    }
    // "who else …" asks for other people than the earlier answer named; "what else …" only for
    // other sentences
    List<String> avoid =
        followUp
                && analysis.kinds().contains(QuestionAnalysis.Kind.WHO)
                && ELSE.matcher(q.text()).find()
            ? people(q.previous().answer())
            : List.of();
    List<String> notAgain = new ArrayList<>(said);
    return new Prepared(
        new AnswerRequest(q, analysis, hits, subject, notAgain, avoid), null, understood);
  }

  /**
   * A follow-up's analysis: its own subject when it has one, else the earlier question's; events
   * likewise.
   */
  static QuestionAnalysis merge(QuestionAnalysis now, QuestionAnalysis before) {
    List<QuestionAnalysis.Concept> concepts =
        now.concepts().isEmpty() ? before.concepts() : now.concepts();
    List<QuestionAnalysis.Name> names = now.names().isEmpty() ? before.names() : now.names();
    EventCatalog.Mention mention =
        now.mention().named().isEmpty() ? before.mention() : now.mention();
    return new QuestionAnalysis(
        now.text(),
        now.kinds(),
        concepts,
        names,
        mention,
        now.concepts().isEmpty() ? before.parts() : now.parts());
  }

  /**
   * The cited passages and their neighbours in the same section, then the other hits (none for a
   * follow-up about "that keynote"); at most k + cited.
   */
  private List<Hit> withSections(List<String> cited, List<Hit> hits, int k) {
    List<Hit> citedHits = retriever.fetch(cited);
    List<String> around = new ArrayList<>();
    for (Hit h : citedHits) {
      int dash = h.passageId().lastIndexOf("-p");
      if (dash < 0) {
        continue;
      }
      try {
        int ordinal = Integer.parseInt(h.passageId().substring(dash + 2));
        for (int o = Math.max(0, ordinal - SECTION_NEIGHBOURS);
            o <= ordinal + SECTION_NEIGHBOURS;
            o++) {
          around.add(Passage.idOf(h.reportId(), o));
        }
      } catch (NumberFormatException e) {
        around.add(h.passageId());
      }
    }
    Set<String> anchors = new LinkedHashSet<>();
    citedHits.forEach(h -> anchors.add(h.reportId() + "#" + h.anchor()));
    Map<String, Hit> out = new LinkedHashMap<>();
    for (Hit h : retriever.fetch(around)) {
      if (anchors.contains(h.reportId() + "#" + h.anchor())) {
        out.putIfAbsent(h.passageId(), h);
      }
    }
    for (Hit h : hits) {
      if (out.size() >= k + cited.size()) {
        break;
      }
      out.putIfAbsent(h.passageId(), h);
    }
    return new ArrayList<>(out.values());
  }

  /** The events, other than those searched, whose reports mention {@code n}. */
  private Set<String> eventsMentioning(QuestionAnalysis.Name n, SearchFilters unscoped) {
    Set<String> out = new LinkedHashSet<>();
    if (!names.present(n, unscoped)) {
      return out;
    }
    for (Hit h : retriever.search(n.surface(), n.terms(), 5, unscoped)) {
      String text = (h.text() + " " + h.sectionLabel()).toLowerCase(Locale.ROOT);
      if (text.contains(n.surface().toLowerCase(Locale.ROOT).split("\\s+")[0])) {
        out.add(h.event().isEmpty() ? h.title() : h.event());
      }
    }
    return out;
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

  private static List<String> intersect(List<String> current, List<String> named) {
    if (current.isEmpty()) {
      return named;
    }
    List<String> out = new ArrayList<>(current);
    out.retainAll(named);
    return out.isEmpty()
        ? List.of("-")
        : out; // "-" matches no report: the two restrictions exclude each other
  }

  /** The sentences of an earlier answer, citation markers removed. */
  static List<String> sentences(String answer) {
    List<String> out = new ArrayList<>();
    for (Sentences.Span s : Sentences.split(MARKER.matcher(answer).replaceAll(""))) {
      out.add(s.text());
    }
    return out;
  }

  private static final Pattern PERSON =
      Pattern.compile("\\b(\\p{Lu}[\\p{Ll}’'\\-]+)(?:\\s+(\\p{Lu}[\\p{Ll}’'\\-]+))?");

  /**
   * First and last names of people an earlier answer named ("Aparna Sinha" gives "Aparna" and
   * "Sinha").
   */
  static List<String> people(String answer) {
    List<String> out = new ArrayList<>();
    var m = PERSON.matcher(MARKER.matcher(answer).replaceAll(""));
    while (m.find()) {
      if (m.group(2) != null) {
        out.add(m.group(1));
        out.add(m.group(2));
      }
    }
    return out;
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
