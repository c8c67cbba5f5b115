package dev.debrief.answer;

import dev.debrief.retrieve.TermStatistics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a question into a {@link QuestionAnalysis}: the events and editions it names (from the
 * library's own metadata, {@link EventCatalog}), the names and identifiers it spells, its subject
 * as weighted concepts with their equivalents ({@link Synonyms}), and what kind of answer it wants.
 *
 * <p>Subject words are the question's analyzed terms (the index's EnglishAnalyzer) minus the words
 * that frame a question about a report ("what did … say about", "talk", "keynote") and minus the
 * words that named an event ("NormConf 2022"): what is left is what the answer must be about. A
 * name is a run of capitalised words that does not open a sentence ("Joe Beda"), or a word with a
 * capital inside, a digit or a symbol ("eBPF", "P3691", "1.6"), that is not part of an event's
 * name.
 */
public final class QuestionAnalyzer {

  /**
   * Weight of the author as a concept: that of a term in a few percent of passages (IDF about 3).
   */
  static final double AUTHOR_WEIGHT = 3.0;

  private final TermStatistics stats;
  private final Synonyms synonyms;
  private final Supplier<EventCatalog> events;
  private final Set<String> frame;

  /**
   * @param stats the index's analyzer and IDF
   * @param synonyms equivalent words and phrases
   * @param events the library's events, read at each question (the library changes)
   */
  public QuestionAnalyzer(TermStatistics stats, Synonyms synonyms, Supplier<EventCatalog> events) {
    this.stats = stats;
    this.synonyms = synonyms;
    this.events = events;
    this.frame = new HashSet<>(stats.terms(QuestionForms.FRAME_WORDS, 1_000));
  }

  /** The analysis of {@code question} (any text; never throws). */
  public QuestionAnalysis analyze(String question) {
    String text = QuerySyntax.strip(question == null ? "" : question.strip());
    List<Words.Word> words = Words.of(text);
    EventCatalog.Mention mention = events.get().find(text);
    Set<Integer> eventWords = mention.positions();
    Map<String, QuestionAnalysis.Concept> concepts = new LinkedHashMap<>();
    Map<String, Integer> conceptAt = new LinkedHashMap<>();
    Set<Integer> done = new HashSet<>(eventWords);
    for (Synonyms.Match m : synonyms.find(words)) {
      if (overlaps(m.from(), m.to(), eventWords)) {
        continue;
      }
      List<String> terms = terms(words, m.from(), m.to());
      for (int i = m.from(); i < m.to(); i++) {
        done.add(i);
      }
      List<List<String>> alternatives = new ArrayList<>();
      for (String alt : m.alternatives()) {
        List<String> t = stats.terms(alt, 16);
        if (!t.isEmpty() && !t.equals(terms) && !frame.containsAll(t)) {
          alternatives.add(t);
        }
      }
      if (terms.isEmpty() || frame.containsAll(terms) && alternatives.isEmpty()) {
        continue; // "talk", "session": framing words with framing equivalents name no subject
      }
      String surface = surface(words, m.from(), m.to());
      concepts.putIfAbsent(
          String.join(" ", terms),
          new QuestionAnalysis.Concept(surface, terms, alternatives, weight(terms)));
      conceptAt.putIfAbsent(String.join(" ", terms), words.get(m.from()).start());
    }
    for (Words.Word w : words) {
      if (done.contains(w.position()) || QuestionForms.inVerdictWords(text, w.start())) {
        continue;
      }
      for (String t : stats.terms(w.text(), 8)) {
        if (frame.contains(t) || concepts.containsKey(t)) {
          continue;
        }
        List<List<String>> alternatives = new ArrayList<>();
        for (String variant : Synonyms.spellings(w.key())) {
          List<String> v = stats.terms(variant, 4);
          if (!v.isEmpty() && !v.contains(t)) {
            alternatives.add(v);
          }
        }
        concepts.put(
            t,
            new QuestionAnalysis.Concept(w.text(), List.of(t), alternatives, weight(List.of(t))));
        conceptAt.put(t, w.start());
      }
    }
    List<QuestionAnalysis.Name> names = names(words, eventWords);
    if (mention.author()) {
      // the author named ("did Logan …") speaks in the first person in their own report
      concepts.put(
          LineTerms.SELF,
          new QuestionAnalysis.Concept(
              "the author", List.of(LineTerms.SELF), List.of(), AUTHOR_WEIGHT));
    }
    Set<QuestionAnalysis.Kind> kinds = EnumSet.noneOf(QuestionAnalysis.Kind.class);
    boolean summaryWord = QuestionForms.summaryWord(text);
    List<QuestionAnalysis.Concept> subject = new ArrayList<>();
    for (QuestionAnalysis.Concept c : concepts.values()) {
      if (!(summaryWord && QuestionForms.isSummaryWord(c.surface()))) {
        subject.add(c);
      }
    }
    if (subject.isEmpty() && names.isEmpty() && !summaryWord && QuestionForms.asksNumber(text)) {
      // "how many people go to Meeting C++?": with every other word framing or naming the event,
      // the number
      // asked for is the subject
      subject.add(
          new QuestionAnalysis.Concept(
              "a number", List.of(LineTerms.NUMBER), List.of(), AUTHOR_WEIGHT));
    }
    if (summaryWord || subject.isEmpty() && names.isEmpty() && !mention.events().isEmpty()) {
      kinds.add(QuestionAnalysis.Kind.SUMMARY);
    }
    if (QuestionForms.asksWho(text)) {
      kinds.add(QuestionAnalysis.Kind.WHO);
    }
    if (QuestionForms.asksNumber(text)) {
      kinds.add(QuestionAnalysis.Kind.NUMBER);
      subject = QuestionForms.withNumbers(subject);
    }
    if (QuestionForms.asksTalk(text)) {
      kinds.add(QuestionAnalysis.Kind.TALK);
    }
    if (QuestionForms.asksOpinion(text)) {
      kinds.add(QuestionAnalysis.Kind.OPINION);
    }
    if (QuestionForms.asksNames(text)) {
      kinds.add(QuestionAnalysis.Kind.NAMES);
    }
    if (QuestionForms.asksForSeveral(text)) {
      kinds.add(QuestionAnalysis.Kind.LIST);
    }
    if (mention.events().size() >= 2 && QuestionForms.asksComparison(text)) {
      kinds.add(QuestionAnalysis.Kind.COMPARISON);
    }
    return new QuestionAnalysis(
        text, kinds, subject, names, mention, QuestionParts.of(text, concepts, conceptAt, subject));
  }

