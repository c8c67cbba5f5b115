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
import java.util.regex.Pattern;

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
   * Words that frame a question about a report rather than name its subject (analyzed before use).
   */
  static final String FRAME_WORDS =
      "what which who whom whose how many much did does do doing done say said says"
          + " tell told mention mentioned mentions according talk talks talked speak spoke spoken speaking present"
          + " presented presenting presentation cover covered covers discuss discussed discussing give gave me main"
          + " point points big happen happened happening share shared people per he she they his her their him them"
          + " it its this that these those there event events conference conferences session sessions keynote"
          + " keynotes about more else again detail details explain elaborate go on continue report reports recap"
          + " write writeup notes author blogger post any anything something interesting thing things stuff actually"
          + " get got across make made take took think thought going quick refresher know was were be been being is"
          + " are am can could would should will i you we us our your one ones also just really kind sort like"
          + " roughly approximately around circa basically exactly quite very pretty lecture lectures tutorial"
          + " tutorials presenter presenters speaker speakers trip writeup where when why whether have has had"
          + " having compare compared comparing comparison versus vs both each";

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(?i)\\b(summar\\w*|overview|tl;?dr|gist|highlights?|takeaways?|executive|key points|main points|"
              + "big themes|themes|in a nutshell)\\b");
  private static final Pattern RECAP = Pattern.compile("(?i)\\brecap\\b");
  private static final Pattern RECAP_OF_REPORT =
      Pattern.compile("(?i)\\b(the|that|this|his|her|their|in|from)\\s+(\\S+\\s+){0,3}recap\\b");
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?i)\\b(how (many|much|long|fast|big|often|large)"
              + "|what (share|percent\\w*|number|fraction|size)|stats?|statistics|figures|numbers|roughly|percentage)\\b");
  private static final Pattern WHO = Pattern.compile("(?i)(^|[^\\p{L}])who($|[^\\p{L}])");

  /** "which companies", "what tools": a question that wants names of things. */
  private static final Pattern NAMES_WANTED =
      Pattern.compile(
          "(?i)\\b(which|what)\\s+(\\w+\\s+)?(companies|"
              + "vendors|tools|products|books|projects|libraries|frameworks|services|teams|speakers|people|startups|"
              + "sponsors|languages|databases)\\b");

  /**
   * A question after several things: "what stats were shared", "which new services did they
   * launch", "list the…", "name three…": a plural noun after "what"/"which" (within three words)
   * and then a verb, or a request to list or name.
   */
  private static final Pattern LIST_WANTED =
      Pattern.compile(
          "(?i)^\\W*(?:(?:what|which)\\s+(?:[\\p{L}\\p{N}/+.-]+\\s+){0,2}[\\p{L}]{3,}(?<!s)s\\s+"
              + "(?:were|are|did|do|does|have|had|got|was|is|came|stood|they)\\b"
              + "|(?:list|name)\\s+(?:the|some|all|a\\s+few|two|three|four|five)\\b)");

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
  static String withoutQuerySyntax(String question) {
    String t = EXCLUDED.matcher(question).replaceAll(" ");
    t = MARKS.matcher(t).replaceAll("");
    t = QUERY_SYNTAX.matcher(t).replaceAll(" , ");
    t = t.replaceAll("\\s+", " ").replaceAll("(?:\\s*,\\s*)+", ", ").strip();
    return t.replaceAll("^,\\s*|\\s*,$", "").replaceAll("\\s*,?\\s*([?.!])$", "$1").strip();
  }

  /** Whether {@code question} asks for several things ({@link QuestionAnalysis.Kind#LIST}). */
  static boolean asksForSeveral(String question) {
    return NAMES_WANTED.matcher(question).find() || LIST_WANTED.matcher(question).find();
  }

  /** Analyzed words that ask for a number, answered by any sentence with a digit. */
  private static final Set<String> NUMBER_WORDS =
      Set.of(
          "stat",
          "statist",
          "number",
          "figur",
          "share",
          "percent",
          "percentag",
          "size",
          "attend",
          "attende",
          "attendanc",
          "big");

  private static final Pattern COMPARE =
      Pattern.compile(
          "(?i)\\b(compare\\w*|comparison|versus|vs\\.?|difference\\w*|differ\\w*|both|each)\\b");

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
    this.frame = new HashSet<>(stats.terms(FRAME_WORDS, 1_000));
  }

  /** The analysis of {@code question} (any text; never throws). */
  public QuestionAnalysis analyze(String question) {
    String text = withoutQuerySyntax(question == null ? "" : question.strip());
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
      if (done.contains(w.position())) {
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
    boolean summaryWord =
        SUMMARY.matcher(text).find()
            || RECAP.matcher(text).find() && !RECAP_OF_REPORT.matcher(text).find();
    List<QuestionAnalysis.Concept> subject = new ArrayList<>();
    for (QuestionAnalysis.Concept c : concepts.values()) {
      if (!(summaryWord && SUMMARY.matcher(c.surface()).find())) {
        subject.add(c);
      }
    }
    if (subject.isEmpty() && names.isEmpty() && !summaryWord && NUMERIC.matcher(text).find()) {
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
    if (WHO.matcher(text).find()) {
      kinds.add(QuestionAnalysis.Kind.WHO);
    }
    if (NUMERIC.matcher(text).find()) {
      kinds.add(QuestionAnalysis.Kind.NUMBER);
      // "stats", "how many", "what share": any number in a sentence answers that part
      List<QuestionAnalysis.Concept> withNumbers = new ArrayList<>();
      for (QuestionAnalysis.Concept c : subject) {
        boolean asksNumber = NUMBER_WORDS.stream().anyMatch(c.terms()::contains);
        if (asksNumber) {
          List<List<String>> alts = new ArrayList<>(c.alternatives());
          alts.add(List.of(LineTerms.NUMBER));
          withNumbers.add(new QuestionAnalysis.Concept(c.surface(), c.terms(), alts, c.weight()));
        } else {
          withNumbers.add(c);
        }
      }
      subject = withNumbers;
    }
    if (NAMES_WANTED.matcher(text).find()) {
      kinds.add(QuestionAnalysis.Kind.NAMES);
    }
    if (asksForSeveral(text)) {
      kinds.add(QuestionAnalysis.Kind.LIST);
    }
    if (mention.events().size() >= 2 && COMPARE.matcher(text).find()) {
      kinds.add(QuestionAnalysis.Kind.COMPARISON);
    }
    return new QuestionAnalysis(
        text, kinds, subject, names, mention, parts(text, concepts, conceptAt, subject));
  }

  /**
   * Where a question asks a further question: after a "?" with more text, or at ", and what|how|…".
   */
  private static final Pattern PART_BREAK =
      Pattern.compile(
          "\\?\\s+(?=\\S)|,?\\s+and\\s+(?=(?:what|how|which|who|why|where|when|did|does|do|is|was|were|would|will)\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The questions asked together, each with the concepts typed in it; empty when only one has a
   * subject.
   */
  private static List<QuestionAnalysis.Part> parts(
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
    List<QuestionAnalysis.Part> parts = new ArrayList<>();
    int from = 0;
    for (int b : breaks) {
      List<QuestionAnalysis.Concept> mine = new ArrayList<>();
      for (Map.Entry<String, QuestionAnalysis.Concept> e : concepts.entrySet()) {
        int pos = at.getOrDefault(e.getKey(), -1);
        if (pos >= from && pos < b && subject.contains(e.getValue())) {
          mine.add(e.getValue());
        }
      }
      if (!mine.isEmpty()) {
        parts.add(
            new QuestionAnalysis.Part(
                text.substring(from, Math.min(b, text.length())).strip(), mine));
      }
      from = b;
    }
    return parts.size() >= 2 ? parts : List.of();
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
