package dev.debrief.text;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The author's diary, a {@link Chatter} kind: what the author (or the author's company) did, went
 * to or felt ("I went to…", "We grabbed lunch", "My first session was…"), and the reader told what
 * they can do ("You can watch the recording on…"). Also the first-person cues the other chatter
 * rules use.
 */
final class DiarySentences {
  private DiarySentences() {}

  /** Any first-person word, singular or plural, in any case: "I", "my", "we", "our", "us". */
  static final Pattern FIRST_PERSON_ANY =
      Pattern.compile(
          "(?i)(?:^|[^\\p{L}'’])(?:i|i['’](?:m|ve|d|ll)|me|my|mine|myself|im|ive|we|we['’](?:re|ve|d|ll)|us|our|ours)(?![\\p{L}'’])");

  /**
   * The author telling what they did or felt ("I went to…", "When I sat down I was stunned…", "I
   * really enjoyed it"): a first-person clause with a verb of doing, going, feeling or expecting
   * among the first words. Verbs of judging ("I think", "I believe", "I recommend", "I learned
   * that") are left alone: they state a conclusion.
   */
  static final Pattern DIARY =
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
  static final Pattern WE_DIARY =
      Pattern.compile(
          "(?:^|[\\s,(])[Ww]e\\s+(?:(?:\\w+ly|just|also|then|all|"
              + "finally|later)\\s+)?(?:went|discussed|talked|chatted|met|sat|had|spent|got|grabbed|ate|walked|headed|"
              + "decided|tried|stayed|visited|played|hung out|ended up|arrived|left|were shown|were told|were given|"
              + "got to|forgot)\\b");

  /** The author's own day opening the sentence: "My first session…", "My favourite talk…". */
  static final Pattern MY_DIARY =
      Pattern.compile(
          "(?i)^my (?:first|next|last|final|second|third|favou?rite|"
              + "own)? ?(?:session|talk|stop|day|choice|pick|trip|evening|morning|afternoon|conference|experience)\\b");

  /** How many opening words the "we" diary rule looks at, in words. */
  static final int DIARY_WORDS = 12;

  /** The reader told what they can do: "You can watch the recording on…". */
  static final Pattern READER_OPENING =
      Pattern.compile("(?i)^you can (?:see|watch|find|read|check|catch|" + "view|get)\\b");

  /** The first person singular as written: "I", "I'm", "me", "my", "myself" (not "we"). */
  static final Pattern FIRST_PERSON =
      Pattern.compile(
          "(?:^|[^\\p{L}'’])(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ii]m|[Ii]ve)(?![\\p{L}'’])");

  /**
   * True when {@code s} (a sentence, bullet stripped) tells the author's diary: a first-person
   * clause of doing or feeling anywhere, "we" doing things among its first {@value #DIARY_WORDS}
   * words, an opening "My first session…", or an opening "You can watch…".
   */
  static boolean tells(String s) {
    String opening =
        String.join(
            " ",
            Arrays.asList(s.split("\\s+"))
                .subList(0, Math.min(DIARY_WORDS, s.split("\\s+").length)));
    return DIARY.matcher(s).find()
        || WE_DIARY.matcher(opening).find()
        || MY_DIARY.matcher(s).find()
        || READER_OPENING.matcher(s).find();
  }
}
