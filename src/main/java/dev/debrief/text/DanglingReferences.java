package dev.debrief.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References whose referent is elsewhere, a {@link StandAlone} problem: an opening pronoun or
 * demonstrative ("It", "This", "They", "Such"; not "This year", the report's own event), "The
 * speaker/talk/session" in prose (which one?), a third-person pronoun in the first clause before
 * any name ("If it grows…", "When she asked…"), and a demonstrative later on before a noun the
 * sentence has not named ("…compiled these guidelines into…").
 */
final class DanglingReferences {
  private DanglingReferences() {}

  /** A pronoun or demonstrative opening the sentence: "It", "This", "They", "Such", "That's". */
  static final Pattern OPENING_REFERENCE =
      Pattern.compile(
          "(?i)^(?:he|she|they|it|its|it['’]s|this|that|"
              + "that['’]s|these|those|his|her|hers|their|theirs|them|him|both|such|said|the latter|the former|the same|"
              + "the above|the below|the following|here['’]s|here (?:is|are|was|were)|there['’]s? (?:it|he|she|they)|"
              + "the (?:\\w+ )?(?:issue|problem|point|idea|reason|thing|answer|result|goal|trick|catch|solution|upshot)"
              + "(?:,[^,]*,)? (?:was|is)|"
              + "you (?:probably |certainly |surely |may |might )?(?:do|did|don['’]t|will|are|can|have)(?=[,.])|former|latter|another one|"
              + "one of them|some of them|most of them|all of them|each of them|another)\\b");

  /**
   * Words anywhere in a sentence that point at something said before it: "the previous talk", "You
   * go there because…", "…does exactly that", an enumeration's member opening it ("The first was…",
   * "The second is…") and a part of unnamed talks or slides ("One of the slides is…": of which
   * talk?). Found in the reader's judgement of the shared briefs (stop 23), where each made its
   * line fail.
   */
  static final Pattern LATER_REFERENCE =
      Pattern.compile(
          "(?i)\\b(?:previous|aforementioned|preceding) (?:talk|session|speaker|presentation|one|"
              + "point|example|section|day|paragraph|post|slide)s?\\b"
              + "|\\b(?:go|goes|went|going|gone|come|comes|came|coming) there\\b"
              + "|\\b(?:exactly|precisely) (?:that|this)\\b"
              + "|^the (?:first|second|third|fourth|fifth|last|other) (?:one )?(?:was|is|were|are)\\b"
              + "|^(?:one|some|many|most|all|none|each|several|two|three) of the (?:slides|talks|"
              + "sessions|speakers|examples|demos|points|questions|panelists)\\b");

  /** "This year", "this conference": a demonstrative whose referent is the report's own event. */
  static final Pattern ALLOWED_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)^(?:this|these) (?:year|year['’]s|years['’]|week|conference|conference['’]s|event|event['’]s|edition|"
              + "summit|meetup|time around)\\b");

  /** "The speaker", "The talk" opening prose: which one? (Not "The talk on queues".) */
  static final Pattern PROSE_REFERENCE =
      Pattern.compile(
          "(?i)^the (?:(?:speaker|speakers|talk|session|"
              + "presenter|presenters|presentation|panel|panelists|keynote|host|author|authors|guy|lady|team|company|"
              + "project|product|tool|paper|demo|article|post|blog|video|book|study|survey|slide|slides|chart|graph|"
              + "picture|photo|image|example|question|quote|tweet|thread|announcement)\\b"
              + "(?!\\s+(?:of|from|on|about|at|by|for)\\b))");

  /** Third-person pronouns and possessives, for the first clause after an opener. */
  static final Pattern CLAUSE_PRONOUN =
      Pattern.compile("(?i)\\b(?:he|she|they|it|his|her|their|its|them|him)\\b");

  /** A pronoun opening the main clause after an opening phrase: "After months of work, he…". */
  static final Pattern AFTER_COMMA =
      Pattern.compile(
          "(?i)^\\s*(he|she|they|it|this|these|those)\\b"
              + "(?!\\s+(?:year|week|conference|event|edition)\\b)");

  /** A demonstrative anywhere. */
  static final Pattern DEMONSTRATIVE_WORD = Pattern.compile("(?i)\\b(?:this|that|these|those)\\b");

  /** Pronouns for people, which refer out of the sentence whatever opens it. */
  static final Pattern PERSON_PRONOUN = Pattern.compile("(?i)\\b(?:he|she|him|they|them)\\b");

  /** A demonstrative after a preposition: "at that level", "for these reasons". */
  static final Pattern PREPOSITION_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)\\b(?:at|in|on|of|for|from|with|by|to|"
              + "after|before|like|during|beyond|despite)\\s+(this|that|these|those)\\b");

  /** A capitalised word: a name, before which a pronoun may refer to it. */
  static final Pattern NAME_TOKEN = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}+#’'\\-]*");

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
  static final Pattern MID_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)(?<=\\s|^[\"“‘'(])(this|these|those)\\b" + "(?:\\s+([\\p{L}][\\p{L}'’\\-]*))?");

  /** Nouns a demonstrative may point at without a referent: the report's own event and time. */
  static final Pattern OWN_EVENT =
      Pattern.compile(
          "(?i)(?:year|year['’]s|years['’]|week|week['’]s|"
              + "conference|conference['’]s|event|event['’]s|edition|summit|meetup|morning|afternoon|evening|time|day|"
              + "month|spring|summer|autumn|fall|winter|season|round|trip|city|venue)");

  /**
   * The session or its speaker named by role in mid-sentence: "…through the session, the twitter
   * feed…", "I expected the talk to…" (not "the talk on queues", "the keynote speakers", "after the
   * keynote").
   */
  static final Pattern MID_PROSE_REFERENCE =
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
  static final Pattern STOP_AFTER_DEMONSTRATIVE =
      Pattern.compile(
          "(?i)is|was|are|were|has|had|have|will|"
              + "would|can|could|should|may|might|must|does|did|do|makes|made|means|meant|shows|showed|seems|seemed|"
              + "sounds|looks|works|worked|gives|gave|helps|helped|allows|lets|before|after|with|without|for|from|to|"
              + "in|on|at|of|by|and|or|but|so|as|if|when|because|since|until|done|again|too|also|here|there|now|then|"
              + "up|out|off|one|ones");

  /** Words that open a sentence before its subject: subordinators, prepositions, adverbs. */
  static final Pattern CLAUSE_OPENER =
      Pattern.compile(
          "(?i)if|when|whenever|once|while|whilst|after|before|"
              + "because|since|unless|until|although|though|as|so|now|here|there|then|even|just|only|also|still|maybe|"
              + "perhaps|in|on|at|for|with|without|from|during|by|like|unlike|to|among|amongst|across|within|beyond|"
              + "despite|given|\\p{L}+ly");

  /** How far into a sentence a pronoun still counts as the first clause's subject, in words. */
  static final int FIRST_CLAUSE_WORDS = 10;
}
