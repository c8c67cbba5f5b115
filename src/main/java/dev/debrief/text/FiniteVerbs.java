package dev.debrief.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a piece of text has a finite verb, by word lists and word shapes (no parser): an
 * auxiliary or contraction, an irregular past tense, or a word ending in -s or -ed in a verb's
 * place. What tells a statement from a label or a note fragment; the other grammatical cues are
 * {@link Grammar}.
 */
public final class FiniteVerbs {
  private FiniteVerbs() {}

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
}
