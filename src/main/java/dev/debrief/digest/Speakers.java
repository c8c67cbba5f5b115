package dev.debrief.digest;

import dev.debrief.text.Grammar;
import dev.debrief.text.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a session heading into the talk's title and its speakers, the ways reports write them:
 * "Ann Lee - Title", "Ann Lee: Title", "Ann Lee, \"Title\"", "Title - Ann Lee and Bo Chen", "Title
 * by Ann Lee", "Title (Ann Lee)", "Ann Lee @annl - Acme - Title", "Ann Lee (Acme) Title", "Ann Lee
 * - CTO Acme". Markdown links, URLs and @handles are dropped; an affiliation next to the speaker is
 * dropped from the title.
 *
 * <p>A side is a person when {@link PersonNames#looksLikePeople} says so (name-shaped words the
 * report never writes in lower case). When both sides of a heading look like people ("Lazy Loading
 * - Ann Lee" where the report never writes "lazy" or "loading" in lower case), the side on which
 * the report's other headings put their speakers decides.
 */
final class Speakers {
  private Speakers() {}

  /** Which side of the separator a report's headings put the speaker on. */
  enum Side {
    FIRST,
    LAST,
    UNKNOWN
  }

  /**
   * A parsed heading.
   *
   * @param title the talk's title as the heading gives it (the whole cleaned heading when it names
   *     only a speaker and a role)
   * @param speaker the speakers as written ("Ann Lee and Bo Chen"), or ""
   * @param side where the speaker was, for {@link #preferredSide}
   */
  record Parsed(String title, String speaker, Side side) {}

  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
  private static final Pattern URL = Pattern.compile("(?i)\\s*(?:https?://|www\\.)\\S+");

  /** A social-media handle; "@Scale" in a title is a word, handles are written in lower case. */
  private static final Pattern HANDLE = Pattern.compile("\\(?@(?=[\\p{Ll}\\d_])[\\w.]+\\)?");

  /**
   * A handle standing as a whole part between separators ("Henrik Joreteg - @HenrikJoreteg - The
   * State of Realtime"), capitalised or not; inside a title "@Scale" stays.
   */
  private static final Pattern HANDLE_PART =
      Pattern.compile("(?<=^|\\s[-–—|]\\s)[@+][\\w.]+(?: [\\p{Lu}][\\w.]+)?(?=\\s[-–—|]\\s|\\s*$)");

  private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:-{1,2}|–|—|\\|)\\s+");
  private static final Pattern ROLE =
      Pattern.compile(
          "(?i)\\b(?:ceo|cto|cio|coo|cfo|cpo|vp|svp|evp|director|head|"
              + "chief|president|founder|co-?founder|manager|engineer|architect|lead|principal|fellow|professor|pm|"
              + "evangelist|advocate|maintainer|chair|bdfl|researcher|scientist|developer)\\b");
  private static final Pattern LEADING_NAME_PAREN =
      Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)\\s+(\\S.*)$");
  private static final Pattern TRAILING_PAREN = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)\\s*$");
  private static final Pattern BY = Pattern.compile("^(.+?)\\s+(?:by|with)\\s+(.+)$");

  /** Removes links' targets, URLs, @handles, markdown emphasis and trailing separators. */
  static String clean(String heading) {
    String h = LINK.matcher(heading).replaceAll("$1");
    h = URL.matcher(h).replaceAll(" ");
    h = HANDLE.matcher(h).replaceAll(" ");
    h = HANDLE_PART.matcher(h.strip()).replaceAll(" ");
    h =
        h.replaceAll("[*`]+|^[#+]+", " ")
            .replaceAll("\\(\\s*\\)", " ")
            .replaceAll("\\s+", " ")
            .strip();
    h = h.replaceAll("(?:\\s+(?:-{1,2}|–|—|\\|)(?=\\s)){2,}", " -");
    return h.replaceAll("(?:\\s*[-–—|:,]\\s*)+$", "")
        .replaceAll("^(?:\\s*[-–—|:,]\\s*)+", "")
        .strip();
  }

  /** The title and speaker of {@code heading}; {@code people} and {@code text} are its report's. */
  static Parsed parse(String heading, PersonNames people, String text, Side preferred) {
    String h = clean(heading);
    if (h.isEmpty()) {
      return new Parsed(heading.strip(), "", Side.UNKNOWN);
    }
    List<String> parts = new ArrayList<>();
    for (String p : SEPARATOR.split(h)) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    if (parts.size() >= 2) {
      Parsed p = fromParts(h, parts, people, text, preferred);
      if (p != null) {
        return p;
      }
    }
    // "Ann Lee: Title", "Ann Lee, "Title"", "Title, Ann Lee"
    for (String sep : new String[] {", ", ": "}) {
      int i = h.indexOf(sep);
      if (i > 0) {
        Parsed p =
            fromParts(
                h,
                List.of(h.substring(0, i).strip(), h.substring(i + sep.length()).strip()),
                people,
                text,
                preferred);
        if (p != null) {
          return p;
        }
      }
    }
    Matcher m = LEADING_NAME_PAREN.matcher(h);
    if (m.matches() && isPeople(m.group(1), people, text)) {
      return new Parsed(unquote(m.group(3)), m.group(1).strip(), Side.FIRST);
    }
    m = TRAILING_PAREN.matcher(h);
    if (m.matches() && isPeople(m.group(2), people, text)) {
      return new Parsed(unquote(m.group(1)), m.group(2).strip(), Side.LAST);
    }
    m = BY.matcher(h);
    if (m.matches() && isPeople(m.group(2), people, text)) {
      return new Parsed(unquote(m.group(1)), m.group(2).strip(), Side.LAST);
    }
    if (isPeople(h, people, text)
        && (HANDLE.matcher(heading).find() || URL.matcher(heading).find())) {
      return new Parsed(
          h, h, Side.UNKNOWN); // "Ann Lee - @annl": a name alone is a speaker only with a handle
    }
    return new Parsed(h, "", Side.UNKNOWN);
  }

  private static Parsed fromParts(
      String h, List<String> parts, PersonNames people, String text, Side preferred) {
    int first = isPeople(parts.get(0), people, text) ? 0 : -1;
    int last =
        parts.size() > 1 && isPeople(parts.get(parts.size() - 1), people, text)
            ? parts.size() - 1
            : -1;
    if (first < 0 && last < 0 && parts.size() == 2) {
      // "Justin Weiss, "Building a Collaborative Text Editor"": beside a quoted title, a name of
      // capitalised words is its speaker, even when its first name opens other names too
      if (QUOTED.matcher(parts.get(1)).matches() && nameWords(parts.get(0))) {
        first = 0;
      } else if (QUOTED.matcher(parts.get(0)).matches() && nameWords(parts.get(1))) {
        last = 1;
      }
    }
    int at;
    boolean ambiguous = first >= 0 && last >= 0;
    if (ambiguous) {
      at = preferred == Side.LAST ? last : first;
    } else {
      at = Math.max(first, last);
    }
    if (at < 0) {
      return null;
    }
    String speaker = parts.get(at).replaceAll("\\s*\\([^)]*\\)", "").strip();
    List<String> rest = new ArrayList<>(parts);
    rest.remove(at);
    // an affiliation next to the speaker ("Acme", "CTO Acme") is not part of the title, when a
    // title remains
    int next = at == 0 ? 0 : rest.size() - 1;
    if (rest.size() >= 2 && affiliation(rest.get(next))) {
      rest.remove(next);
    }
    Side side =
        ambiguous && preferred == Side.UNKNOWN ? Side.UNKNOWN : at == 0 ? Side.FIRST : Side.LAST;
    if (rest.size() == 1
        && Grammar.words(rest.get(0)) <= 4
        && !rest.get(0).matches("^[\"“].*")
        && ROLE.matcher(rest.get(0)).find()) {
      return new Parsed(h, speaker, side); // "Ann Lee - CTO Acme": a keynote by its speaker
    }
    return new Parsed(unquote(String.join(" - ", rest)), speaker, side);
  }

  /** A part in quotes: a talk's title. */
  private static final Pattern QUOTED = Pattern.compile("^[\"“].+[\"”]$");

  /** Most words of a speaker's name beside a quoted title ({@link #nameWords}). */
  private static final int MAX_NAME_WORDS = 3;

  /**
   * Two or three capitalised words, none of them a word that is never a name ("Opening Keynote",
   * "The Team"): a person's name as headings write it.
   */
  private static boolean nameWords(String part) {
    String[] ws = part.strip().split("\\s+");
    if (ws.length < 2 || ws.length > MAX_NAME_WORDS) {
      return false;
    }
    for (String w : ws) {
      if (!w.matches("\\p{Lu}[\\p{Ll}’'\\-]+") || PersonNames.notAName(w)) {
        return false;
      }
    }
    return true;
  }

  /** One capitalised word or acronym ("Acme", "ACME"), or a short role ("CTO Acme"). */
  static boolean affiliation(String part) {
    String[] ws = part.strip().split("\\s+");
    if (ws.length == 1) {
      return ws[0].matches("\\p{Lu}[\\p{L}\\p{N}.&'’]*");
    }
    return ws.length <= 4 && ROLE.matcher(part).find() && !part.matches(".*[!?:].*");
  }

  private static boolean isPeople(String part, PersonNames people, String text) {
    String p = part.replaceAll("^[\"“]|[\"”]$", "").strip();
    return p.split("\\s+").length <= 12 && people.looksLikePeople(p, text);
  }

  private static String unquote(String s) {
    String t = s.strip().replaceAll("^[\\s\\-–—|:,+]+|[\\s\\-–—|:,]+$", "").strip();
    if (t.length() > 2
        && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("“") && t.endsWith("”"))) {
      return t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  /** The side most of {@code headings} put their speaker on (FIRST when tied or unknown). */
  static Side preferredSide(List<String> headings, PersonNames people, String text) {
    int first = 0;
    int last = 0;
    for (String h : headings) {
      Side s = parse(h, people, text, Side.UNKNOWN).side();
      if (s == Side.FIRST) {
        first++;
      } else if (s == Side.LAST) {
        last++;
      }
    }
    return last > first ? Side.LAST : Side.FIRST;
  }
}
