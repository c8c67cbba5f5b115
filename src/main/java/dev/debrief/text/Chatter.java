package dev.debrief.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chatter: sentences a trip report carries that say nothing about the event's content when read by
 * someone else — remarks to the reader ("take it or leave it", "drop me a comment"), remarks about
 * the write-up itself ("these are raw notes"), thanks, emoticons and interjections, the author's
 * own logistics (coffee, flights, hotel), the author's diary ("I went to…", "I was stunned…") and
 * verdicts with no subject matter ("always very dense and useful", "I enjoyed it a lot").
 */
public final class Chatter {
  private Chatter() {}

  /** Why a sentence is chatter, for reports; {@link #NONE} when it is not. */
  public enum Kind {
    NONE,
    READER,
    WRITE_UP,
    THANKS,
    EMOTICON,
    LOGISTICS,
    DIARY,
    VERDICT_ONLY,
    FIRST_PERSON_ONLY
  }

  private static final Pattern READER =
      Pattern.compile(
          "(?i)\\b(?:take it or leave it|drop me (?:a|an)\\b|"
              + "leave (?:me )?a comment|let me know|stay tuned|see you (?:next|there|at|in)|thanks? (?:you )?for reading|"
              + "feel free to|hope you (?:enjoy|like|find)|if you(?:['’]re| are) (?:looking|interested|wondering|curious)|"
              + "don['’]t forget|subscribe to|follow me|you can find me|ping me|hit me up|your (?:personal )?favou?rite|"
              + "if you (?:want|wish|would like|['’]d like) to|you should (?:listen|watch|read|check|go|see|try)|"
              + "make sure (?:you|to) (?:check|watch|read|see|listen)|if you['’]?(?:re| are) (?:reading|interes+ted)|"
              + "if you haven['’]t (?:already|yet)|you can also (?:read|watch|see|find|check))\\b");
  private static final Pattern WRITE_UP =
      Pattern.compile(
          "(?i)\\b(?:(?:this|my|these|the following|this little) "
              + "(?:blog ?post|post|write-?up|recap|article|report|notes|piece|entry|series)|piece of art|"
              + "(?:raw|disorganized|disorganised|loose|rough|scattered|messy|quick) notes|trip reports?|"
              + "open[- ]sourcing my|as promised|in this post|(?:will|to) (?:insert|add|update) (?:the )?(?:name|link|later))\\b");
  private static final Pattern THANKS =
      Pattern.compile(
          "(?i)^(?:thanks|thank you|many thanks|kudos|shout-?outs?|"
              + "congrat\\w*|cheers|hats off)\\b");
  private static final Pattern EMOTICON =
      Pattern.compile(
          "(?:^|\\s)(?:[:;=8][-']?[)(DPpOo/\\\\|\\]\\[]|<3|\\^_?\\^|xD)"
              + "(?=\\s|$|[.,!])|(?i)\\b(?:lol|lmao|rofl|yay|haha\\w*|omg|wtf|meh|ugh|woo+|yikes|phew|whoa|eh|yass+|ftw|oh|ah|hmm+|oops|wow|blah)\\b"
              + "|[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
  private static final Pattern LOGISTICS =
      Pattern.compile(
          "(?i)\\b(?:breakfast|lunch|dinner|coffee|caffeine|hotel|"
              + "flights?|plane|airport|train station|taxi|lyft|uber ride|slept|sleep|sleeping|tired|jet ?lag\\w*|hungover|"
              + "hangover|beers?|drinks|bagel|snacks?|swag|t-?shirts?|stickers|wifi|wi-fi|badge|seat|queue for|part(?:y|ies)|"
              + "bar|dj|dance|dancing|shower|bed|nap|jet-lagged|luggage|suitcase|parking|bus|cappuccino|espresso|latte|pizza|"
              + "food|foyer)\\b");

  /** A verdict on a talk opening the sentence: "Very cool talk, …", "Great session:". */
  private static final Pattern VERDICT_OPENING =
      Pattern.compile(
          "(?i)^(?:(?:very|really|super|pretty|quite) )?(?:cool|"
              + "great|nice|good|awesome|amazing|excellent|fun|interesting|solid|fantastic|brilliant|boring|disappointing) "
              + "(?:talk|session|keynote|presentation|panel|demo|workshop)\\b");

  private static final Pattern FIRST_PERSON_ANY =
      Pattern.compile(
          "(?i)(?:^|[^\\p{L}'’])(?:i|i['’](?:m|ve|d|ll)|me|my|mine|myself|im|ive|we|we['’](?:re|ve|d|ll)|us|our|ours)(?![\\p{L}'’])");

  /**
   * The author telling what they did or felt ("I went to…", "When I sat down I was stunned…", "I
   * really enjoyed it"): a first-person clause with a verb of doing, going, feeling or expecting
   * among the first words. Verbs of judging ("I think", "I believe", "I recommend", "I learned
   * that") are left alone: they state a conclusion.
   */
  private static final Pattern DIARY =
      Pattern.compile(
          "(?:^|[\\s,(])[Ii](?:['’]m|['’]ve|['’]d|['’]ll)?\\s+(?:(?:\\w+ly|just|also|"
              + "then|now|still|even|had|have|was|finally|first|later|never|actually|very|much|so)\\s+){0,3}(?:went|go|attended|sat|ended|started|began|had|was|"
              + "got|took|spent|decided|managed|walked|ran|arrived|left|met|talked|chatted|found|saw|watched|caught|grabbed|"
              + "tried|ate|slept|realized|realised|noticed|enjoyed|loved|liked|wanted|wished|hoped|expected|thought|felt|"
              + "look(?:ed|ing)? forward|wasn't|didn't|couldn't|missed|skipped|stayed|headed|rushed|visited|played|stopped|"
              + "volunteered|facilitated|gave|submitted|wore|remember(?:ed)?|am|came|stood|ended up|signed up|knew|chatted|"
              + "made it|made my way|be busy|be back|staffed|organi[sz]ed|live[- ]blogged|blogged|forgot|lost|wrote|been|"
              + "work(?:ed)? (?:as|on|at|for)|would (?!recommend|suggest|say|argue|advise|expect|like to see|love to see)\\w+|"
              + "would have (?:loved|liked|preferred|wanted)|learned (?:a lot|some|so much|many|about)|"
              + "learnt (?:a lot|some|so much|many))\\b|(?:^|[\\s,(])I['’]m\\s+(?:\\w+ly\\s+)?(?:not\\s+)?\\w+ing\\b");

  /**
   * "We discussed…", "We went…": the author's company doing things (not "we" the industry, which
   * states).
   */
  private static final Pattern WE_DIARY =
      Pattern.compile(
          "(?:^|[\\s,(])[Ww]e\\s+(?:(?:\\w+ly|just|also|then|all|"
              + "finally|later)\\s+)?(?:went|discussed|talked|chatted|met|sat|had|spent|got|grabbed|ate|walked|headed|"
              + "decided|tried|stayed|visited|played|hung out|ended up|arrived|left|were shown|were told|were given|"
              + "got to|forgot)\\b");

  private static final Pattern MY_DIARY =
      Pattern.compile(
          "(?i)^my (?:first|next|last|final|second|third|favou?rite|"
              + "own)? ?(?:session|talk|stop|day|choice|pick|trip|evening|morning|afternoon|conference|experience)\\b");
  private static final int DIARY_WORDS = 12;

  /** The reader told what they can do: "You can watch the recording on…". */
  private static final Pattern READER_OPENING =
      Pattern.compile("(?i)^you can (?:see|watch|find|read|check|catch|" + "view|get)\\b");

  private static final Pattern FIRST_PERSON =
      Pattern.compile(
          "(?:^|[^\\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ii]m|[Ii]ve)(?![\\p{L}'’])");

  /** Words that judge a talk or an experience without saying what it was about. */
  static final Set<String> VERDICT =
      Set.of(
          "good",
          "great",
          "nice",
          "cool",
          "awesome",
          "amazing",
          "excellent",
          "fantastic",
          "wonderful",
          "brilliant",
          "interesting",
          "fun",
          "funny",
          "useful",
          "dense",
          "boring",
          "dull",
          "disappointing",
          "disappointed",
          "best",
          "worst",
          "favorite",
          "favourite",
          "enjoyed",
          "enjoy",
          "loved",
          "love",
          "liked",
          "like",
          "happy",
          "glad",
          "sad",
          "packed",
          "full",
          "crowded",
          "engaging",
          "inspiring",
          "inspired",
          "impressive",
          "impressed",
          "entertaining",
          "solid",
          "fair",
          "worth",
          "worthwhile",
          "recommend",
          "recommended",
          "highly",
          "really",
          "very",
          "pretty",
          "quite",
          "super",
          "absolutely",
          "definitely",
          "totally",
          "moment",
          "always",
          "never",
          "never-ending",
          "lot",
          "lots",
          "much",
          "well",
          "delivered",
          "delivery",
          "excited",
          "exciting",
          "thrilled",
          "blast",
          "time",
          "experience",
          "memorable",
          "valuable",
          "informative",
          "insightful",
          "thought-provoking",
          "provoking",
          "deep",
          "helpful",
          "clear",
          "nicely",
          "cute",
          "kinda",
          "bit",
          "little");

  /** Words about attending a conference rather than about its subject. */
  static final Set<String> CONFERENCE =
      Set.of(
          "talk",
          "talks",
          "session",
          "sessions",
          "speaker",
          "speakers",
          "presentation",
          "presentations",
          "preso",
          "keynote",
          "keynotes",
          "conference",
          "conferences",
          "event",
          "events",
          "day",
          "days",
          "room",
          "rooms",
          "stage",
          "slides",
          "demo",
          "demos",
          "audience",
          "people",
          "content",
          "year",
          "years",
          "workshop",
          "workshops",
          "track",
          "hall",
          "attendees",
          "attendee",
          "venue",
          "crowd",
          "everyone",
          "everybody",
          "folks",
          "things",
          "thing",
          "stuff",
          "one",
          "ones",
          "way",
          "part",
          "today",
          "tomorrow",
          "yesterday",
          "morning",
          "afternoon",
          "evening",
          "night",
          "week",
          "minutes",
          "hours",
          "trip");

  /**
   * Travel and venue words that, with verdicts, make a remark about the trip rather than the event.
   */
  static final Set<String> TRAVEL =
      Set.of(
          "train",
          "trains",
          "airport",
          "station",
          "queue",
          "line",
          "lines",
          "walk",
          "ride",
          "traffic",
          "weather",
          "rain",
          "food",
          "meal",
          "meals",
          "booth",
          "booths",
          "sponsor",
          "sponsors",
          "expo",
          "hall",
          "chairs",
          "chair",
          "seats",
          "coffee",
          "tea",
          "snacks",
          "lunch",
          "breakfast",
          "dinner");

  /** Function words (a small list; content words are what is left). */
  static final Set<String> FUNCTION =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "but",
          "if",
          "then",
          "than",
          "so",
          "of",
          "to",
          "in",
          "on",
          "at",
          "by",
          "for",
          "with",
          "from",
          "into",
          "about",
          "as",
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "am",
          "do",
          "does",
          "did",
          "has",
          "have",
          "had",
          "it",
          "its",
          "it's",
          "this",
          "that",
          "these",
          "those",
          "there",
          "here",
          "which",
          "who",
          "what",
          "when",
          "where",
          "why",
          "how",
          "all",
          "any",
          "both",
          "each",
          "more",
          "most",
          "other",
          "some",
          "such",
          "no",
          "not",
          "only",
          "own",
          "same",
          "too",
          "can",
          "will",
          "just",
          "should",
          "would",
          "could",
          "may",
          "might",
          "must",
          "also",
          "he",
          "she",
          "they",
          "them",
          "their",
          "his",
          "her",
          "him",
          "we",
          "our",
          "us",
          "you",
          "your",
          "i",
          "me",
          "my",
          "i'm",
          "i’m",
          "i've",
          "i’ve",
          "i'd",
          "i’d",
          "i'll",
          "i’ll",
          "im",
          "ive",
          "mine",
          "myself",
          "get",
          "got",
          "go",
          "went",
          "going",
          "make",
          "made",
          "see",
          "saw",
          "think",
          "thought",
          "felt",
          "feel",
          "say",
          "said",
          "out",
          "up",
          "over",
          "again",
          "even",
          "still",
          "yet",
          "now",
          "while",
          "because",
          "though",
          "although",
          "since",
          "after",
          "before",
          "during",
          "next",
          "last",
          "first",
          "every",
          "another",
          "something",
          "anything",
          "everything",
          "nothing",
          "ever",
          "one's",
          "whose",
          "whom",
          "don't",
          "don’t",
          "didn't",
          "didn’t",
          "can't",
          "can’t",
          "wasn't",
          "wasn’t",
          "isn't",
          "isn’t",
          "won't",
          "won’t",
          "let",
          "lets",
          "let's",
          "let’s",
          "came",
          "come",
          "took",
          "take",
          "gave",
          "give",
          "left",
          "managed",
          "decided",
          "tried",
          "try",
          "able",
          "sure",
          "off",
          "back",
          "around",
          "yes",
          "couldn't",
          "couldn’t",
          "wouldn't",
          "wouldn’t",
          "shouldn't",
          "shouldn’t",
          "far",
          "tell",
          "sense");

