package dev.debrief.answer;

import static dev.debrief.answer.EventWords.EDITION;
import static dev.debrief.answer.EventWords.GENERIC;
import static dev.debrief.answer.EventWords.YEAR;

import dev.debrief.answer.EventCatalog.Event;
import dev.debrief.embed.Vocabulary;
import dev.debrief.model.ReportInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one {@link Event} of the catalog from its reports' metadata (event name, title, date,
 * author, tags): its brands, qualifiers, tags, authors, years, editions and shorthands, as {@link
 * EventCatalog} describes them.
 */
final class CatalogEvents {
  private CatalogEvents() {}

  /** Fewest and most capitals a short form takes from a coined name ("EP" of "EuroPython"). */
  static final int SHORTHAND_MIN = 2;

  static final int SHORTHAND_MAX = 4;

  /**
   * Shortest author word that names its report on its own (when it is no common word): shorter ones
   * ("Bo", "Li") are too often a part of other words or names.
   */
  static final int MIN_AUTHOR_BRAND = 4;

  /**
   * The words of an author field that name the author's report on their own: the uncommon words of
   * the name ("Kahn", "Greene") and a lower-case handle in parentheses ("Will Kahn-Greene
   * (willkg)"), not an affiliation in parentheses ("Abhilash Majumder (Nvidia)", "(compiledwrong
   * blog)"), and none shorter than {@link #MIN_AUTHOR_BRAND} or in {@code dictionary}.
   */
  static Set<String> authorBrands(String author, Vocabulary dictionary) {
    Set<String> out = new LinkedHashSet<>();
    Matcher handle = AUTHOR_HANDLE.matcher(author);
    String name = handle.replaceAll(" ");
    handle.reset();
    List<Words.Word> words = new ArrayList<>(Words.of(name.replaceAll("\\([^)]*\\)", " ")));
    while (handle.find()) {
      words.addAll(Words.of(handle.group(1)));
    }
    for (Words.Word w : words) {
      if (w.key().length() >= MIN_AUTHOR_BRAND
          && !GENERIC.contains(w.key())
          && !dictionary.contains(w.key())) {
        out.add(w.key());
      }
    }
    return out;
  }

  /** A handle in an author field: one lower-case word in parentheses ("(willkg)"). */
  private static final Pattern AUTHOR_HANDLE = Pattern.compile("\\(([a-z][a-z0-9_.-]*)\\)");

