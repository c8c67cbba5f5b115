package dev.debrief.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a report names in full ("Ann Example", "Dr. Bo de Vries"), found by word shape, and
 * the short references to them ("Ann's demo…", "Ann then showed…") that only make sense next to the
 * full name.
 *
 * <p>A candidate is two or three capitalised words (optionally a title such as "Dr." and a particle
 * such as "de" or "van") none of which the same report ever writes in lower case and none of which
 * is a common English or conference word; so "Cluster Operations" is no person when the report also
 * says "cluster", and a product written "Storage Engine" is none when it says "engine". Names of
 * places, products and companies written the same way slip through; the class is for judging
 * sentences, not for building a directory.
 */
public final class PersonNames {
  /** A capitalised name word; "McLean", "DeSantis" and "O'Neil" keep their inner capital. */
  private static final String NAME_WORD =
      "(?:Mc|Mac|O['’]|D[aei]|L[ae])?\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)?";

  /** Blanks within a line: a name never runs across a line break. */
  private static final String SP = "[ \\t\\u00A0]+";

  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?:\\b(?:Dr|Prof|Mr|Ms|Mrs)\\.?"
              + SP
              + ")?"
              + "\\b("
              + NAME_WORD
              + ")((?:"
              + SP
              + "(?:de|van|von|da|del|di|le|la|der|den|ter))?(?:"
              + SP
              + "\\p{Lu}\\.?)?"
              + "(?:"
              + SP
              + NAME_WORD
              + ")?"
              + SP
              + NAME_WORD
              + "(?:-\\p{Lu}[\\p{Ll}]+)?)(?![\\p{L}\\p{N}])");
  private static final Pattern FOLLOWED =
      Pattern.compile("\\b(\\p{Lu}[\\p{Ll}’'\\-]+)[ \\t\\u00A0]+(\\p{Lu}[\\p{L}\\p{N}]*)");

  /**
   * Distinct capitalised followers that make a word a brand rather than a first name: a person's
   * first name is followed by their surname (once in a while by a middle name), a brand by its
   * products.
   */
  static final int BRAND_FOLLOWERS = 3;

  private static final Pattern LOWER_WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Ll}[\\p{Ll}’'\\-]*(?![\\p{L}\\p{N}])");

  /**
   * Capitalised words that are common at the start of sentences or headings, in dates, or in talk
   * titles.
   */
  static final Set<String> NOT_NAMES =
      Set.of(
          "The",
          "A",
          "An",
          "In",
          "On",
          "At",
          "Of",
          "For",
          "And",
          "But",
          "Or",
          "If",
          "When",
          "Why",
          "How",
          "What",
          "Who",
          "Where",
          "This",
          "That",
          "These",
          "Those",
          "It",
          "Its",
          "We",
          "You",
          "They",
          "He",
          "She",
          "His",
          "Her",
          "Our",
          "My",
          "Your",
          "Their",
          "There",
          "Here",
          "Day",
          "Days",
          "Keynote",
          "Keynotes",
          "Talk",
          "Talks",
          "Session",
          "Sessions",
          "Panel",
          "Workshop",
          "Tutorial",
          "Track",
          "Summit",
          "Conference",
          "Meetup",
          "Part",
          "Chapter",
          "Section",
          "Introduction",
          "Summary",
          "Conclusion",
          "Notes",
          "Monday",
          "Tuesday",
          "Wednesday",
          "Thursday",
          "Friday",
          "Saturday",
          "Sunday",
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December",
          "North",
          "South",
          "East",
          "West",
          "New",
          "Old",
          "Big",
          "Open",
          "Cloud",
          "Data",
          "Web",
          "Next",
          "First",
          "Last",
          "All",
          "Also",
          "Some",
          "Many",
          "More",
          "Most",
          "Best",
          "Top",
          "Good",
          "Great",
          "Final",
          "Closing",
          "Opening",
          "Lightning",
          "Hands",
          "Live",
          "Deep",
          "Dive",
          "Building",
          "Using",
          "Making",
          "Getting",
          "Beyond",
          "Inside",
          "Into",
          "From",
          "With",
          "Without",
          "Not",
          "No",
          "Yes",
          "Thanks",
          "Thank",
          "Happy",
          "Welcome",
          "Hello",
          "So",
          "Then",
          "Now",
          "After",
          "Before",
          "During",
          "One",
          "Two",
          "Three",
          "Mr",
          "Ms",
          "Mrs",
          "Dr",
          "Prof",
          "St",
          "Author",
          "Authors",
          "Speaker",
          "Speakers",
          "Team",
          "Teams",
          "Group",
          "Groups",
          "Working",
          "Committee",
          "Members",
          "Staff",
          "Engineers",
          "Engineering",
          "Inc",
          "Corp",
          "Labs",
          "Lab",
          "University",
          "Foundation",
          "Project",
          "Community",
          "Meeting",
          "Report",
          "Blog",
          "News",
          "Press",
          "Edition",
          "Release",
          "Version",
          "Update",
          "Mon",
          "Tue",
          "Wed",
          "Thu",
          "Fri",
          "Sat",
          "Sun",
          "Jan",
          "Feb",
          "Mar",
          "Apr",
          "Jun",
          "Jul",
          "Aug",
          "Sep",
          "Sept",
          "Oct",
          "Nov",
          "Dec",
          "Manager",
          "Managers",
          "Product",
          "Marketing",
          "Engineer",
          "Director",
          "Developer",
          "Developers",
          "Advocate",
          "Evangelist",
          "Architect",
          "Designer",
          "Lead",
          "Senior",
          "Principal",
          "Chief",
          "Officer",
          "President",
          "Founder",
          "Head",
          "Member",
          "Moderator",
          "Ambassador",
          "Writer",
          "Editor",
          "Maintainer",
          "Contributor",
          "San",
          "Santa",
          "Los",
          "Las",
          "Saint",
          "Mount",
          "Lake",
          "Port",
          "Fort",
          "Hall",
          "Center",
          "Centre",
          "Park",
          "Street");

  private final Set<String> fullNames = new HashSet<>();
  private final Map<String, String> byFirst = new HashMap<>();

  private PersonNames() {}

  /** The people {@code text} names in full (headings and body alike). */
  public static PersonNames in(String text) {
    PersonNames out = new PersonNames();
    String t = text == null ? "" : text;
    Set<String> lower = new HashSet<>();
    Matcher lw =
        LOWER_WORD.matcher(t.replaceAll("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+|\\S+@\\S+", " "));
    while (lw.find()) {
      lower.add(lw.group());
    }
    // A word followed by several different capitalised words is a brand ("Acme Cloud", "Acme
    // Store"), not a
    // first name.
    Map<String, Set<String>> followers = new HashMap<>();
    Matcher f = FOLLOWED.matcher(t);
    while (f.find()) {
      followers.computeIfAbsent(f.group(1), k -> new HashSet<>()).add(f.group(2));
      f.region(f.start(2), t.length());
    }
    Map<String, Set<String>> firsts = new HashMap<>();
    Matcher m = CANDIDATE.matcher(t);
    while (m.find()) {
      String first = m.group(1);
      String rest = m.group(2).strip();
      String last = rest.substring(rest.lastIndexOf(' ') + 1);
      String middle = rest.contains(" ") ? rest.substring(0, rest.lastIndexOf(' ')).strip() : "";
      boolean middleOk =
          middle.isEmpty()
              || middle.matches("(?:de|van|von|da|del|di|le|la|der|den|ter|\\p{Lu}\\.?)")
              || plausible(middle, lower);
      if (!plausible(first, lower)
          || !plausible(last, lower)
          || !middleOk
          || followers.getOrDefault(first, Set.of()).size() >= BRAND_FOLLOWERS) {
        continue;
      }
      String full = first + " " + rest.replaceAll("\\s+", " ");
      out.fullNames.add(full);
      firsts.computeIfAbsent(first, k -> new HashSet<>()).add(full);
    }
    firsts.forEach(
        (first, fulls) -> {
          if (fulls.size() == 1) {
            out.byFirst.put(first, fulls.iterator().next());
          }
        });
    // Short forms a report introduces for a person: "Jean-Luc Picard (JL)", "Ann Lee ("Annie")",
    // and the
    // initials of a hyphenated first name ("JL" for Jean-Luc), which people use as a name
    Map<String, Set<String>> aliases = new HashMap<>();
    for (String full : out.fullNames) {
      String first = full.substring(0, full.indexOf(' '));
      if (first.contains("-")) {
        StringBuilder initials = new StringBuilder();
        for (String part : first.split("-")) {
          if (!part.isEmpty()) {
            initials.appendCodePoint(part.codePointAt(0));
          }
        }
        aliases.computeIfAbsent(initials.toString(), k -> new HashSet<>()).add(full);
      }
      // in parentheses: initials of the name's parts ("(JLP)", "(JL)") or a quoted nickname, never
      // an
      // affiliation ("Ann Lee (Acme)")
      Matcher a =
          Pattern.compile(
                  Pattern.quote(full)
                      + "\\s+\\((?:[\"“](\\p{Lu}\\p{Ll}{1,11})[\"”]|(\\p{Lu}{2,4}))\\)")
              .matcher(t);
      if (a.find()) {
        String alias = a.group(1) != null ? a.group(1) : a.group(2);
        if (a.group(1) != null || isSubsequence(alias, initialsOf(full))) {
          aliases.computeIfAbsent(alias, k -> new HashSet<>()).add(full);
        }
      }
    }
    aliases.forEach(
        (alias, fulls) -> {
          if (fulls.size() == 1
              && alias.length() >= 2
              && !out.byFirst.containsKey(alias)
              && !NOT_NAMES.contains(alias)) {
            out.byFirst.put(alias, fulls.iterator().next());
          }
        });
    return out;
  }

  private static String initialsOf(String full) {
    StringBuilder b = new StringBuilder();
    for (String part : full.split("[\\s\\-]+")) {
      if (!part.isEmpty() && Character.isUpperCase(part.codePointAt(0))) {
        b.appendCodePoint(part.codePointAt(0));
      }
    }
    return b.toString();
  }

  private static boolean isSubsequence(String alias, String initials) {
    if (alias.isEmpty() || initials.isEmpty() || alias.charAt(0) != initials.charAt(0)) {
      return false;
    }
    int j = 0;
    for (int i = 0; i < initials.length() && j < alias.length(); i++) {
      if (initials.charAt(i) == alias.charAt(j)) {
        j++;
      }
    }
    return j == alias.length();
  }

  /**
   * True when {@code word} (any case) is a capitalised word that is never a name: "Monday",
   * "Keynote", "The".
   */
  public static boolean notAName(String word) {
    return NOT_NAMES_LOWER.contains(word.toLowerCase(Locale.ROOT));
  }

  private static final Set<String> NOT_NAMES_LOWER =
      NOT_NAMES.stream()
          .map(w -> w.toLowerCase(Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** No people at all (for text whose report is unknown). */
  public static PersonNames none() {
    return new PersonNames();
  }

  /** Endings of English words that are no names: "Designing", "Announcements", "Observability". */
  private static final Pattern WORD_ENDING =
      Pattern.compile("(?i).{3,}(?:ing|tions?|ments?|ness|ity|ities|ology|ware|" + "ables?)$");

  private static boolean plausible(String word, Set<String> lowerWords) {
    String w = word.replaceAll("['’]s$", "");
    return w.length() >= 2
        && !NOT_NAMES.contains(w)
        && !WORD_ENDING.matcher(w).matches()
        && !lowerWords.contains(w.toLowerCase(Locale.ROOT))
        && java.util.Arrays.stream(w.split("-"))
            .allMatch(
                part ->
                    !part.isEmpty()
                        && part.replaceFirst("^(?:Mc|Mac|O['’]|D[aei]|L[ae])(?=\\p{Lu})", "")
                            .chars()
                            .skip(1)
                            .noneMatch(
                                Character::isUpperCase)); // "Jean-Luc", "McAllister"; not "GitHub"
  }

  /** The full names found, e.g. "Ann Example". */
  public Set<String> fullNames() {
    return Set.copyOf(fullNames);
  }

  /**
   * True when {@code candidate} (a name as a heading writes it, possibly several joined by "and",
   * "&amp;", "," or "/") consists of names of this report's people, or of name-shaped words the
   * report never writes in lower case.
   */
  public boolean looksLikePeople(String candidate, String reportText) {
    String c = candidate.replaceAll("@\\w+", " ").replaceAll("\\([^)]*\\)", " ").strip();
    if (c.isEmpty() || c.matches("^[\"“'‘].*")) {
      return false; // a quoted part is a title
    }
    PersonNames within = in(c + "\n.\n" + (reportText == null ? "" : reportText));
    for (String part : c.split("\\s*(?:,|&|/|\\band\\b|\\+)\\s*")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!within.fullNames.contains(p.replaceFirst("^(?:Dr|Prof|Mr|Ms|Mrs)\\.?\\s+", ""))
          && !fullNames.contains(p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The full name a sentence refers to by first name only ("Ann's demo…", "Then Ann showed…", "…but
   * Ann is a big name"), when this report names exactly one person with that first name and the
   * sentence does not name them in full; else null.
   */
  public String shortReference(String sentence) {
    String s = Grammar.stripBullet(sentence).replaceFirst("^[\"“‘'(]+", "");
    String[] ws = s.split("\\s+");
    for (int i = 0; i < ws.length; i++) {
      String w = ws[i].replaceAll("['’]s?$", "").replaceAll("[^\\p{L}\\-]", "");
      String full = byFirst.get(w);
      if (full != null && !s.contains(full)) {
        String next = i + 1 < ws.length ? ws[i + 1].replaceAll("[^\\p{L}\\p{N}]", "") : "";
        // "Ann Lee" spelled in full, or "Ann X" where X is another name or a product: not a short
        // reference
        if (!full.endsWith(" " + next)
            && (next.isEmpty() || !Character.isUpperCase(next.codePointAt(0)))) {
          return full;
        }
      }
    }
    return null;
  }

  /** The names as a list, sorted, for tests and reports. */
  public List<String> sorted() {
    return fullNames.stream().sorted().toList();
  }
}