  /** The kind of chatter {@code sentence} is, or {@link Kind#NONE}. */
  public static Kind of(String sentence) {
    String s = Grammar.stripBullet(sentence == null ? "" : sentence);
    if (READER.matcher(s).find()) {
      return Kind.READER;
    }
    if (WRITE_UP.matcher(s).find()) {
      return Kind.WRITE_UP;
    }
    if (THANKS.matcher(s).find()) {
      return Kind.THANKS;
    }
    if (EMOTICON.matcher(s).find()) {
      return Kind.EMOTICON;
    }
    boolean firstPerson = FIRST_PERSON.matcher(s).find();
    if (VERDICT_OPENING.matcher(s).find()) {
      return Kind.VERDICT_ONLY;
    }
    if (FIRST_PERSON_ANY.matcher(s).find() && LOGISTICS.matcher(s).find()) {
      return Kind.LOGISTICS;
    }
    String opening =
        String.join(
            " ",
            java.util.Arrays.asList(s.split("\\s+"))
                .subList(0, Math.min(DIARY_WORDS, s.split("\\s+").length)));
    if (DIARY.matcher(s).find()
        || WE_DIARY.matcher(opening).find()
        || MY_DIARY.matcher(s).find()
        || READER_OPENING.matcher(s).find()) {
      return Kind.DIARY;
    }
    int content = 0;
    int logistics = 0;
    int total = 0;
    boolean named = hasNameOrNumber(s);
    Matcher m = Tokens.WORD.matcher(s);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
      total++;
      if (!FUNCTION.contains(w) && !VERDICT.contains(w) && !CONFERENCE.contains(w)) {
        content++;
        if (LOGISTICS.matcher(w).matches() || TRAVEL.contains(w)) {
          logistics++;
        }
      }
    }
    if (total > 0 && content == 0 || content <= 1 && !named) {
      return Kind.VERDICT_ONLY;
    }
    if (content == logistics && !named) {
      return Kind.LOGISTICS; // "The train from the airport was packed."
    }
    if (firstPerson && !named) {
      return Kind.FIRST_PERSON_ONLY;
    }
    return Kind.NONE;
  }

  /** True when {@code sentence} is chatter of any kind. */
  public static boolean is(String sentence) {
    return of(sentence) != Kind.NONE;
  }

  /**
   * A name, product, identifier or number: a word with a digit, with a capital after its first
   * letter (gRPC, macOS), with a symbol (C++, C#), or capitalised where it does not open the
   * sentence (not "I").
   */
  public static boolean hasNameOrNumber(String s) {
    Matcher m = Tokens.WORD.matcher(s);
    boolean first = true;
    while (m.find()) {
      String w = m.group();
      boolean opening = first || isSentenceStart(s, m.start());
      first = false;
      if (w.codePoints().anyMatch(Character::isDigit) || w.contains("+") || w.contains("#")) {
        return true;
      }
      if (w.length() > 1 && w.codePoints().skip(1).anyMatch(Character::isUpperCase)) {
        return true;
      }
      if (!opening && Character.isUpperCase(w.codePointAt(0)) && !w.matches("I(?:['’].*)?")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSentenceStart(String s, int at) {
    int i = at - 1;
    while (i >= 0 && (Character.isWhitespace(s.charAt(i)) || "\"“‘'(".indexOf(s.charAt(i)) >= 0)) {
      i--;
    }
    return i < 0 || ".!?:".indexOf(s.charAt(i)) >= 0;
  }
}