  /**
   * Runs of capitalised words that do not open a sentence, and single coined words or identifiers,
   * outside event names; each with its synonyms' terms as alternatives.
   */
  private List<QuestionAnalysis.Name> names(List<Words.Word> words, Set<Integer> eventWords) {
    List<QuestionAnalysis.Name> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Words.Word w = words.get(i);
      boolean starts = !eventWords.contains(i) && nameLike(w);
      if (!starts) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < words.size()
          && !eventWords.contains(j)
          && (words.get(j).capitalized()
              || words.get(j).numeric() && words.get(j - 1).capitalized())
          && !words.get(j).sentenceStart()) {
        j++;
      }
      List<String> terms = terms(words, i, j);
      if (!terms.isEmpty() && !frame.containsAll(terms)) {
        List<List<String>> alternatives = new ArrayList<>();
        for (Synonyms.Match m : synonyms.find(words.subList(i, j))) {
          for (String alt : m.alternatives()) {
            List<String> t = new ArrayList<>(terms);
            t.removeAll(terms(words, i + m.from(), i + m.to()));
            t.addAll(stats.terms(alt, 16));
            alternatives.add(t);
          }
        }
        out.add(new QuestionAnalysis.Name(surface(words, i, j), terms, alternatives));
      }
      i = j;
    }
    return out;
  }

  /**
   * A word that starts a name: capitalised but not opening a sentence, or coined, or an identifier.
   */
  private static boolean nameLike(Words.Word w) {
    if (w.text().length() < 2 && !w.hasDigit()) {
      return false;
    }
    if (w.numeric()) {
      return w.text().contains("."); // a version such as 1.6; bare counts are numbers, not names
    }
    return w.coined() || w.hasDigit() || w.capitalized() && !w.sentenceStart();
  }

  private List<String> terms(List<Words.Word> words, int from, int to) {
    List<String> terms = new ArrayList<>();
    for (int i = from; i < to; i++) {
      terms.addAll(stats.terms(words.get(i).text(), 8));
    }
    return terms;
  }

  private static String surface(List<Words.Word> words, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(words.get(i).text());
    }
    return b.toString();
  }

  private double weight(List<String> terms) {
    double w = 0;
    for (String t : terms) {
      w += stats.idf(t);
    }
    return w;
  }

  private static boolean overlaps(int from, int to, Set<Integer> positions) {
    for (int i = from; i < to; i++) {
      if (positions.contains(i)) {
        return true;
      }
    }
    return false;
  }
}
