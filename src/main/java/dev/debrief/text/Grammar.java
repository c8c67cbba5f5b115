package dev.debrief.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rough grammatical cues for English report text, by word lists and word shapes (no parser): is
 * there a finite verb, does the sentence open with a verb (its subject left out), does it announce
 * something. Good enough to tell a statement from a label or a note fragment; not a part-of-speech
 * tagger.
 */
public final class Grammar {
  private Grammar() {}

  private static final Pattern BULLET =
      Pattern.compile("^\\s*(?:[•\\-*+·–—>]|\\d{1,3}[.)]|\\[[ xX]?])\\s+");
  private static final Pattern FINITE =
      Pattern.compile(
          "(?i)\\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|"
              + "can|could|will|would|should|may|might|must|shall|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|doesn['’]t|don['’]t|"
              + "didn['’]t|can['’]t|won['’]t|wouldn['’]t|shouldn['’]t|hasn['’]t|haven['’]t|it['’]s|that['’]s|there['’]s|"
              + "here['’]s|what['’]s|\\w+['’](?:re|ve|ll|d)|i['’]m)\\b");

  /**
   * Irregular past tenses and common verbs whose finite form has no -s/-ed ending worth guessing
   * from.
   */
  private static final Set<String> IRREGULAR =
      Set.of(
          "went",
          "came",
          "made",
          "took",
          "gave",
          "said",
          "told",
          "saw",
          "got",
          "ran",
          "built",
          "wrote",
          "spoke",
          "began",
          "found",
          "felt",
          "kept",
          "left",
          "met",
          "put",
          "sat",
          "stood",
          "thought",
          "won",
          "brought",
          "bought",
          "caught",
          "taught",
          "held",
          "lost",
          "led",
          "became",
          "knew",
          "grew",
          "drew",
          "chose",
          "spent",
          "sent",
          "showed",
          "shown",
          "meant",
          "heard",
          "paid",
          "sold",
          "understood",
          "broke",
          "fell",
          "drove",
          "flew",
          "threw",
          "woke",
          "wore",
          "let",
          "set",
          "cut",
          "hit",
          "hurt",
          "quit",
          "shut",
          "split",
          "spread");

  /** Function words and pronouns that are never the verb of a sentence even when they end in -s. */
  private static final Set<String> NOT_VERBS =
      Set.of(
          "this",
          "his",
          "its",
          "hers",
          "ours",
          "yours",
          "theirs",
          "thus",
          "always",
          "perhaps",
          "sometimes",
          "towards",
          "afterwards",
          "besides",
          "unless",
          "whereas",
          "across",
          "less",
          "various",
          "series",
          "news",
          "lots",
          "plus",
          "minus",
          "versus",
          "bonus",
          "status",
          "focus",
          "basis",
          "process",
          "access",
          "success",
          "business",
          "progress",
          "address",
          "class",
          "glass",
          "pass",
          "press",
          "stress",
          "mass",
          "ones",
          "times",
          "days",
          "years",
          "yes",
          "was",
          "has",
          "does",
          "is",
          "as",
          "us",
          "bus",
          "gas",
          "alias",
          "analysis",
          "thesis",
          "canvas",
          "atlas",
          "chaos",
          "corpus",
          "census",
          "consensus",
          "virus",
          "campus",
          "emphasis");

  private static final Set<String> PRONOUN_SUBJECTS =
      Set.of(
          "it",
          "he",
          "she",
          "this",
          "that",
          "which",
          "who",
          "they",
          "we",
          "you",
          "i",
          "one",
          "everyone",
          "nobody",
          "someone",
          "everything",
          "nothing",
          "something");

  /**
   * Verbs that open a note whose subject was left out ("Supports five regions", "Talked about
   * retries"), matched with their -s, -es, -ed, -d and -ing-less forms.
   */
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

  /** Removes a leading list bullet, numbering or task checkbox, and surrounding blanks. */
  public static String stripBullet(String line) {
    String s = line.strip();
    for (int i = 0; i < 2; i++) {
      s = BULLET.matcher(s).replaceFirst("").strip();
    }
    return s;
  }

  /**
   * True when {@code line} starts with a list bullet, a number and ")" or ".", or a task checkbox.
   */
  public static boolean isBullet(String line) {
    return line != null && BULLET.matcher(line).find();
  }

  /** Number of whitespace-separated words. */
  public static int words(String s) {
    String t = s == null ? "" : s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /**
   * A finite verb, loosely: an auxiliary or contraction, an irregular past tense, or a lower-case
   * word ending in -s or -ed after the first word that follows a noun-like word or a pronoun ("the
   * team ships", "latency dropped", "it helps") — a plural noun after an article looks the same and
   * is not counted.
   */
  public static boolean hasFiniteVerb(String s) {
    if (FINITE.matcher(s).find()) {
      return true;
    }
    String[] ws = s.strip().split("\\s+");
    for (int i = 0; i < ws.length; i++) {
      String w = ws[i].replaceAll("[^\\p{L}'’]", "");
      String lower = w.toLowerCase(Locale.ROOT);
      if (i > 0 && IRREGULAR.contains(lower) && w.equals(lower)) {
        return true;
      }
      if (i == 0 || w.length() < 4 || !w.equals(lower) || NOT_VERBS.contains(lower)) {
        continue;
      }
      boolean verbShape =
          lower.endsWith("ed")
              || lower.endsWith("es")
              || lower.endsWith("s")
                  && !lower.endsWith("ss")
                  && !lower.endsWith("us")
                  && !lower.endsWith("is");
      if (!verbShape) {
        continue;
      }
      String prev = ws[i - 1].replaceAll("[^\\p{L}\\p{N}+#]", "").toLowerCase(Locale.ROOT);
      if (prev.isEmpty()) {
        continue;
      }
      if (lower.endsWith("ed") && !ARTICLES.contains(prev)
          || PRONOUN_SUBJECTS.contains(prev)
          || !ARTICLES.contains(prev)
              && !FUNCTION.contains(prev)
              && !prev.endsWith("s")
              && !prev.endsWith("ly")) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> ARTICLES =
      Set.of(
          "a", "an", "the", "some", "many", "several", "few", "all", "most", "more", "no", "two",
          "three", "four", "five", "these", "those", "other", "such", "their", "our", "your", "my",
          "his", "her", "its", "of", "for", "with", "and", "or", "to", "in", "on", "at", "by",
          "from", "as", "new", "own");
  private static final Set<String> FUNCTION =
      Set.of(
          "very", "not", "also", "just", "only", "even", "really", "still", "then", "than", "so",
          "but", "if", "when", "while", "because", "about", "into", "over", "under", "after",
          "before", "between", "without", "within", "per", "via", "like", "up", "out", "off",
          "down", "where", "how", "why", "what", "which", "there", "here", "now", "again", "too",
          "quite", "much", "less");

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
    return ANNOUNCES.matcher(stripBullet(s)).find();
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
