package dev.debrief.eval;

import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * Whether a passage "holds" an evidence string: both sides normalised the same way (HTML entities
 * decoded, Markdown links reduced to their label, lower-cased, only letters and digits kept), then
 * substring match.
 */
public final class Evidence {
  private Evidence() {}

  /** The normal form used for matching. */
  public static String normalize(String s) {
    if (s == null) {
      return "";
    }
    String t = Parser.unescapeEntities(s, false);
    t = t.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    t = t.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(t.length());
    t.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** True when {@code passage} contains {@code evidence} after normalising both. */
  public static boolean holds(String passage, String evidence) {
    String e = normalize(evidence);
    return !e.isEmpty() && normalize(passage).contains(e);
  }
}
