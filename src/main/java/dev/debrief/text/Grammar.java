package dev.debrief.text;

import java.util.regex.Pattern;

/**
 * Rough grammatical cues for English report text, by word lists and word shapes (no parser): does
 * the sentence open with a verb (its subject left out), does it announce something, how many words
 * it has, is it written in title case. Whether there is a finite verb is {@link FiniteVerbs}; list
 * bullets are {@link Bullets}. Good enough to tell a statement from a label or a note fragment; not
 * a part-of-speech tagger.
 */
public final class Grammar {
  private Grammar() {}

  /**
   * Verbs that open a note whose subject was left out ("Supports five regions", "Talked about
   * retries"): a third-person or past form (-s, -es, -ed, -d), an irregular past, or a bare
   * auxiliary. The base form is left alone: "Measure before tuning" is advice, and reads on its
   * own.
   */
  private static final Pattern SUBJECTLESS =
      Pattern.compile(
          "(?i)^(?:(?:allow|let|enable|use|make|provide|support|"
              + "need|want|get|go|say|talk|mention|show|explain|describe|discuss|cover|present|introduce|combine|integrate|"
              + "build|run|give|take|require|include|offer|add|create|help|focus|demonstrate|recommend|suggest|claim|argue|"
              + "note|point|compare|walk|start|begin|finish|move|migrate|improve|reduce|increase|store|keep|release|deploy|"
              + "scale|limit|distribute|sync|mean|seem|look|work|tell|tri|turn|call|ask|answer|share|list|outline|"
              + "highlight|touch|dive|wrap|close|open|end|follow|continue|remind|warn|hope|expect|rel|depend|break|handle|"
              + "manage|treat|appl|check|test|measure|monitor|track|detect|prevent|avoid|fix|solve|replace|remove|change|"
              + "update|upgrade|extend|expose|return|accept|reject|contain|hold|cause|lead|result|prove|become|remain|"
              + "stay|lack|miss|fail|pay|cost|save|spend|win|lose|care|love|like|hate|prefer|enjoy|learn|teach|train|read|"
              + "write|speak|walk|showcase|announce|launch|unveil|explore|argue|conclude|mention|chat)(?:s|es|ed|d|ied|ies|ted)"
              + "|stopped|planned|dropped|shipped|mapped|stepped|went|came|made|took|gave|said|told|showed|ran|built|"
              + "wrote|spoke|was|were|is|are|has|had|can|could|will|would|should)\\b"
              + "(?!\\s+(?:is|are|was|were|has|have|had|can|will|would|should|do|does)\\b)");

  private static final Pattern ANNOUNCES =
      Pattern.compile(
          "(?i)^(?:announc(?:ing|ed|es)|introduc(?:ing|ed|es)|"
              + "launch(?:ing|ed|es)|releas(?:ing|ed|es)|unveil(?:ing|ed|s)|new(?:ly)? (?:announced|released|launched)|"
              + "now (?:generally )?available|general availability of|preview of)\\b");

  /** Number of whitespace-separated words. */
  public static int words(String s) {
    String t = s == null ? "" : s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /**
   * Opens with a verb, its subject left out: "Supports five regions", "Talked about retries",
   * "Presented by Ann". (A capitalised noun followed by a verb, "Grants are…", is a subject and
   * does not count.)
   */
  public static boolean opensWithVerb(String s) {
    return SUBJECTLESS
        .matcher(
            s.strip()
                .replaceFirst("^[\"“‘'(]+", "")
                .replaceFirst(
                    "(?i)^(?:just|also|then|finally|really|basically|actually|later|quickly|briefly)\\s+",
                    ""))
        .find();
  }

  /**
   * Opens by announcing something: "Announcing …", "Introducing …", "Launched …", "Now available:
   * …".
   */
  public static boolean announces(String s) {
    return ANNOUNCES.matcher(Bullets.stripBullet(s)).find();
  }

  /**
   * Written in title case: at least {@value #TITLE_CASE_SHARE} of the words that are not small
   * words ("of", "the") start with a capital or a digit ("4 Days of Example - Day 2").
   */
  public static boolean titleCase(String s) {
    int words = 0;
    int capitals = 0;
    for (String w : s.split("\\s+")) {
      String t = w.replaceAll("^[^\\p{L}\\p{N}]+", "");
      if (t.isEmpty() || t.matches("(?i)of|the|a|an|and|or|in|on|at|to|for|with|by|from|vs\\.?")) {
        continue;
      }
      words++;
      if (Character.isUpperCase(t.codePointAt(0)) || Character.isDigit(t.codePointAt(0))) {
        capitals++;
      }
    }
    return words > 0 && capitals >= TITLE_CASE_SHARE * words;
  }

  /** Share of capitalised words that makes a line title case. */
  public static final double TITLE_CASE_SHARE = 0.75;
}
