package dev.debrief.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence (or a note) from a report can be shown on its own, away from the paragraph it
 * came from, in a brief, a digest or an answer. The rule, in order (the first problem found is the
 * verdict):
 *
 * <ol>
 *   <li>Not a {@link LineKind} other than text: no timestamp, caption, metadata line, link or code;
 *       a prose sentence is no heading-like label either. No web address inside (it reads as
 *       residue out of context), and no bracket or quote left open or closed without opening (a
 *       piece the sentence splitter cut from a quotation).
 *   <li>Not a question.
 *   <li>Not {@link Chatter} (before the references below: "Take it or leave it" is chatter before
 *       it is a dangling "it").
 *   <li>No reference whose referent is elsewhere: it does not open with a pronoun or demonstrative
 *       ("It", "This", "They", "His", "Such", "That's"; "This year/conference/event" is allowed,
 *       the brief is about the event), nor carry a third-person pronoun in its first clause before
 *       any name ("If it grows…", "When she asked…"), nor open with a first name whose full name is
 *       elsewhere in the report ({@link PersonNames#shortReference}), nor — for prose — with "The
 *       speaker/talk/session/presenter" (which one?).
 *   <li>No opening connective that continues an earlier sentence ("But", "Also", "However", "In
 *       this sense", "That said", "On the other hand", "As always", "If so").
 *   <li>Not a fragment: no subordinate clause standing alone ("While talking about it" with no
 *       comma and main clause after), no ending on a word that needs more ("… until you're", "…
 *       the"), no line ending in ":" (it introduces what follows).
 *   <li>Prose only: at least {@value #MIN_PROSE_WORDS} words, a capital (or digit) first and
 *       sentence punctuation last (a lower-case or unfinished line is a note, a line ending in ":"
 *       introduces something else), a subject (it does not open with a verb form, {@link
 *       Grammar#opensWithVerb}), a finite verb ({@link Grammar#hasFiniteVerb}), and not a bare
 *       quotation whose speaker is named elsewhere.
 *   <li>Notes (a bullet shown under its talk's heading) need no verb or subject, but at least
 *       {@value #MIN_NOTE_WORDS} words, and a heading-like note is no label in title case ("4 Days
 *       of Example - Day 2").
 * </ol>
 *
 * Conservative on purpose: a good sentence rejected costs one candidate, a bad one accepted costs
 * the reader.
 */
public final class StandAlone {
  private StandAlone() {}

  /** How the text will be shown. */
  public enum Form {
    /** A sentence shown alone or in a paragraph of picked sentences: must be a full sentence. */
    PROSE,
    /**
     * A bullet shown under the heading of its talk: a fragment is fine, a dangling reference is
     * not.
     */
    NOTE
  }

  /** What is wrong with a sentence; {@link #NONE} when it stands on its own. */
  public enum Problem {
    NONE,
    EMPTY,
    TIMESTAMP,
    CAPTION,
    METADATA,
    LINK_OR_CODE,
    HEADING,
    QUESTION,
    DANGLING_REFERENCE,
    SHORT_NAME,
    CONNECTIVE,
    CHATTER,
    TOO_SHORT,
    FRAGMENT,
    NO_SUBJECT,
    NO_VERB,
    BARE_QUOTE;

    /** Lower-case name, for reports. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * A verdict.
   *
   * @param problem the first problem found, {@link Problem#NONE} when there is none
   * @param detail what triggered it (a word, a chatter kind), "" when nothing did
   */
  public record Verdict(Problem problem, String detail) {
    public Verdict {
      if (problem == null) {
        throw new IllegalArgumentException("problem must not be null");
      }
      detail = detail == null ? "" : detail;
    }

    /** True when the sentence stands on its own. */
    public boolean ok() {
      return problem == Problem.NONE;
    }
  }

  private static final Verdict OK = new Verdict(Problem.NONE, "");

  /** The fewest words of a prose sentence shown alone. */
  public static final int MIN_PROSE_WORDS = 5;

  /** The fewest words of a note. */
  public static final int MIN_NOTE_WORDS = 3;

  private static final Pattern OPENING_REFERENCE =
      Pattern.compile(
          "(?i)^(?:he|she|they|it|its|it['’]s|this|that|"
              + "that['’]s|these|those|his|her|hers|their|theirs|them|him|both|such|said|the latter|the former|the same|"
              + "the above|the below|the following|here['’]s|here (?:is|are|was|were)|there['’]s? (?:it|he|she|they)|"
              + "the (?:\\w+ )?(?:issue|problem|point|idea|reason|thing|answer|result|goal|trick|catch|solution|upshot)"
              + "(?:,[^,]*,)? (?:was|is)|"
              + "you (?:probably |certainly |surely |may |might )?(?:do|did|don['’]t|will|are|can|have)[,.]|former|latter|another one|"
              + "one of them|some of them|most of them|all of them|each of them|another)\\b");
  private static final Pattern ALLOWED_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)^(?:this|these) (?:year|year['’]s|years['’]|week|conference|conference['’]s|event|event['’]s|edition|"
              + "summit|meetup|time around)\\b");
  private static final Pattern PROSE_REFERENCE =
      Pattern.compile(
          "(?i)^the (?:(?:speaker|speakers|talk|session|"
              + "presenter|presenters|presentation|panel|panelists|keynote|host|author|authors|guy|lady|team|company|"
              + "project|product|tool|paper|demo|article|post|blog|video|book|study|survey|slide|slides|chart|graph|"
              + "picture|photo|image|example|question|quote|tweet|thread|announcement)\\b"
              + "(?!\\s+(?:of|from|on|about|at|by|for)\\b))");

  /** A question asked without its question mark: "What is a voice application". */
  private static final Pattern BARE_QUESTION =
      Pattern.compile(
          "(?i)^(?:what|why|how|who|when|where|which)\\s+"
              + "(?:is|are|was|were|do|does|did|can|could|should|would|will|to)\\b");

  /**
   * A note that starts with its verb's auxiliary, its subject cut off: "is a queue on top of the
   * broker".
   */
  private static final Pattern AUXILIARY_FIRST =
      Pattern.compile(
          "^(?:is|are|was|were|has|have|had|does|do|did|can|" + "will|would|should|could)\\b");

  private static final Pattern CLAUSE_PRONOUN =
      Pattern.compile("(?i)\\b(?:he|she|they|it|his|her|their|its|them|him)\\b");
  private static final Pattern AFTER_COMMA =
      Pattern.compile(
          "(?i)^\\s*(he|she|they|it|this|these|those)\\b"
              + "(?!\\s+(?:year|week|conference|event|edition)\\b)");
  private static final Pattern DEMONSTRATIVE_WORD =
      Pattern.compile("(?i)\\b(?:this|that|these|those)\\b");
  private static final Pattern PERSON_PRONOUN =
      Pattern.compile("(?i)\\b(?:he|she|him|they|them)\\b");
  private static final Pattern PREPOSITION_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)\\b(?:at|in|on|of|for|from|with|by|to|"
              + "after|before|like|during|beyond|despite)\\s+(this|that|these|those)\\b");
  private static final Pattern CONNECTIVE =
      Pattern.compile(
          "(?i)^(?:and|but|so|or|nor|yet|also|plus|then|thus|hence|"
              + "therefore|however|moreover|furthermore|besides|anyway|anyhow|otherwise|instead|meanwhile|likewise|"
              + "similarly|conversely|nevertheless|nonetheless|finally|lastly|again|regardless|which|whereas|because|"
              + "although|though|still,|too,|accordingly|consequently|additionally|alternatively|afterwards|"
              + "in this sense|in that sense|in this case|in that case|in this regard|in addition|on the other hand|"
              + "on the one hand|on top of (?:that|this|it)|as a result|as such|as well|as always|as usual|as a side note|"
              + "as an aside|as mentioned|as i said|as noted|that said|having said that|other than that|apart from (?:that|this)|"
              + "aside from (?:that|this)|even so|after that|after this|before that|at the same time|for this reason|"
              + "by the way|not only that|in turn|to that end|in other words|next up|speaking of|on that note|"
              + "with that|with this|because of (?:this|that)|due to (?:this|that)|despite (?:this|that)|unlike (?:this|that)|"
              + "compared to (?:this|that)|similar to (?:this|that)|in contrast|by contrast|of course|even then|"
              + "along with (?:this|that)|anyhow|none the less|if so|if not|namely|that is)\\b");

  /** A line that is one quotation from start to end: "\"scientific workflow engine\"". */
  private static final Pattern QUOTED_WHOLE = Pattern.compile("(?s)^[\"“][^\"“”]+[\"”][.!…]*$");

  /**
   * An opening that sums up the report, not a reference to an earlier sentence: "To sum it up, …".
   */
  private static final Pattern SUMMING_UP =
      Pattern.compile(
          "(?i)(?:to sum (?:it |this |things )?up|"
              + "to summari[sz]e|in summary|in short|all in all|overall|in conclusion|to conclude|to wrap (?:it |this )?up|"
              + "all things considered)\\s*[,:]\\s*");

  /** A closing connective that answers an earlier sentence: "…, though.", "…, however." */
  private static final Pattern TRAILING_CONNECTIVE =
      Pattern.compile("(?i),\\s*(though|however|too|as well|instead|" + "then|anyway)[.!…]*$");

  /** A subordinate clause opening; without a comma there is no main clause after it. */
  private static final Pattern SUBORDINATE =
      Pattern.compile(
          "(?i)^(?:while|whilst|when|whenever|if|although|though|"
              + "because|since|unless|after|before|whereas|once|until|as soon as)\\b");

  /** Words a sentence does not end on unless it was cut off. */
  private static final Pattern CUT_OFF =
      Pattern.compile(
          "(?i)(?:^|\\s)(?:the|a|an|of|to|in|on|at|for|with|from|by|"
              + "and|or|but|that|which|how|if|is|are|was|were|be|you['’]re|we['’]re|they['’]re|i['’]m|it['’]s|your|their|"
              + "our|my|his|her|its|than|as|into|about|because|when|where|who|not)[\\s.,;:!…]*$");

  private static final Pattern URL =
      Pattern.compile("(?i)\\bhttps?://|\\bwww\\.\\S+|\\b[\\w-]+\\.(?:com|org|net|io|dev|ai)/\\S+");
  private static final Pattern PROSE_END = Pattern.compile("(?s).*[.!…][\"”’)\\]]*$");
  private static final Pattern QUOTE_OPEN = Pattern.compile("^[\"“”‘'].*[\"“”’'][.!]?$");
  private static final Pattern NAME_TOKEN = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}+#’'\\-]*");

  /** {@link #check(String, Form, PersonNames)} with no knowledge of the report's people. */
  public static Verdict check(String sentence, Form form) {
    return check(sentence, form, PersonNames.none());
  }

  /**
   * The verdict on {@code sentence} shown as {@code form}; {@code people} are the people its report
   * names in full (for first-name-only references).
   */
  public static Verdict check(String sentence, Form form, PersonNames people) {
    String s = Grammar.stripBullet(sentence == null ? "" : sentence);
    if (s.isEmpty()) {
      return new Verdict(Problem.EMPTY, "");
    }
    LineKind kind = LineKind.of(s);
    switch (kind) {
      case TIMESTAMP -> {
        return new Verdict(Problem.TIMESTAMP, "");
      }
      case CAPTION -> {
        return new Verdict(Problem.CAPTION, "");
      }
      case METADATA -> {
        return new Verdict(Problem.METADATA, "");
      }
      case LINK_OR_CODE -> {
        return new Verdict(Problem.LINK_OR_CODE, "");
      }
      case HEADING_LIKE -> {
        if (form == Form.PROSE
            || Grammar.words(s) < MIN_NOTE_WORDS + 1
            || Grammar.titleCase(s)) { // a label, not a note
          return new Verdict(Problem.HEADING, "");
        }
      }
      default -> {}
    }
    if (!s.codePoints().anyMatch(Character::isLetter)) {
      return new Verdict(Problem.EMPTY, "");
    }
    if (URL.matcher(s).find()) {
      return new Verdict(Problem.LINK_OR_CODE, "a web address");
    }
    String unbalanced = unbalanced(s);
    if (unbalanced != null) {
      return new Verdict(Problem.FRAGMENT, "unbalanced " + unbalanced);
    }
    if (s.matches("(?s).*\\?[\"”’)]*$")
        || form == Form.PROSE && s.contains("?")
        || BARE_QUESTION.matcher(s.replaceFirst("^[\"“‘'(]+", "")).find() && !s.contains(",")) {
      return new Verdict(Problem.QUESTION, "");
    }
    String body = s.replaceFirst("^[\"“‘'(\\[]+", "");
    Matcher summing = SUMMING_UP.matcher(body);
    if (summing.lookingAt() && summing.end() < body.length()) {
      // "To sum it up, the conference was…": the author's conclusion, judged on what it concludes
      String rest = body.substring(summing.end());
      body = rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
    }
    Chatter.Kind chatter = Chatter.of(body);
    if (chatter != Chatter.Kind.NONE) {
      return new Verdict(Problem.CHATTER, chatter.name().toLowerCase(Locale.ROOT));
    }
    Matcher ref = OPENING_REFERENCE.matcher(body);
    if (ref.find() && !ALLOWED_DEMONSTRATIVE.matcher(body).find()) {
      return new Verdict(Problem.DANGLING_REFERENCE, ref.group());
    }
    if (form == Form.PROSE) {
      Matcher pr = PROSE_REFERENCE.matcher(body);
      if (pr.find()) {
        return new Verdict(Problem.DANGLING_REFERENCE, pr.group());
      }
    }
    Matcher con = CONNECTIVE.matcher(body);
    if (con.find()) {
      return new Verdict(Problem.CONNECTIVE, con.group());
    }
    String clausePronoun = pronounBeforeAnyName(body);
    if (clausePronoun != null) {
      return new Verdict(Problem.DANGLING_REFERENCE, clausePronoun);
    }
    String demonstrative = demonstrativeElsewhere(body);
    if (demonstrative != null) {
      return new Verdict(Problem.DANGLING_REFERENCE, demonstrative);
    }
    if (form == Form.PROSE) {
      Matcher mid = MID_PROSE_REFERENCE.matcher(body);
      if (mid.find()) {
        return new Verdict(Problem.DANGLING_REFERENCE, mid.group().strip());
      }
    }
    String full = people.shortReference(body);
    if (full != null) {
      return new Verdict(Problem.SHORT_NAME, full);
    }
    if (SUBORDINATE.matcher(body).find() && !body.contains(",")) {
      return new Verdict(Problem.FRAGMENT, "a subordinate clause alone");
    }
    if (CUT_OFF.matcher(body).find()) {
      return new Verdict(Problem.FRAGMENT, "cut off");
    }
    if (body.endsWith(":")) {
      return new Verdict(Problem.FRAGMENT, "introduces what follows");
    }
    if (body.endsWith(",") || AUXILIARY_FIRST.matcher(body).find()) {
      return new Verdict(Problem.FRAGMENT, "cut off");
    }
    if (s.startsWith("(")) {
      return new Verdict(Problem.FRAGMENT, "an aside in parentheses");
    }
    Matcher trailing = TRAILING_CONNECTIVE.matcher(body);
    if (trailing.find()) {
      return new Verdict(Problem.CONNECTIVE, trailing.group(1));
    }
    int words = Grammar.words(body);
    if (QUOTED_WHOLE.matcher(s).matches() && !Grammar.hasFiniteVerb(body)) {
      return new Verdict(Problem.FRAGMENT, "a quoted phrase without who said it or what it names");
    }
    if (form == Form.NOTE) {
      if (words < MIN_NOTE_WORDS) {
        return new Verdict(Problem.TOO_SHORT, "");
      }
      if (words <= LABEL_WORDS && Grammar.titleCase(body) && !Grammar.announces(body)) {
        return new Verdict(Problem.HEADING, "a title, not a note");
      }
      return OK;
    }
    if (words < MIN_PROSE_WORDS) {
      return new Verdict(Problem.TOO_SHORT, "");
    }
    if (!Character.isUpperCase(body.codePointAt(0)) && !Character.isDigit(body.codePointAt(0))) {
      return new Verdict(Problem.FRAGMENT, "lower-case opening");
    }
    if (!PROSE_END.matcher(s).matches()) {
      return new Verdict(
          Problem.FRAGMENT, s.endsWith(":") ? "introduces what follows" : "no closing punctuation");
    }
    if (Grammar.opensWithVerb(body)) {
      return new Verdict(Problem.NO_SUBJECT, body.split("\\s+")[0]);
    }
    if (!Grammar.hasFiniteVerb(body)) {
      return new Verdict(Problem.NO_VERB, "");
    }
    if (QUOTE_OPEN.matcher(s).matches()) {
      return new Verdict(Problem.BARE_QUOTE, "");
    }
    return OK;
  }

  /** Longest title-case line without a verb that is a label rather than a note, in words. */
  static final int LABEL_WORDS = 12;

  /**
   * The bracket or quote that opens without closing or closes without opening — a piece of a
   * sentence the splitter cut inside a quotation or parenthesis — or null.
   */
  static String unbalanced(String s) {
    int round = 0;
    int square = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        round++;
      } else if (c == ')') {
        if (--round < 0 && !(i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && i < 4)) {
          return "\")\"";
        }
      } else if (c == '[') {
        square++;
      } else if (c == ']') {
        square--;
      }
    }
    if (round > 0) {
      return "\"(\"";
    }
    // markup such as "<!here>" or "<b>": an opening "<" glued to a word, a closing ">" glued to one
    long opens = java.util.regex.Pattern.compile("<(?=[\\p{L}!@/#])").matcher(s).results().count();
    long closes =
        java.util.regex.Pattern.compile("(?<=[\\p{L}\\p{N}\"'/])>").matcher(s).results().count();
    if (opens != closes) {
      return "\"<\"";
    }
    if (square != 0) {
      return "\"[\"";
    }
    long straight = s.chars().filter(ch -> ch == '"').count();
    long open = s.chars().filter(ch -> ch == '“').count();
    long close = s.chars().filter(ch -> ch == '”').count();
    if (straight % 2 == 1 || open != close && open + close > 0 && straight == 0) {
      return "quote";
    }
    return null;
  }

  /**
   * A pronoun of the first clause whose referent is elsewhere: among its first {@value
   * #FIRST_CLAUSE_WORDS} words, before any capitalised word and the first comma, a personal pronoun
   * ("I suggested he…"), or — when the sentence opens with a subordinator, a preposition or an
   * adverb — any third-person pronoun ("If it grows…", "When they asked…") or a demonstrative after
   * a preposition ("Among the projects at that level, …"). A sentence that opens with its own
   * subject ("Teams that run their own brokers…") has the possessive's referent in it. ("It" as the
   * first word is caught as an opening reference.)
   */
  static String pronounBeforeAnyName(String body) {
    String[] ws = body.split("\\s+");
    if (ws.length < 2) {
      return null;
    }
    String clause = body.contains(",") ? body.substring(0, body.indexOf(',')) : body;
    Matcher demonstrative = PREPOSITION_DEMONSTRATIVE.matcher(clause);
    if (CLAUSE_OPENER.matcher(ws[0].replaceAll("[^\\p{L}]", "")).matches()
        && demonstrative.find()) {
      return demonstrative.group(1); // "Among the projects at that level, …"
    }
    if (body.contains(",") && Grammar.words(clause) <= FIRST_CLAUSE_WORDS) {
      // "After months of work, he…", "To overcome this, the team…": an opening phrase whose main
      // clause
      // starts with a pronoun, or that points back with a demonstrative
      Matcher after = AFTER_COMMA.matcher(body.substring(body.indexOf(',') + 1));
      if (after.find()) {
        return after.group(1);
      }
      Matcher back = DEMONSTRATIVE_WORD.matcher(clause);
      if (back.find() && !ALLOWED_DEMONSTRATIVE.matcher(clause.substring(back.start())).find()) {
        return back.group();
      }
    }
    boolean opener = CLAUSE_OPENER.matcher(ws[0].replaceAll("[^\\p{L}]", "")).matches();
    for (int i = 1; i < Math.min(FIRST_CLAUSE_WORDS, ws.length); i++) {
      String w = ws[i];
      if (NAME_TOKEN.matcher(w).lookingAt() && !w.matches("I(?:['’].*)?")) {
        return null;
      }
      // a person pronoun ("I told him", "I suggested she …") refers out of the sentence whatever
      // opens it;
      // "it" and possessives do only after an opener ("Teams that run their own …" has its
      // referent)
      Matcher m = (opener ? CLAUSE_PRONOUN : PERSON_PRONOUN).matcher(w);
      if (m.matches()
          || m.lookingAt() && w.substring(m.end()).matches("['’]s|['’]re|['’]ll|[,;:.]")) {
        return m.group();
      }
      if (w.endsWith(",") || w.endsWith(";") || w.endsWith(":")) {
        return null;
      }
    }
    return null;
  }

  /** "this", "these" or "those" after the first word, with the word that follows it (if any). */
  private static final Pattern MID_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)(?<=\\s|^[\"“‘'(])(this|these|those)\\b" + "(?:\\s+([\\p{L}][\\p{L}'’\\-]*))?");

  /** Nouns a demonstrative may point at without a referent: the report's own event and time. */
  private static final Pattern OWN_EVENT =
      Pattern.compile(
          "(?i)(?:year|year['’]s|years['’]|week|week['’]s|"
              + "conference|conference['’]s|event|event['’]s|edition|summit|meetup|morning|afternoon|evening|time|day|"
              + "month|spring|summer|autumn|fall|winter|season|round|trip|city|venue)");

  /**
   * The session or its speaker named by role in mid-sentence: "…through the session, the twitter
   * feed…", "I expected the talk to…" (not "the talk on queues", "the keynote speakers", "after the
   * keynote").
   */
  private static final Pattern MID_PROSE_REFERENCE =
      Pattern.compile(
          "(?i)(?<=\\s)the (?:speaker|speakers|"
              + "presenter|presenters|panelists)\\b(?!\\s+(?:of|from|on|at|for)\\b)|(?<!\\b(?:after|before|since|until|till) )"
              + "(?<=\\s)the (?:talk|session|keynote|presentation|panel|demo)(?=\\s*(?:[,.;:!)]|$|(?:to|was|were|is|itself|"
              + "and|but|went|ended|started)\\b))");

  /**
   * A demonstrative after the sentence's first word whose referent is elsewhere: "this" or "these"
   * standing alone ("…get this done", "…progress with this before…"), or before a noun the sentence
   * has not named before ("…compiled these guidelines into…", "The outcome from this work…"); null
   * when there is none. "This year", "this conference" and the like are the report's own event;
   * "Acme ships Foo and Bar; these tools…" names its referent first. ("This" as the first word is
   * an opening reference.)
   */
  static String demonstrativeElsewhere(String body) {
    Matcher m = MID_DEMONSTRATIVE.matcher(body);
    while (m.find()) {
      if (m.start() == 0) {
        continue;
      }
      String noun = m.group(2);
      if (noun == null || STOP_AFTER_DEMONSTRATIVE.matcher(noun).matches()) {
        return m.group(1).toLowerCase(Locale.ROOT); // the pronoun alone: "…get this done"
      }
      String stem = noun.toLowerCase(Locale.ROOT).replaceAll("(?:['’]s|s|es)$", "");
      if (OWN_EVENT.matcher(noun).matches()
          || stem.length() >= 3
              && body.substring(0, m.start()).toLowerCase(Locale.ROOT).contains(stem)) {
        continue;
      }
      if (Character.isUpperCase(noun.codePointAt(0)) || noun.matches("\\d.*")) {
        continue; // "this Kubernetes release": a name follows
      }
      return m.group(1).toLowerCase(Locale.ROOT) + " " + noun;
    }
    return null;
  }

  /** Words after "this" that show it is a pronoun: verbs, prepositions, conjunctions. */
  private static final Pattern STOP_AFTER_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)is|was|are|were|has|had|have|will|"
              + "would|can|could|should|may|might|must|does|did|do|makes|made|means|meant|shows|showed|seems|seemed|"
              + "sounds|looks|works|worked|gives|gave|helps|helped|allows|lets|before|after|with|without|for|from|to|"
              + "in|on|at|of|by|and|or|but|so|as|if|when|because|since|until|done|again|too|also|here|there|now|then|"
              + "up|out|off|one|ones");

  /** Words that open a sentence before its subject: subordinators, prepositions, adverbs. */
  private static final Pattern CLAUSE_OPENER =
      Pattern.compile(
          "(?i)if|when|whenever|once|while|whilst|after|before|"
              + "because|since|unless|until|although|though|as|so|now|here|there|then|even|just|only|also|still|maybe|"
              + "perhaps|in|on|at|for|with|without|from|during|by|like|unlike|to|among|amongst|across|within|beyond|"
              + "despite|given|\\p{L}+ly");

  /** How far into a sentence a pronoun still counts as the first clause's subject, in words. */
  static final int FIRST_CLAUSE_WORDS = 10;
}
