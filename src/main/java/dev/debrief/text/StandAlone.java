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
 *       speaker/talk/session/presenter" (which one?); nor point back anywhere ("the previous talk",
 *       "go there", "exactly that", "The first was…").
 *   <li>No opening connective that continues an earlier sentence ("But", "Also", "However", "In
 *       this sense", "That said", "On the other hand", "As always", "If so").
 *   <li>Not a fragment: no subordinate clause standing alone ("While talking about it" with no
 *       comma and main clause after), no ending on a word that needs more ("… until you're", "…
 *       the"), no line ending in ":" (it introduces what follows).
 *   <li>Prose only: at least {@value #MIN_PROSE_WORDS} words, a capital (or digit) first and
 *       sentence punctuation last (a lower-case or unfinished line is a note, a line ending in ":"
 *       introduces something else), a subject (it does not open with a verb form, {@link
 *       Grammar#opensWithVerb}), a finite verb ({@link FiniteVerbs#hasFiniteVerb}), and not a bare
 *       quotation whose speaker is named elsewhere.
 *   <li>Notes (a bullet shown under its talk's heading) need no verb or subject, but at least
 *       {@value #MIN_NOTE_WORDS} words, and a heading-like note is no label in title case ("4 Days
 *       of Example - Day 2").
 * </ol>
 *
 * Conservative on purpose: a good sentence rejected costs one candidate, a bad one accepted costs
 * the reader.
 *
 * <p>This class holds the order of the rules ({@link #check}); the patterns live by problem: {@link
 * Brackets}, {@link DanglingReferences}, {@link Connectives} and {@link Fragments}.
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

  /** A question asked without its question mark: "What is a voice application". */
  private static final Pattern BARE_QUESTION =
      Pattern.compile(
          "(?i)^(?:what|why|how|who|when|where|which)\\s+"
              + "(?:is|are|was|were|do|does|did|can|could|should|would|will|to)\\b");

  /** A web address: "https://…", "www.…", "example.com/…". */
  private static final Pattern URL =
      Pattern.compile("(?i)\\bhttps?://|\\bwww\\.\\S+|\\b[\\w-]+\\.(?:com|org|net|io|dev|ai)/\\S+");

  /** A line opening and closing with a quote: a quotation with no one saying it. */
  private static final Pattern QUOTE_OPEN = Pattern.compile("^[\"“”‘'].*[\"“”’'][.!]?$");

  /** {@link #check(String, Form, PersonNames)} with no knowledge of the report's people. */
  public static Verdict check(String sentence, Form form) {
    return check(sentence, form, PersonNames.none());
  }

  /**
   * The verdict on {@code sentence} shown as {@code form}; {@code people} are the people its report
   * names in full (for first-name-only references).
   */
  public static Verdict check(String sentence, Form form, PersonNames people) {
    String s = Bullets.stripBullet(sentence == null ? "" : sentence);
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
    String unbalanced = Brackets.unbalanced(s);
    if (unbalanced != null) {
      return new Verdict(Problem.FRAGMENT, "unbalanced " + unbalanced);
    }
    if (s.matches("(?s).*\\?[\"”’)]*$")
        || form == Form.PROSE && s.contains("?")
        || BARE_QUESTION.matcher(s.replaceFirst("^[\"“‘'(]+", "")).find() && !s.contains(",")) {
      return new Verdict(Problem.QUESTION, "");
    }
    String body = s.replaceFirst("^[\"“‘'(\\[]+", "");
    Matcher summing = Connectives.SUMMING_UP.matcher(body);
    if (summing.lookingAt() && summing.end() < body.length()) {
      // "To sum it up, the conference was…": the author's conclusion, judged on what it concludes
      String rest = body.substring(summing.end());
      body = rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
    }
    Chatter.Kind chatter = Chatter.of(body);
    if (chatter != Chatter.Kind.NONE) {
      return new Verdict(Problem.CHATTER, chatter.name().toLowerCase(Locale.ROOT));
    }
    Matcher ref = DanglingReferences.OPENING_REFERENCE.matcher(body);
    if (ref.find() && !DanglingReferences.ALLOWED_DEMONSTRATIVE.matcher(body).find()) {
      return new Verdict(Problem.DANGLING_REFERENCE, ref.group());
    }
    if (form == Form.PROSE) {
      Matcher pr = DanglingReferences.PROSE_REFERENCE.matcher(body);
      if (pr.find()) {
        return new Verdict(Problem.DANGLING_REFERENCE, pr.group());
      }
    }
    Matcher con = Connectives.CONNECTIVE.matcher(body);
    if (con.find()) {
      return new Verdict(Problem.CONNECTIVE, con.group());
    }
    Matcher later = DanglingReferences.LATER_REFERENCE.matcher(body);
    if (later.find()) {
      return new Verdict(Problem.DANGLING_REFERENCE, later.group());
    }
    String clausePronoun = DanglingReferences.pronounBeforeAnyName(body);
    if (clausePronoun != null) {
      return new Verdict(Problem.DANGLING_REFERENCE, clausePronoun);
    }
    String demonstrative = DanglingReferences.demonstrativeElsewhere(body);
    if (demonstrative != null) {
      return new Verdict(Problem.DANGLING_REFERENCE, demonstrative);
    }
    if (form == Form.PROSE) {
      Matcher mid = DanglingReferences.MID_PROSE_REFERENCE.matcher(body);
      if (mid.find()) {
        return new Verdict(Problem.DANGLING_REFERENCE, mid.group().strip());
      }
    }
    String full = people.shortReference(body);
    if (full != null) {
      return new Verdict(Problem.SHORT_NAME, full);
    }
    if (Fragments.SUBORDINATE.matcher(body).find() && !body.contains(",")) {
      return new Verdict(Problem.FRAGMENT, "a subordinate clause alone");
    }
    if (Fragments.CUT_OFF.matcher(body).find()) {
      return new Verdict(Problem.FRAGMENT, "cut off");
    }
    if (body.endsWith(":")) {
      return new Verdict(Problem.FRAGMENT, "introduces what follows");
    }
    if (body.endsWith(",") || Fragments.AUXILIARY_FIRST.matcher(body).find()) {
      return new Verdict(Problem.FRAGMENT, "cut off");
    }
    if (s.startsWith("(")) {
      return new Verdict(Problem.FRAGMENT, "an aside in parentheses");
    }
    Matcher trailing = Connectives.TRAILING_CONNECTIVE.matcher(body);
    if (trailing.find()) {
      return new Verdict(Problem.CONNECTIVE, trailing.group(1));
    }
    int words = Grammar.words(body);
    if (Fragments.QUOTED_WHOLE.matcher(s).matches() && !FiniteVerbs.hasFiniteVerb(body)) {
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
    if (!Fragments.PROSE_END.matcher(s).matches()) {
      return new Verdict(
          Problem.FRAGMENT, s.endsWith(":") ? "introduces what follows" : "no closing punctuation");
    }
    if (Grammar.opensWithVerb(body)) {
      return new Verdict(Problem.NO_SUBJECT, body.split("\\s+")[0]);
    }
    if (!FiniteVerbs.hasFiniteVerb(body)) {
      return new Verdict(Problem.NO_VERB, "");
    }
    if (QUOTE_OPEN.matcher(s).matches()) {
      return new Verdict(Problem.BARE_QUOTE, "");
    }
    return OK;
  }

  /** Longest title-case line without a verb that is a label rather than a note, in words. */
  static final int LABEL_WORDS = 12;
}
