package dev.debrief.answer;

import static dev.debrief.answer.EventWords.EDITION;
import static dev.debrief.answer.EventWords.GENERIC;
import static dev.debrief.answer.EventWords.REGIONS;
import static dev.debrief.answer.EventWords.YEAR;

import dev.debrief.answer.EventCatalog.Event;
import dev.debrief.answer.EventCatalog.Mention;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the events a question names ({@link EventCatalog#find}): by their brands and shorthands,
 * then by the years, editions and qualifiers the question gives; an absent edition when the brand's
 * events have none of those years or editions.
 */
final class MentionFinder {
  private MentionFinder() {}

  /** Most words of an event's name after its brand that are read as part of the name. */
  private static final int MAX_NAME_WORDS = 3;

  /** A one-word short form with a year: two to four letters, then two or four digits ("ep16"). */
  private static final Pattern SHORTHAND = Pattern.compile("([a-z]{2,4})(\\d{2}|(?:19|20)\\d{2})");

  /** Words after a brand within which a qualifier names that brand's event ("KubeCon Seattle"). */
  private static final int QUALIFIER_REACH = 2;

  /**
   * The position of a word within {@link #QUALIFIER_REACH} after the brand at {@code i} that names
   * {@code e} (a word of its own name, or a qualifier) and none of {@code chosen}; -1 when none
   * does.
   */
  private static int ownWordAfter(
      List<Words.Word> words,
      int i,
      Event e,
      List<Event> chosen,
      Map<Event, Set<Integer>> nameAt,
      Set<Integer> positions) {
    for (int j = i + 1; j < words.size() && j <= i + QUALIFIER_REACH; j++) {
      String k = words.get(j).key();
      boolean names =
          nameAt.getOrDefault(e, Set.of()).contains(j)
              || !positions.contains(j) && e.qualifiers().contains(k);
      int at = j;
      boolean namesChosen =
          chosen.stream()
              .anyMatch(
                  c -> nameAt.getOrDefault(c, Set.of()).contains(at) || c.qualifiers().contains(k));
      if (names && !namesChosen) {
        return j;
      }
    }
    return -1;
  }

  /**
   * True when no year of the words within {@link #QUALIFIER_REACH} + 1 after the brand at {@code i}
   * is one {@code e} lacks ("KubeCon Seattle 2017" does not name the 2018 edition).
   */
  private static boolean yearsAfterFit(List<Words.Word> words, int i, Event e) {
    for (int j = i + 1; j < words.size() && j <= i + QUALIFIER_REACH + 1; j++) {
      String k = words.get(j).key();
      if (YEAR.matcher(k).matches() && !e.years().isEmpty() && !e.years().contains(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when {@code w} is two digits right after an apostrophe ("Berlin '17"), the way a year is
   * shortened; {@link Words} leaves the apostrophe out of the word.
   */
  private static boolean apostropheYear(String question, Words.Word w) {
    String t = w.text();
    return t.length() == 2
        && t.chars().allMatch(Character::isDigit)
        && w.start() > 0
        && w.start() <= question.length()
        && "'’‘".indexOf(question.charAt(w.start() - 1)) >= 0;
  }

  /** Longest word typed in capitals that is read as the start of a word of the event's name. */
  private static final int MAX_ABBREVIATION = 3;

  /**
   * True when {@code w} is typed in capitals, two or three letters long, and begins a longer word
   * of the event's name: "BE" in "Devoxx BE 17" is Devoxx Belgium's country code, as "NA" is North
   * America's (a region word). Lower-case "be" is a verb, never a code.
   */
  private static boolean abbreviates(Words.Word w, Set<String> nameWords) {
    String t = w.text();
    if (t.length() < 2
        || t.length() > MAX_ABBREVIATION
        || !t.chars().allMatch(Character::isUpperCase)) {
      return false;
    }
    String k = w.key();
    return nameWords.stream().anyMatch(n -> n.length() > k.length() && n.startsWith(k));
  }

  /**
   * The events {@code question} names.
   *
   * @param events the catalog's events
   * @param question any text
   * @return {@link Mention#NONE} when no brand is named
   */
  static Mention find(List<Event> events, String question) {
    List<Words.Word> words = Words.of(question);
    Map<Event, Set<Integer>> brandAt = new LinkedHashMap<>();
    for (Event e : events) {
      Set<Integer> at = new LinkedHashSet<>();
      for (int i = 0; i < words.size(); i++) {
        if (e.brands().contains(words.get(i).key())
            || shorthandYear(e, words.get(i).key()) != null) {
          at.add(i);
        }
        if (i + 1 < words.size()
            && e.brands().contains(words.get(i).key() + words.get(i + 1).key())) {
          at.add(i);
          at.add(i + 1);
        }
      }
      if (!at.isEmpty()) {
        brandAt.put(e, at);
      }
    }
    dropShorthandsOfOtherEditions(brandAt, words);
    if (brandAt.isEmpty()) {
      return Mention.NONE;
    }
    Set<Integer> positions = new LinkedHashSet<>();
    Map<Event, Set<Integer>> nameAt = new HashMap<>();
    brandAt.forEach(
        (e, at) -> {
          positions.addAll(at);
          // the rest of the event's name after its brand ("Summit" in "Data Summit 2023") names
          // the event too, not a subject
          Set<String> nameWords = new HashSet<>();
          Words.of(e.name()).forEach(w -> nameWords.add(w.key()));
          for (int i : at) {
            for (int j = i + 1;
                j < words.size()
                    && j <= i + MAX_NAME_WORDS
                    && (nameWords.contains(words.get(j).key())
                        || abbreviates(words.get(j), nameWords));
                j++) {
              positions.add(j);
              nameAt.computeIfAbsent(e, x -> new HashSet<>()).add(j);
            }
          }
        });
    for (int i : new ArrayList<>(positions)) {
      // a region right after a brand ("DockerCon EU", "KubeCon North America") belongs to the
      // event's name
      for (int j = i + 1;
          j < words.size() && j <= i + 2 && REGIONS.contains(words.get(j).key());
          j++) {
        positions.add(j);
      }
    }
    Set<String> years = new LinkedHashSet<>();
    Set<String> editions = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      Words.Word w = words.get(i);
      if (YEAR.matcher(w.key()).matches()) {
        years.add(w.key());
        positions.add(i);
      } else if (shorthandEdition(brandAt.keySet(), w.key()) != null) {
        editions.add(shorthandEdition(brandAt.keySet(), w.key()));
      } else if (brandAt.keySet().stream().anyMatch(e -> shorthandYear(e, w.key()) != null)) {
        brandAt.keySet().stream()
            .map(e -> shorthandYear(e, w.key()))
            .filter(y -> y != null)
            .findFirst()
            .ifPresent(years::add);
      } else if (apostropheYear(question, w)) {
        years.add("20" + w.key());
        positions.add(i);
      } else if (EDITION.matcher(w.key()).matches() && afterBrand(words, positions, i)) {
        // "SciPy 24": two digits after a brand whose events have no such edition but that year
        String asYear = twoDigitYear(brandAt.keySet(), w.key());
        (asYear != null ? years : editions).add(asYear != null ? asYear : w.key());
        positions.add(i);
      }
    }
    List<Event> named = new ArrayList<>(brandAt.keySet());
    List<Event> fitting = new ArrayList<>();
    for (Event e : named) {
      boolean yearFits =
          years.isEmpty() || e.years().isEmpty() || !Collections.disjoint(years, e.years());
      boolean editionFits =
          editions.isEmpty()
              || e.editions().isEmpty()
              || !Collections.disjoint(editions, e.editions());
      if (yearFits && editionFits) {
        fitting.add(e);
      }
    }
    if (fitting.isEmpty()) {
      return new Mention(named, List.of(), asked(words, positions), positions, false);
    }
    // qualifiers choose among events that share a brand ("kubecon berlin")
    int best = 0;
    Map<Event, Integer> scores = new LinkedHashMap<>();
    Set<Integer> qualifierAt = new LinkedHashSet<>();
    for (Event e : fitting) {
      int score = 0;
      for (int i = 0; i < words.size(); i++) {
        String k = words.get(i).key();
        // a year of the name is no qualifier: the years have chosen already
        boolean ownName =
            nameAt.getOrDefault(e, Set.of()).contains(i) && !YEAR.matcher(k).matches();
        if (ownName
            || !positions.contains(i) && (e.qualifiers().contains(k) || e.tags().contains(k))) {
          score++; // "KubeCon Seattle": a word of that edition's own name, or a qualifier
        }
      }
      scores.put(e, score);
      best = Math.max(best, score);
    }
    List<Event> chosen = new ArrayList<>();
    for (Event e : fitting) {
      if (scores.get(e) == best) {
        chosen.add(e);
        for (int i = 0; i < words.size(); i++) {
          if (best > 0 && !positions.contains(i) && e.qualifiers().contains(words.get(i).key())) {
            qualifierAt.add(i);
          }
        }
      }
    }
    // "KubeCon Berlin … KubeCon Seattle": a word right after a brand that names another of the
    // brand's events, and none chosen, names that event too, whatever the other qualifiers say; a
    // year given elsewhere ("Berlin '17") is the other's. With a year it lacks right after
    // ("KubeCon Seattle 2017"), it names an edition the library does not hold.
    boolean absent = false;
    List<Event> alsoNamed = new ArrayList<>();
    for (Event e : named) {
      if (chosen.contains(e)) {
        continue;
      }
      for (int i : brandAt.get(e)) {
        int j = ownWordAfter(words, i, e, chosen, nameAt, positions);
        if (j < 0) {
          continue;
        }
        if (yearsAfterFit(words, i, e)) {
          alsoNamed.add(e);
          qualifierAt.add(j);
        } else {
          absent = true;
        }
      }
    }
    if (absent && alsoNamed.isEmpty()) {
      return new Mention(named, List.of(), asked(words, positions), positions, false);
    }
    chosen.addAll(alsoNamed);
    positions.addAll(qualifierAt);
    // a brand of an event named but not chosen ("dockercon" in "how did he compare kubecon berlin
    // to dockercon?") is what the question asks about, not where to look
    Set<Integer> chosenAt = new HashSet<>();
    chosen.forEach(e -> chosenAt.addAll(brandAt.get(e)));
    for (Event e : named) {
      if (!chosen.contains(e)) {
        brandAt.get(e).stream().filter(i -> !chosenAt.contains(i)).forEach(positions::remove);
      }
    }
    boolean author = false;
    for (int i : positions) {
      for (Event e : chosen) {
        author |= e.authors().contains(words.get(i).key());
      }
    }
    return new Mention(named, chosen, "", positions, author);
  }

  /**
   * The year two digits after a brand name ("SciPy 24") stand for: 20NN when none of {@code named}
   * has {@code key} as an edition number and one of them took place that year or none of them is
   * numbered at all; else null (an edition number).
   */
  private static String twoDigitYear(Collection<Event> named, String key) {
    if (key.length() != 2 || !key.chars().allMatch(Character::isDigit)) {
      return null;
    }
    String year = "20" + key;
    boolean edition = named.stream().anyMatch(e -> e.editions().contains(key));
    boolean held = named.stream().anyMatch(e -> e.years().contains(year));
    boolean numbered = named.stream().anyMatch(e -> !e.editions().isEmpty());
    return !edition && (held || !numbered) ? year : null;
  }

  /**
   * Whether word {@code i} comes right after a brand word, or after a generic event word that does
   * ("Harbor Summit 23").
   */
  private static boolean afterBrand(List<Words.Word> words, Set<Integer> positions, int i) {
    return i > 0
        && (positions.contains(i - 1)
            || i > 1 && GENERIC.contains(words.get(i - 1).key()) && positions.contains(i - 2));
  }

  /**
   * A short form whose digits are an edition number of an event it abbreviates ("dc30": DEF CON 30)
   * names that edition: the events it names only as a year (DockerCon "2030") are dropped from
   * {@code brandAt}.
   */
  private static void dropShorthandsOfOtherEditions(
      Map<Event, Set<Integer>> brandAt, List<Words.Word> words) {
    for (int i = 0; i < words.size(); i++) {
      String key = words.get(i).key();
      if (shorthandEdition(brandAt.keySet(), key) == null) {
        continue;
      }
      Set<Integer> only = Set.of(i);
      brandAt
          .entrySet()
          .removeIf(en -> en.getValue().equals(only) && !isShorthandEdition(en.getKey(), key));
    }
  }

  /** The edition number a short form such as "dc30" names for one of {@code events}, or null. */
  private static String shorthandEdition(Collection<Event> events, String key) {
    Matcher m = SHORTHAND.matcher(key);
    if (!m.matches()) {
      return null;
    }
    return events.stream().anyMatch(e -> isShorthandEdition(e, key)) ? m.group(2) : null;
  }

  private static boolean isShorthandEdition(Event e, String key) {
    Matcher m = SHORTHAND.matcher(key);
    return m.matches() && e.shorthands().contains(m.group(1)) && e.editions().contains(m.group(2));
  }

  /**
   * The year a short form such as "ep16" or "ep2016" names for {@code e}, or null when it is none
   * of its.
   */
  private static String shorthandYear(Event e, String key) {
    Matcher m = SHORTHAND.matcher(key);
    if (!m.matches() || !e.shorthands().contains(m.group(1))) {
      return null;
    }
    return m.group(2).length() == 2 ? "20" + m.group(2) : m.group(2);
  }

  /**
   * The named edition as typed: the brand words through the year or edition ("DEF CON 31"), with
   * the generic event words between them ("Harbor Summit 2022").
   */
  private static String asked(List<Words.Word> words, Set<Integer> positions) {
    int from = positions.stream().min(Integer::compare).orElse(0);
    int to = positions.stream().max(Integer::compare).orElse(0);
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to && i < words.size(); i++) {
      if (positions.contains(i) || GENERIC.contains(words.get(i).key())) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(words.get(i).text());
      }
    }
    return b.toString();
  }
}
