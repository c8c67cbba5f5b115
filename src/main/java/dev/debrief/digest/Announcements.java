package dev.debrief.digest;

import dev.debrief.text.Bullets;
import dev.debrief.text.Grammar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report says was announced or launched — its "Announcing …", "Introducing …", "Launched …"
 * statements ({@link Grammar#announces}) — each reduced to the name of the thing announced, ranked
 * by how often the report mentions that name (a launch the author returns to is a headline; one
 * named once in a list is not), ties in document order.
 */
final class Announcements {
  private Announcements() {}

  /**
   * An announcement.
   *
   * @param source the statement that announces it
   * @param name the thing announced, as the report writes it ("Aurora Limitless Database")
   * @param mentions how often the report mentions it (its most frequent two-word piece, at least 1)
   */
  record Announcement(Candidates.Candidate source, String name, int mentions) {}

  /** Words at the start of a name that name the thing. */
  static final int HEAD_WORDS = 3;

  /**
   * Longest name kept, in words: the longest product name in the shared reports' announcements has
   * six.
   */
  static final int MAX_NAME_WORDS = 7;

  private static final Pattern VERB =
      Pattern.compile(
          "(?i)^(?:announc(?:ing|ed|es)|introduc(?:ing|ed|es)|"
              + "launch(?:ing|ed|es)|releas(?:ing|ed|es)|unveil(?:ing|ed|s)|new(?:ly)? (?:announced|released|launched)|"
              + "now (?:generally )?available|general availability of|preview of)\\s*:?\\s*(?:the |a |an )?");
  private static final Pattern CUT =
      Pattern.compile(
          "\\s+[-–—]\\s+|\\s*[:(;]|\\.\\s|\\.$|\\s+(?:which|that|to|for "
              + "(?:the|your|all)|so|because|with (?:a|an|the))\\b");

  /** The report's announcements, headline first; {@code candidates} are all its statements. */
  static List<Announcement> of(String reportText, List<Candidates.Candidate> candidates) {
    List<Announcement> out = new ArrayList<>();
    String lower = reportText.toLowerCase(Locale.ROOT);
    List<String> seen = new ArrayList<>();
    for (Candidates.Candidate c : candidates) {
      if (!Grammar.announces(c.text())) {
        continue;
      }
      String name = name(c.text());
      if (name.isEmpty() || seen.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      seen.add(name.toLowerCase(Locale.ROOT));
      out.add(new Announcement(c, name, mentions(name, lower)));
    }
    List<Announcement> ranked = new ArrayList<>(out);
    ranked.sort(
        Comparator.comparingInt((Announcement a) -> -a.mentions())
            .thenComparingInt(a -> a.source().start()));
    return ranked;
  }

  /**
   * The composed sentence naming announcements, e.g. "Announcements the report returns to most: A
   * [1], B [4] and C [7], of 6 it makes." (one sentence: a count on its own line read as meta)
   *
   * @param named names with their citation markers, headline first (at least one)
   * @param more how many further announcements the report makes
   */
  static String sentence(List<String> named, int more) {
    return "Announcements the report returns to most: "
        + series(named)
        + (more > 0 ? ", of " + (named.size() + more) + " it makes" : "")
        + ".";
  }

  /** "Announcing Acme Queue 2 - a managed queue" to "Acme Queue 2". */
  static String name(String statement) {
    String s = VERB.matcher(Bullets.stripBullet(statement)).replaceFirst("").strip();
    Matcher m = CUT.matcher(s);
    if (m.find()) {
      s = s.substring(0, m.start());
    }
    String[] ws = s.strip().split("\\s+");
    if (ws.length > MAX_NAME_WORDS) {
      s = String.join(" ", java.util.Arrays.asList(ws).subList(0, MAX_NAME_WORDS));
    }
    s = s.replaceAll("[\\s.,!]+$", "").strip();
    return s.codePoints().anyMatch(Character::isLetter) ? s : "";
  }

  private static boolean capitalised(String w) {
    return !w.isEmpty()
        && (Character.isUpperCase(w.codePointAt(0))
            || Character.isDigit(w.codePointAt(0))
            || w.codePoints().skip(1).anyMatch(Character::isUpperCase));
  }

  /**
   * Occurrences in the report of the most frequent piece of two capitalised words among the name's
   * first {@value #HEAD_WORDS} words ("Limitless Database", "Graviton 4" — the head names the
   * thing, what follows describes it), or of the name itself when it has no such piece; at least 1.
   */
  static int mentions(String name, String lowerText) {
    String[] ws = name.split("\\s+");
    int best = 0;
    boolean any = false;
    for (int i = 0; i + 1 < Math.min(HEAD_WORDS, ws.length); i++) {
      if (capitalised(ws[i]) && capitalised(ws[i + 1])) {
        any = true;
        best =
            Math.max(
                best, occurrences(lowerText, (ws[i] + " " + ws[i + 1]).toLowerCase(Locale.ROOT)));
      }
    }
    if (!any) {
      best = occurrences(lowerText, name.toLowerCase(Locale.ROOT));
    }
    return Math.max(1, best);
  }

  private static int occurrences(String text, String piece) {
    Matcher m =
        Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(piece) + "(?![\\p{L}\\p{N}])")
            .matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** "A", "A and B", "A, B and C": {@code items} (at least one) as an English series. */
  static String series(List<String> items) {
    return items.size() == 1
        ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1))
            + " and "
            + items.get(items.size() - 1);
  }
}
