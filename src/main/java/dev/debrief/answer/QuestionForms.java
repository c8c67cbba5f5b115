package dev.debrief.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of question {@link QuestionAnalyzer} recognises by their wording: a request for a
 * summary, for a number, for a person, for names of things, for a list, for a comparison. Each test
 * takes the question text (any string; never throws) and answers by pattern alone.
 */
final class QuestionForms {
  private QuestionForms() {}

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
          + " having compare compared comparing comparison versus vs both each from so up whole entire"
          + " call called calls describe described describes verdict verdicts opinion opinions"
          + " impression impressions overall worth folks ppl back reviewer reviewers writer writers rated rate guy guys dude ok okay other after";

  /**
   * Analyzed words that ask for a number, answered by any sentence with a digit. Attendance words
   * ("attended", "attendees") are not among them: a sentence that gives an attendance names its
   * people ("1500 attendees"), while any digit standing in for the word let "K8s 1.6 (just
   * released)" answer "how many people attended?" as fully as the attendance did (seed-dev, where
   * three sentences with version numbers followed the answer).
   */
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
          "big",
          "small");

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(?i)\\b(summar\\w*|overview|tl;?dr|gist|highlights?|takeaways?|executive|key points|main points|"
              + "big themes|themes|in a nutshell)\\b");
  private static final Pattern RECAP = Pattern.compile("(?i)\\brecap\\b");
  private static final Pattern RECAP_OF_REPORT =
      Pattern.compile("(?i)\\b(the|that|this|his|her|their|in|from)\\s+(\\S+\\s+){0,3}recap\\b");
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?i)\\b(how (many|much|long|fast|big|often|large|small|far|old|heavy|expensive|tall|high)"
              + "|what (share|percent\\w*|number|fraction|size)|stats?|statistics|figures|numbers|roughly|percentage)\\b");
  private static final Pattern WHO = Pattern.compile("(?i)(^|[^\\p{L}])who($|[^\\p{L}])");

  /**
   * "which talk", "what NormConf 2022 session", "which lightning talk": a question that wants a
   * talk named; up to three words between, none of them a verb or article ("what was the keynote
   * about?" asks what it said, not which one it was).
   */
  private static final Pattern TALK_WANTED =
      Pattern.compile(
          "(?i)\\b(?:which|what)\\s+(?:(?!(?:was|were|is|are|did|does|do|has|had|have|the|a|an)\\b)"
              + "[\\p{L}\\p{N}'’-]+\\s+){0,3}?(?:talks?|sessions?|presentations?|keynotes?|lectures?"
              + "|workshops?|tutorials?|panels?)\\b");

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
              + "|(?:what|which)\\s+(?:were|are)\\s+(?:the\\s+)?(?:[\\p{L}\\p{N}-]+\\s+){0,2}[\\p{L}]{3,}(?<!s)s\\b"
              + "|(?:list|name)\\s+(?:the|some|all|a\\s+few|two|three|four|five)\\b)");

  private static final Pattern COMPARE =
      Pattern.compile(
          "(?i)\\b(compare\\w*|comparison|versus|vs\\.?|difference\\w*|differ\\w*|both|each)\\b");

  /**
   * Whether {@code text} asks for a summary ("highlights", "tl;dr", a recap not "in the recap").
   */
  static boolean summaryWord(String text) {
    return SUMMARY.matcher(text).find()
        || RECAP.matcher(text).find() && !RECAP_OF_REPORT.matcher(text).find();
  }

  /** Whether the concept {@code surface} is itself a summary word (dropped from the subject). */
  static boolean isSummaryWord(String surface) {
    return SUMMARY.matcher(surface).find();
  }

  /** Whether {@code text} asks for a number ("how many", "stats", "what share"). */
  static boolean asksNumber(String text) {
    return NUMERIC.matcher(text).find();
  }

  /** "how many", "how much", a price, a cost or a fee: a question only a figure answers. */
  private static final Pattern AMOUNT =
      Pattern.compile("(?i)\\b(?:how\\s+(?:many|much)|prices?|priced|costs?|fees?)\\b");

  /** "how much", a price, a cost or a fee: the part of {@link #AMOUNT} answered by money. */
  private static final Pattern PRICE =
      Pattern.compile("(?i)\\b(?:how\\s+much|prices?|priced|costs?|fees?)\\b");

  /** Whether {@code text} asks for a price ({@link #PRICE}). */
  static boolean asksPrice(String text) {
    return PRICE.matcher(text).find();
  }

  /**
   * Whether {@code text} asks for an amount ({@link #AMOUNT}), which an answer without a figure
   * does not give ("how much was a ticket?" answered with "buy a ticket").
   */
  static boolean asksAmount(String text) {
    return AMOUNT.matcher(text).find();
  }

  /** "how many people", "how many ppl", "how many attendees": a count of people is asked. */
  private static final Pattern PEOPLE_COUNT =
      Pattern.compile(
          "(?i)\\bhow\\s+many\\s+(?:people|ppl|folks|persons|attendees|participants|visitors"
              + "|developers|devs|hackers|viewers|registrations|signups|sign-ups)\\b"
              + "|\\bhow\\s+many\\s+(?:\\S+\\s+){0,2}?(?:attended|came|showed\\s+up|turned\\s+up|registered|signed\\s+up)\\b");

  /** Whether {@code text} asks how many people came ({@link #PEOPLE_COUNT}). */
  static boolean asksPeopleCount(String text) {
    return PEOPLE_COUNT.matcher(text).find();
  }

  /** Whether {@code text} asks who. */
  static boolean asksWho(String text) {
    return WHO.matcher(text).find();
  }

  /** Whether {@code text} asks which talk something was ({@link QuestionAnalysis.Kind#TALK}). */
  static boolean asksTalk(String text) {
    return TALK_WANTED.matcher(text).find();
  }

  /** Whether {@code text} asks for names of things ({@link QuestionAnalysis.Kind#NAMES}). */
  static boolean asksNames(String text) {
    return NAMES_WANTED.matcher(text).find();
  }

  /** Whether {@code question} asks for several things ({@link QuestionAnalysis.Kind#LIST}). */
  static boolean asksForSeveral(String question) {
    return NAMES_WANTED.matcher(question).find() || LIST_WANTED.matcher(question).find();
  }

  /**
   * "what did Mark think of…", "Chris's take on…", "verdict", "opinion", "impressions", "how did
   * she like/find/rate…", "worth watching/it/going": what someone made of something.
   */
  private static final Pattern OPINION =
      Pattern.compile(
          "(?i)\\b(?:(?:what|how)\\s+did\\s+(?:[\\p{L}'’.-]+\\s+){1,3}?(?:think|feel|like|find|rate|make of)"
              + "|(?:[\\p{L}-]+['’]s|their|his|her|your)\\s+take\\s+on"
              + "|verdicts?|opinions?|impressions?|worth\\s+(?:it|watching|going|attending|seeing|the)"
              + "|^\\W*how\\s+(?:was|were|is|'s)\\s+(?:the|that|this|his|her|their)\\s+(?:[\\p{L}\\p{N}'’&.-]+\\s+){0,3}?"
              + "(?:party|parties|talks?|keynotes?|sessions?|conference|conf|workshops?|events?|trip|days?"
              + "|venue|food|expo|hackathon|meetups?|dinner|panels?|demos?|show|experience|tutorials?)\\b"
              + "|how\\s+did\\s+(?:the|that|this|it)\\s+(?:[\\p{L}'’.-]+\\s+){0,3}?go"
              + "|any\\s+good|(?:was|were)\\s+(?:it|that|this|they)\\s+(?:good|fun|useful|enjoyable|worthwhile)"
              + "|did\\s+(?:he|she|they|you|the\\s+author)\\s+(?:enjoy|like))\\b");

  /**
   * The words that ask for a verdict and name no subject ("any good", "was it fun"): the word
   * "good" in them is no concept, while in "good standards" it is.
   */
  private static final Pattern VERDICT_WORDS =
      Pattern.compile(
          "(?i)\\bany\\s+good\\b|\\b(?:was|were)\\s+(?:it|that|this|they)\\s+"
              + "(?:good|fun|useful|enjoyable|worthwhile)\\b");

  /** Whether the word at character {@code offset} of {@code text} is in {@link #VERDICT_WORDS}. */
  static boolean inVerdictWords(String text, int offset) {
    Matcher m = VERDICT_WORDS.matcher(text);
    while (m.find()) {
      if (offset >= m.start() && offset < m.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} asks what someone made of something ({@link
   * QuestionAnalysis.Kind#OPINION}).
   */
  static boolean asksOpinion(String text) {
    return OPINION.matcher(text).find();
  }

  /** Whether {@code text} words a comparison ("compare", "vs", "both"). */
  static boolean asksComparison(String text) {
    return COMPARE.matcher(text).find();
  }

  /**
   * {@code subject} for a question that asks for a number: a concept that itself asks for one
   * ("stats", "share", "attendance") is also answered by any sentence with a digit ({@link
   * LineTerms#NUMBER} as an alternative).
   */
  static List<QuestionAnalysis.Concept> withNumbers(List<QuestionAnalysis.Concept> subject) {
    List<QuestionAnalysis.Concept> out = new ArrayList<>();
    for (QuestionAnalysis.Concept c : subject) {
      if (NUMBER_WORDS.stream().anyMatch(c.terms()::contains)) {
        List<List<String>> alts = new ArrayList<>(c.alternatives());
        alts.add(List.of(LineTerms.NUMBER));
        out.add(new QuestionAnalysis.Concept(c.surface(), c.terms(), alts, c.weight()));
      } else {
        out.add(c);
      }
    }
    return out;
  }
}
