package dev.debrief.text;

import java.util.regex.Pattern;

/**
 * The shapes of a fragment, a {@link StandAlone} problem: a subordinate clause standing alone, a
 * sentence cut off on a word that needs more, a note opening with its auxiliary, a quoted phrase on
 * its own, prose without closing punctuation.
 */
final class Fragments {
  private Fragments() {}

  /**
   * A note that starts with its verb's auxiliary, its subject cut off: "is a queue on top of the
   * broker".
   */
  static final Pattern AUXILIARY_FIRST =
      Pattern.compile(
          "^(?:is|are|was|were|has|have|had|does|do|did|can|" + "will|would|should|could)\\b");

  /** A line that is one quotation from start to end: "\"scientific workflow engine\"". */
  static final Pattern QUOTED_WHOLE = Pattern.compile("(?s)^[\"“][^\"“”]+[\"”][.!…]*$");

  /** A subordinate clause opening; without a comma there is no main clause after it. */
  static final Pattern SUBORDINATE =
      Pattern.compile(
          "(?i)^(?:while|whilst|when|whenever|if|although|though|"
              + "because|since|unless|after|before|whereas|once|until|as soon as)\\b");

  /** Words a sentence does not end on unless it was cut off. */
  static final Pattern CUT_OFF =
      Pattern.compile(
          "(?i)(?:^|\\s)(?:the|a|an|of|to|in|on|at|for|with|from|by|"
              + "and|or|but|that|which|how|if|is|are|was|were|be|you['’]re|we['’]re|they['’]re|i['’]m|it['’]s|your|their|"
              + "our|my|his|her|its|than|as|into|about|because|when|where|who|not)[\\s.,;:!…]*$");

  /** Sentence punctuation closing prose, before any closing quote or bracket. */
  static final Pattern PROSE_END = Pattern.compile("(?s).*[.!…][\"”’)\\]]*$");
}
