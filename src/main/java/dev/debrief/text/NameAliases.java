package dev.debrief.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short forms a report introduces for a person it names in full: "Jean-Luc Picard (JL)", "Ann Lee
 * ("Annie")", and the initials of a hyphenated first name ("JL" for Jean-Luc), which people use as
 * a name. Used by {@link PersonNames} to resolve short references.
 */
final class NameAliases {
  /** Shortest alias kept, in characters: a single letter is no name. */
  static final int MIN_ALIAS_LENGTH = 2;

  private NameAliases() {}

  /**
   * The aliases {@code text} introduces for the people in {@code fullNames}, as alias → full name;
   * only aliases that point to exactly one person, are at least {@link #MIN_ALIAS_LENGTH} long, are
   * not in {@code taken} (e.g. first names already resolved) and are not {@link NotNames} words.
   */
  static Map<String, String> in(Set<String> fullNames, String text, Set<String> taken) {
    Map<String, Set<String>> aliases = new HashMap<>();
    for (String full : fullNames) {
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
      // in parentheses: initials of the name's parts ("(JLP)", "(JL)") or a quoted nickname,
      // never an affiliation ("Ann Lee (Acme)")
      Matcher a =
          Pattern.compile(
                  Pattern.quote(full)
                      + "\\s+\\((?:[\"“](\\p{Lu}\\p{Ll}{1,11})[\"”]|(\\p{Lu}{2,4}))\\)")
              .matcher(text);
      if (a.find()) {
        String alias = a.group(1) != null ? a.group(1) : a.group(2);
        if (a.group(1) != null || isSubsequence(alias, initialsOf(full))) {
          aliases.computeIfAbsent(alias, k -> new HashSet<>()).add(full);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    aliases.forEach(
        (alias, fulls) -> {
          if (fulls.size() == 1
              && alias.length() >= MIN_ALIAS_LENGTH
              && !taken.contains(alias)
              && !NotNames.contains(alias)) {
            out.put(alias, fulls.iterator().next());
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
}