  /**
   * The event named {@code name}.
   *
   * @param name the event as its reports name it (or a report's title when it has no event)
   * @param reports its reports
   * @param dictionary common words, which name an event only together with others
   * @param fromTitle true when {@code name} is a report's title (only coined words brand it)
   */
  static Event event(
      String name, List<ReportInfo> reports, Vocabulary dictionary, boolean fromTitle) {
    Set<String> brands = new LinkedHashSet<>();
    Set<String> editions = new LinkedHashSet<>();
    List<Words.Word> head = Words.of(fromTitle ? name : head(name));
    List<Words.Word> content = new ArrayList<>();
    for (Words.Word w : head) {
      if (!w.numeric() && !GENERIC.contains(w.key())) {
        content.add(w);
      }
    }
    if (content.size() == 1 && !fromTitle) {
      brands.add(content.get(0).key());
    }
    for (int i = 0; i < content.size(); i++) {
      Words.Word w = content.get(i);
      boolean uncommon = !fromTitle && w.key().length() >= 3 && !dictionary.contains(w.key());
      if ((w.coined() || uncommon) && w.key().length() >= 2 && !allCapsRun(content, i)) {
        brands.add(w.key());
      }
    }
    brands.addAll(allCapsJoins(content));
    if (!fromTitle) {
      for (Words.Word w : Words.of(name)) {
        if (w.coined() && w.hasDigit() && !w.numeric() && w.key().length() >= 3) {
          brands.add(w.key()); // an alias such as "(WG21)" names the event as well as its head does
        }
      }
    }
    if (content.size() >= 2 && !fromTitle) {
      StringBuilder all = new StringBuilder();
      content.forEach(w -> all.append(w.key()));
      brands.add(all.toString());
      for (int i = 0; i + 1 < content.size(); i++) {
        if (content.get(i + 1).position() == content.get(i).position() + 1) {
          brands.add(content.get(i).key() + content.get(i + 1).key());
        }
      }
    }
    if (head.size() >= 2 && !fromTitle && head.stream().anyMatch(w -> w.key().contains("+"))) {
      // "Meeting C++" typed as one word: "meetingcpp", "meetingc++"
      StringBuilder joined = new StringBuilder();
      head.stream().filter(w -> !w.numeric()).forEach(w -> joined.append(w.key()));
      brands.add(joined.toString());
    }
    for (String b : List.copyOf(brands)) {
      if (b.contains("++")) {
        brands.add(b.replace("++", "pp")); // "C++" spelled "cpp"
      }
    }
    for (int i = 1; i < head.size(); i++) {
      Words.Word w = head.get(i);
      if (EDITION.matcher(w.key()).matches() && brands.contains(head.get(i - 1).key())
          || EDITION.matcher(w.key()).matches()
              && i >= 2
              && brands.contains(head.get(i - 2).key() + head.get(i - 1).key())) {
        editions.add(w.key());
      }
    }
    Set<String> qualifiers = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    Set<String> years = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>(List.of(name));
    List<String> tagTexts = new ArrayList<>();
    Set<String> authors = new LinkedHashSet<>();
    for (ReportInfo r : reports) {
      for (Words.Word w : Words.of(r.meta().author())) {
        if (w.key().length() > 1 && !GENERIC.contains(w.key())) {
          authors.add(w.key());
        }
      }
      brands.addAll(authorBrands(r.meta().author(), dictionary));
      ids.add(r.id());
      texts.add(r.meta().title());
      texts.add(r.meta().author());
      tagTexts.add(String.join(" ", r.meta().tags()));
      Matcher y = YEAR.matcher(r.meta().date());
      if (y.lookingAt()) {
        years.add(y.group());
      }
    }
    collect(texts, brands, qualifiers, years);
    collect(tagTexts, brands, tags, years);
    tags.removeAll(qualifiers);
    tags.removeIf(dictionary::contains); // "people", "community": a common tag word chooses nothing
    Set<String> shorthands = new LinkedHashSet<>();
    if (!fromTitle) {
      for (Words.Word w : content) {
        String initials = w.text().replaceAll("[^\\p{Lu}]", "").toLowerCase(Locale.ROOT);
        if (w.coined()
            && initials.length() >= SHORTHAND_MIN
            && initials.length() <= SHORTHAND_MAX
            && initials.length() < w.key().length()) {
          shorthands.add(initials);
        }
      }
    }
    if (!fromTitle
        && content.size() >= SHORTHAND_MIN
        && content.size() <= SHORTHAND_MAX
        && content.get(content.size() - 1).position() - content.get(0).position()
            == content.size() - 1) {
      // the initials of a name of several words ("DEF CON" gives "dc", as in "dc30")
      StringBuilder initials = new StringBuilder();
      content.forEach(w -> initials.append(w.key().charAt(0)));
      shorthands.add(initials.toString());
    }
    return new Event(
        name,
        brands,
        qualifiers,
        tags,
        authors,
        years,
        editions,
        ids,
        shorthands,
        EventDays.covered(reports));
  }

  private static void collect(
      List<String> texts, Set<String> brands, Set<String> into, Set<String> years) {
    for (String t : texts) {
      for (Words.Word w : Words.of(t)) {
        if (YEAR.matcher(w.key()).matches()) {
          years.add(w.key());
        } else if (!w.numeric()
            && !GENERIC.contains(w.key())
            && !brands.contains(w.key())
            && w.key().length() > 1) {
          into.add(w.key());
        }
      }
    }
  }

  /** The part of an event name before its first "(", "," or ";" (its place and details follow). */
  static String head(String name) {
    int cut = name.length();
    for (char c : new char[] {'(', ',', ';'}) {
      int i = name.indexOf(c);
      if (i > 0 && i < cut) {
        cut = i;
      }
    }
    return name.substring(0, cut);
  }

  private static boolean allCapsRun(List<Words.Word> content, int i) {
    return allCaps(content.get(i))
        && (i > 0 && allCaps(content.get(i - 1)) && adjacent(content, i - 1)
            || i + 1 < content.size() && allCaps(content.get(i + 1)) && adjacent(content, i));
  }

  private static List<String> allCapsJoins(List<Words.Word> content) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < content.size()) {
      int j = i;
      StringBuilder joined = new StringBuilder();
      while (j < content.size()
          && allCaps(content.get(j))
          && (j == i || adjacent(content, j - 1))) {
        joined.append(content.get(j).key());
        j++;
      }
      if (j - i >= 2) {
        out.add(joined.toString());
      }
      i = Math.max(j, i + 1);
    }
    return out;
  }

  private static boolean allCaps(Words.Word w) {
    String letters = w.text().replaceAll("[^\\p{L}]", "");
    return letters.length() >= 2 && letters.equals(letters.toUpperCase(Locale.ROOT));
  }

  private static boolean adjacent(List<Words.Word> content, int i) {
    return content.get(i + 1).position() == content.get(i).position() + 1;
  }
}
