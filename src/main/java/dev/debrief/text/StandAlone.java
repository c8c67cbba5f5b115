package dev.debrief.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence (or a note) from a report can be shown on its own, away from the paragraph it came from,
 * in a brief, a digest or an answer. The rule, in order (the first problem found is the verdict):
 *
 * <ol>
 *   <li>Not a {@link LineKind} other than text: no timestamp, caption, metadata line, link or code; a prose
 *       sentence is no heading-like label either.</li>
 *   <li>Not a question.</li>
 *   <li>Not {@link Chatter} (before the references below: "Take it or leave it" is chatter before it is a
 *       dangling "it").</li>
 *   <li>No reference whose referent is elsewhere: it does not open with a pronoun or demonstrative ("It",
 *       "This", "They", "His", "Such", "That's"; "This year/conference/event" is allowed, the brief is about
 *       the event), nor carry a third-person pronoun in its first clause before any name ("If it grows…",
 *       "When she asked…"), nor open with a first name whose full name is elsewhere in the report
 *       ({@link PersonNames#shortReference}), nor — for prose — with "The speaker/talk/session/presenter" (which
 *       one?).</li>
 *   <li>No opening connective that continues an earlier sentence ("But", "Also", "However", "In this sense",
 *       "That said", "On the other hand", "As always").</li>
 *   <li>Prose only: at least {@value #MIN_PROSE_WORDS} words, a capital (or digit) first and sentence punctuation
 *       last (a lower-case or unfinished line is a note, a line ending in ":" introduces something else), a
 *       subject (it does not open with a verb form, {@link Grammar#opensWithVerb}), a finite verb ({@link Grammar#hasFiniteVerb}), and not a bare quotation
 *       whose speaker is named elsewhere.</li>
 *   <li>Notes (a bullet shown under its talk's heading) need no verb or subject, but at least
 *       {@value #MIN_NOTE_WORDS} words.</li>
 * </ol>
 * Conservative on purpose: a good sentence rejected costs one candidate, a bad one accepted costs the reader.
 */
public final class StandAlone {
  private StandAlone() {}

  /** How the text will be shown. */
  public enum Form {
    /** A sentence shown alone or in a paragraph of picked sentences: must be a full sentence. */
    PROSE,
    /** A bullet shown under the heading of its talk: a fragment is fine, a dangling reference is not. */
    NOTE
  }

  /** What is wrong with a sentence; {@link #NONE} when it stands on its own. */
  public enum Problem {
    NONE, EMPTY, TIMESTAMP, CAPTION, METADATA, LINK_OR_CODE, HEADING, QUESTION, DANGLING_REFERENCE, SHORT_NAME,
    CONNECTIVE, CHATTER, TOO_SHORT, FRAGMENT, NO_SUBJECT, NO_VERB, BARE_QUOTE;

    /** Lower-case name, for reports. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * A verdict.
   *
   * @param problem the first problem found, {@link Problem#NONE} when there is none
   * @param detail  what triggered it (a word, a chatter kind), "" when nothing did
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

  private static final Pattern OPENING_REFERENCE = Pattern.compile("(?i)^(?:he|she|they|it|its|it['’]s|this|that|"
      + "that['’]s|these|those|his|her|hers|their|theirs|them|him|both|such|said|the latter|the former|the same|"
      + "the above|the below|the following|here['’]s|here (?:is|are|was|were)|there['’]s? (?:it|he|she|they)|former|latter|another one|"
      + "one of them|some of them|most of them|all of them|each of them)\\b");
  private static final Pattern ALLOWED_DEMONSTRATIVE = Pattern.compile(
      "(?i)^(?:this|these) (?:year|year['’]s|years['’]|week|conference|conference['’]s|event|event['’]s|edition|"
      + "summit|meetup|time around)\\b");
  private static final Pattern PROSE_REFERENCE = Pattern.compile("(?i)^the (?:speaker|speakers|talk|session|"
      + "presenter|presenters|presentation|panel|panelists|keynote|host|author|authors|guy|lady|team|company|"
      + "project|product|tool|paper|demo)\\b(?!\\s+(?:of|from|on|about|at|by|for)\\b)");
  private static final Pattern CLAUSE_PRONOUN = Pattern.compile("(?i)\\b(?:he|she|they|it|his|her|their|its|them|him)\\b");
  private static final Pattern CONNECTIVE = Pattern.compile("(?i)^(?:and|but|so|or|nor|yet|also|plus|then|thus|hence|"
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
      + "along with (?:this|that)|anyhow)\\b");
  private static final Pattern PROSE_END = Pattern.compile("(?s).*[.!…][\"”’)\\]]*$");
  private static final Pattern QUOTE_OPEN = Pattern.compile("^[\"“”‘'].*[\"“”’'][.!]?$");
  private static final Pattern NAME_TOKEN = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}+#’'\\-]*");

  /** {@link #check(String, Form, PersonNames)} with no knowledge of the report's people. */
  public static Verdict check(String sentence, Form form) {
    return check(sentence, form, PersonNames.none());
  }

  /**
   * The verdict on {@code sentence} shown as {@code form}; {@code people} are the people its report names in
   * full (for first-name-only references).
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
        if (form == Form.PROSE || Grammar.words(s) < MIN_NOTE_WORDS + 1) {
          return new Verdict(Problem.HEADING, "");
        }
      }
      default -> {
      }
    }
    if (!s.codePoints().anyMatch(Character::isLetter)) {
      return new Verdict(Problem.EMPTY, "");
    }
    if (s.matches("(?s).*\\?[\"”’)]*$") || form == Form.PROSE && s.contains("?")) {
      return new Verdict(Problem.QUESTION, "");
    }
    String body = s.replaceFirst("^[\"“‘'(\\[]+", "");
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
    String clausePronoun = pronounBeforeAnyName(body);
    if (clausePronoun != null) {
      return new Verdict(Problem.DANGLING_REFERENCE, clausePronoun);
    }
    String full = people.shortReference(body);
    if (full != null) {
      return new Verdict(Problem.SHORT_NAME, full);
    }
    Matcher con = CONNECTIVE.matcher(body);
    if (con.find()) {
      return new Verdict(Problem.CONNECTIVE, con.group());
    }
    int words = Grammar.words(body);
    if (form == Form.NOTE) {
      return words < MIN_NOTE_WORDS ? new Verdict(Problem.TOO_SHORT, "") : OK;
    }
    if (words < MIN_PROSE_WORDS) {
      return new Verdict(Problem.TOO_SHORT, "");
    }
    if (!Character.isUpperCase(body.codePointAt(0)) && !Character.isDigit(body.codePointAt(0))) {
      return new Verdict(Problem.FRAGMENT, "lower-case opening");
    }
    if (!PROSE_END.matcher(s).matches()) {
      return new Verdict(Problem.FRAGMENT, s.endsWith(":") ? "introduces what follows" : "no closing punctuation");
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

  /**
   * A third-person pronoun among the first {@value #FIRST_CLAUSE_WORDS} words, before any capitalised word past
   * the first and before the first comma: "If it grows…", "When they asked…". ("It" as the first word is caught
   * as an opening reference.)
   */
  static String pronounBeforeAnyName(String body) {
    String[] ws = body.split("\\s+");
    for (int i = 1; i < Math.min(FIRST_CLAUSE_WORDS, ws.length); i++) {
      String w = ws[i];
      if (NAME_TOKEN.matcher(w).lookingAt() && !w.matches("I(?:['’].*)?")) {
        return null;
      }
      Matcher m = CLAUSE_PRONOUN.matcher(w);
      if (m.matches() || m.lookingAt() && w.substring(m.end()).matches("['’]s|['’]re|['’]ll|[,;:.]")) {
        return m.group();
      }
      if (w.endsWith(",") || w.endsWith(";") || w.endsWith(":")) {
        return null;
      }
    }
    return null;
  }

  /** How far into a sentence a pronoun still counts as the first clause's subject, in words. */
  static final int FIRST_CLAUSE_WORDS = 6;
}
