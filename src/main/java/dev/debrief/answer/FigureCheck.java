package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Whether a question that asks for an amount ({@link QuestionForms#asksAmount}: how many, how much,
 * a price, a cost, a fee) or a head count ({@link QuestionForms#asksPeopleCount}) has no answer in
 * the passages found: none of the sentences chosen gives a figure (for a head count, a figure next
 * to a word for people), and no sentence of the retrieved passages gives one either (a price: an
 * amount of money; a head count: {@link LineTerms#countsPeople}; any other count: a numeral the
 * question does not hold). Then the honest answer is that the reports do not give it; when some
 * passage does give one, the answer is composed as usual.
 */
final class FigureCheck {
  private FigureCheck() {}

  /** An amount of money: a currency sign or word next to nothing in particular, or "free". */
  private static final Pattern MONEY =
      Pattern.compile(
          "[$€£¥]\\s?\\d|\\d\\s?[$€£¥]|(?i)\\b(?:\\d[\\d,.]*\\s*(?:k\\s*)?(?:usd|eur|gbp|dollars?"
              + "|euros?|pounds?|bucks)|free)\\b");

  /**
   * True when {@code question} asks for an amount and neither {@code chosen} nor {@code hits} give
   * one.
   *
   * @param question the question's text
   * @param chosen the lines the answer would quote
   * @param hits the passages retrieved for it
   */
  static boolean noFigure(String question, List<Evidence.Line> chosen, List<Hit> hits) {
    boolean people = QuestionForms.asksPeopleCount(question);
    if (!people && !QuestionForms.asksAmount(question)) {
      return false;
    }
    Predicate<String> inChosen = people ? LineTerms::countsPeople : LineTerms::holdsFigure;
    if (chosen.stream().anyMatch(l -> inChosen.test(l.text()))) {
      return false;
    }
    Set<String> given = LineTerms.numerals(question);
    Predicate<String> inHits =
        people
            ? LineTerms::countsPeople
            : QuestionForms.asksPrice(question)
                ? s -> MONEY.matcher(s).find()
                : s ->
                    !given.containsAll(LineTerms.numerals(s))
                        || LineTerms.holdsFigure(s) && LineTerms.numerals(s).isEmpty();
    for (Hit h : hits) {
      for (Sentences.Span s : Sentences.split(h.text())) {
        if (inHits.test(s.text())) {
          return false;
        }
      }
    }
    return true;
  }
}
