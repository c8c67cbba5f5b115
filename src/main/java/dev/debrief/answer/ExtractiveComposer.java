package dev.debrief.answer;

import dev.debrief.model.Answer;
import dev.debrief.model.AnswerProvider;
import dev.debrief.model.Hit;
import dev.debrief.model.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline answer: quotes the sentences of the retrieved passages that answer the question, each
 * followed by its citation, or says honestly that the reports do not cover it.
 *
 * <p>The question is read by {@link QuestionAnalyzer}; {@link EvidenceSelector} chooses one
 * contiguous stretch of the best passage (and a second only for a part of the question the first
 * leaves out, or one per event for a comparison); {@link RefusalPolicy} decides whether that
 * evidence is enough; {@link AnswerWriter} writes it with its citations. At most {@code
 * maxSentences} sentences, fewer when relevance drops.
 */
public final class ExtractiveComposer implements AnswerComposer {
  /** The provider recorded on answers written here. */
  private static final String EXTRACTIVE = AnswerProvider.EXTRACTIVE.id();

  private static final Logger LOG = LoggerFactory.getLogger(ExtractiveComposer.class);

  /**
   * Said to a question that points back ("and what did she say after that?") with no earlier answer
   * to follow: outside a thread there is nothing it can refer to.
   */
  public static final String NO_CONTEXT =
      "I can't tell what that refers to: there is no earlier answer here to follow up. Ask again"
          + " with the talk, speaker or event you mean, or ask in the thread of the answer you are"
          + " following up.";

  /** Said when a question names nothing to look for and has no conversation to take it from. */
  public static final String NO_SUBJECT =
      "What should I look for? Name a talk, a speaker, a product or a topic,"
          + " e.g. “what did the keynote say about Kubernetes 1.33?”.";

  /** Said when retrieval found nothing at all. */
  public static final String NOTHING_FOUND = "I couldn't find anything about that in the reports.";

  /** The refusal when an amount is asked and the passages that answer best give no figure. */
  public static final String NO_FIGURE =
      "The reports don't give that figure, as far as I can tell.";

  private final QuestionAnalyzer analyzer;
  private final EvidenceSelector selector;
  private final RefusalPolicy policy;
  private final AnswerWriter writer;
  private final int maxSentences;

  /**
   * @param analyzer reads questions (for {@link #compose(Question, List)}, which gets no analysis)
   * @param selector chooses the evidence
   * @param policy decides when to refuse
   * @param writer writes the answer
   * @param maxSentences at most this many sentences (at least 1)
   */
  public ExtractiveComposer(
      QuestionAnalyzer analyzer,
      EvidenceSelector selector,
      RefusalPolicy policy,
      AnswerWriter writer,
      int maxSentences) {
    this.analyzer = analyzer;
    this.selector = selector;
    this.policy = policy;
    this.writer = writer;
    this.maxSentences = Math.max(1, maxSentences);
  }

  @Override
  public Answer compose(Question question, List<Hit> hits) {
    return compose(AnswerRequest.of(question, analyzer.analyze(question.text()), hits));
  }

  /** The answer with the evidence it was judged on. */
  public record Result(Answer answer, EvidenceSelector.Selection selection) {}

  @Override
  public Answer compose(AnswerRequest request) {
    return composeWithEvidence(request).answer();
  }

  /**
   * Like {@link #compose(AnswerRequest)}, also returning what the selector chose (for calibration).
   */
  public Result composeWithEvidence(AnswerRequest request) {
    String q = request.question().text().strip();
    QuestionAnalysis analysis = request.analysis();
    List<Hit> hits = request.hits();
    if (hits.isEmpty()) {
      return new Result(refusal(q, hits, NOTHING_FOUND), null);
    }
    if (analysis.vague()) {
      String why =
          request.question().history().isEmpty() && Conversation.refersBack(q)
              ? NO_CONTEXT
              : NO_SUBJECT;
      return new Result(Answer.refusal(q, why, List.of(), hits.size()), null);
    }
    List<Hit> pool =
        analysis.summary() && analysis.mention().events().size() <= 1 ? dominantReport(hits) : hits;
    Set<String> said = EvidenceSelector.normals(request.said());
    List<Pattern> avoid =
        request.avoid().stream()
            .map(n -> Pattern.compile("\\b" + Pattern.quote(n) + "\\b"))
            .toList();
    EvidenceSelector.Selection sel =
        selector.select(
            analysis,
            request.subject(),
            pool,
            maxSentences,
            line ->
                said.contains(EvidenceSelector.normal(line.text()))
                    || avoid.stream().anyMatch(p -> p.matcher(line.text()).find()));
    if (LOG.isDebugEnabled() && sel.best() != null) {
      explain(q, analysis, sel);
    }
    if (policy.refuse(sel, analysis.summary())) {
      return new Result(refusal(q, hits, null), sel);
    }
    if (FigureCheck.noFigure(
        q, sel.stretches().stream().flatMap(st -> st.lines().stream()).toList(), hits)) {
      // "how much was a ticket?" answered with "buy a ticket": no passage found gives a figure
      return new Result(refusal(q, hits, NO_FIGURE), sel);
    }
    List<String> labels = null;
    if (analysis.kinds().contains(QuestionAnalysis.Kind.COMPARISON) && sel.stretches().size() > 1) {
      labels = new ArrayList<>();
      for (Evidence.Stretch s : sel.stretches()) {
        labels.add(s.hit().event().isEmpty() ? s.hit().title() : s.hit().event());
      }
    }
    AnswerWriter.Written w = writer.write(sel.stretches(), labels);
    if (w.text().isBlank()) {
      return new Result(refusal(q, hits, null), sel);
    }
    return new Result(
        new Answer(
            q, w.text(), true, w.citations(), List.of(), EXTRACTIVE, "", false, 0, hits.size()),
        sel);
  }

  /**
   * Logs, at DEBUG, how the question was read and what the selector scored (one line for the best
   * sentence, one for the analysis, one per ranked sentence), for calibration: enable with {@code
   * -Dorg.slf4j.simpleLogger.log.dev.debrief.answer.ExtractiveComposer=debug}.
   */
  private void explain(String q, QuestionAnalysis analysis, EvidenceSelector.Selection sel) {
    LOG.debug(
        String.format(
            "TRACE %s | cov=%.2f anchorCov=%.2f sim=%.3f lex=%.2f rel=%.2f score=%.3f refuse=%s | %s",
            q,
            sel.coverage(),
            sel.anchorCover(),
            sel.best().similarity(),
            sel.best().lexical(),
            sel.best().relevance(),
            sel.best().score(),
            policy.refuse(sel, analysis.summary()),
            sel.best().line().text()));
    LOG.debug(
        String.format(
            "TRACE-A %s | concepts=%s names=%s kinds=%s parts=%s",
            q,
            analysis.concepts().stream()
                .map(
                    c ->
                        c.terms()
                            + (c.alternatives().isEmpty() ? "" : "~" + c.alternatives())
                            + String.format("/%.1f", c.weight()))
                .toList(),
            analysis.names().stream().map(QuestionAnalysis.Name::surface).toList(),
            analysis.kinds(),
            analysis.parts().stream().map(QuestionAnalysis.Part::text).toList()));
    for (Evidence.Scored s : sel.ranked()) {
      LOG.debug(
          String.format(
              "TRACE-L %s | %.3f sim=%.3f lex=%.2f rel=%.2f | %s",
              q,
              s.score(),
              s.similarity(),
              s.lexical(),
              s.relevance(),
              s.line().text().replace('\n', ' ')));
    }
  }

  private static Answer refusal(String q, List<Hit> hits, String lead) {
    List<Hit> closest = Refusals.closestSections(hits, 3);
    String text = Refusals.text(lead != null ? lead : Refusals.NOT_COVERED, closest);
    return Answer.refusal(q, text, closest, hits.size());
  }

  /**
   * The hits of the report that dominates them (by reciprocal rank): an overview is of one report.
   */
  private static List<Hit> dominantReport(List<Hit> hits) {
    Map<String, Double> weight = new HashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      weight.merge(hits.get(i).reportId(), 1.0 / (1 + i), Double::sum);
    }
    String top =
        weight.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElseThrow();
    return hits.stream().filter(h -> h.reportId().equals(top)).toList();
  }
}
