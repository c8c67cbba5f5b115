package dev.debrief.answer;

import dev.debrief.embed.Vocabulary;
import dev.debrief.model.ReportInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events the library holds, as a question can name them, and {@link #find} to see which events
 * a question names. Built from the indexed reports' metadata alone (event, title, date, author,
 * tags): nothing here is written for a particular event.
 *
 * <p>An event's <em>brands</em> are the words that name it on their own: its name's head (the part
 * before "(", "," or ";") when that is one word; words of the head that are no dictionary word
 * ("Devoxx", "Monitorama": not in the embedding model's {@link Vocabulary}) or are coined
 * ("KubeCon", "re:Invent", "AWS": see {@link Words.Word#coined()}); a run of capitalised
 * abbreviations joined ("DEF CON" as "defcon"); and a multi-word head joined ("Strange Loop" as
 * "strangeloop"), which a question matches by those words in a row. A report without an event is
 * its own event, named by its title, and only coined title words brand it. Other words of the name,
 * the titles, authors and tags ("Berlin", "Seattle", "Sofia", "Europe") are <em>qualifiers</em>:
 * they choose among events that share a brand ("KubeCon Berlin") but name nothing alone.
 * <em>Years</em> come from the name, titles and report dates; <em>editions</em> are numbers that
 * follow a brand in the name ("DEF CON 30").
 *
 * <p>A question that names a brand and a year or edition that none of that brand's events has names
 * an absent edition ("re:Invent 2021" when the library has re:Invent 2023).
 */
public final class EventCatalog {
  /** Words that name no event: event-type words, report words, regions and filler. */
  static final Set<String> GENERIC =
      Set.of(
          "event",
          "events",
          "conference",
          "conferences",
          "conf",
          "summit",
          "meeting",
          "meetup",
          "workshop",
          "day",
          "days",
          "first",
          "second",
          "third",
          "fourth",
          "final",
          "last",
          "notes",
          "note",
          "report",
          "reports",
          "recap",
          "trip",
          "review",
          "thoughts",
          "retrospective",
          "online",
          "virtual",
          "live",
          "the",
          "of",
          "and",
          "in",
          "at",
          "on",
          "for",
          "a",
          "an",
          "my",
          "our",
          "personal",
          "via",
          "watched",
          "recordings",
          "recording",
          "blog",
          "post",
          "edition",
          "annual",
          "europe",
          "european",
          "eu",
          "emea",
          "north",
          "south",
          "america",
          "americas",
          "na",
          "us",
          "usa",
          "asia",
          "apac",
          "international",
          "global",
          "world",
          "part",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "st",
          "to",
          "with",
          "from",
          "by",
          "about",
          "people",
          "talk",
          "talks",
          "session",
          "sessions",
          "keynote",
          "keynotes",
          "speaker",
          "speakers",
          "author",
          "authors",
          "always",
          "community",
          "experience",
          "what",
          "who",
          "how",
          "which",
          "did",
          "say",
          "said",
          "new",
          "best");

  /** Region words of event names ("KubeCon EU", "PyCon US"). */
  static final Set<String> REGIONS =
      Set.of(
          "eu",
          "europe",
          "emea",
          "na",
          "north",
          "south",
          "america",
          "us",
          "usa",
          "asia",
          "apac",
          "latam",
          "uk",
          "india",
          "africa",
          "australia",
          "anz");

  private static final Pattern YEAR = Pattern.compile("(19[89]\\d|20[0-4]\\d)");
  private static final Pattern SHORT_YEAR = Pattern.compile("['’](\\d\\d)");
  private static final Pattern EDITION = Pattern.compile("\\d{1,3}");

  /** Fewest and most capitals a short form takes from a coined name ("EP" of "EuroPython"). */
  static final int SHORTHAND_MIN = 2;

  static final int SHORTHAND_MAX = 4;
  private static final Pattern SHORTHAND = Pattern.compile("([a-z]{2,4})(\\d{2}|(?:19|20)\\d{2})");

  /**
   * One event of the library.
   *
   * @param name the event as its reports name it (a report without an event is its own event, named
   *     by its title)
   * @param brands word keys that name it alone
   * @param qualifiers word keys that choose among events sharing a brand (from the name, titles and
   *     authors: they say which report, not what about, so they leave the question's subject)
   * @param tags word keys of the reports' tags: they choose among events too, but stay in the
   *     subject (a tag often names the very topic asked about)
   * @param authors word keys of the reports' authors' names (among the qualifiers)
   * @param years the years it took place or was written up
   * @param editions edition numbers its name gives after a brand
   * @param reportIds its reports
   * @param shorthands prefixes of one-word short forms with a year ("ep" of "ep16" and "ep2016" for
   *     EuroPython): the capitals of a coined brand word; alone they name nothing
   */
  public record Event(
      String name,
      Set<String> brands,
      Set<String> qualifiers,
      Set<String> tags,
      Set<String> authors,
      Set<String> years,
      Set<String> editions,
      List<String> reportIds,
      Set<String> shorthands) {
    public Event {
      shorthands = Set.copyOf(shorthands);
      brands = Set.copyOf(brands);
      qualifiers = Set.copyOf(qualifiers);
      tags = Set.copyOf(tags);
      authors = Set.copyOf(authors);
      years = Set.copyOf(years);
      editions = Set.copyOf(editions);
      reportIds = List.copyOf(reportIds);
    }
  }

  /**
   * What a question says about events.
   *
   * @param named the events whose brand the question names, before years and qualifiers choose
   * @param events the events the question is about: those of {@code named} that fit its years,
   *     editions and qualifiers; empty when it names none, or only absent editions
   * @param asked the edition as typed when it is absent ("re:Invent 2021"), else ""
   * @param positions positions of the question's words that named events (brands, qualifiers,
   *     years, editions), to leave out of the subject
   * @param author true when the question names the author of one of {@code events}' reports ("did
   *     Logan…")
   */
  public record Mention(
      List<Event> named, List<Event> events, String asked, Set<Integer> positions, boolean author) {
    /** No event named. */
    public static final Mention NONE = new Mention(List.of(), List.of(), "", Set.of(), false);

    public Mention {
      named = List.copyOf(named);
      events = List.copyOf(events);
      positions = Set.copyOf(positions);
    }

    /** True when the question names an edition the library does not hold. */
    public boolean absentEdition() {
      return !asked.isEmpty();
    }

    /** The reports of {@link #events()}. */
    public List<String> reportIds() {
      List<String> ids = new ArrayList<>();
      events.forEach(e -> ids.addAll(e.reportIds()));
      return ids;
    }
  }

  private final List<Event> events;

  private EventCatalog(List<Event> events) {
    this.events = List.copyOf(events);
  }

  /**
   * The catalog of {@code reports}' events.
   *
   * @param reports what is indexed
   * @param dictionary common words, which name an event only together with others
   */
  public static EventCatalog of(List<ReportInfo> reports, Vocabulary dictionary) {
    Map<String, List<ReportInfo>> byEvent = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> titled = new LinkedHashSet<>();
    for (ReportInfo r : reports) {
      boolean noEvent = r.meta().event().isBlank();
      String name = noEvent ? r.meta().title() : r.meta().event();
      String k = name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      names.putIfAbsent(k, name.strip());
      byEvent.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      if (noEvent) {
        titled.add(k);
      }
    }
    List<Event> events = new ArrayList<>();
    byEvent.forEach((k, rs) -> events.add(event(names.get(k), rs, dictionary, titled.contains(k))));
    return new EventCatalog(events);
  }

  /** Every event, in the order its first report was listed. */
  public List<Event> events() {
    return events;
  }

  private static Event event(
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
    return new Event(name, brands, qualifiers, tags, authors, years, editions, ids, shorthands);
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

  /**
   * The events {@code question} names.
   *
   * @param question any text
   * @return {@link Mention#NONE} when no brand is named
   */
  public Mention find(String question) {
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
    if (brandAt.isEmpty()) {
      return Mention.NONE;
    }
    Set<Integer> positions = new LinkedHashSet<>();
    brandAt.values().forEach(positions::addAll);
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
      } else if (brandAt.keySet().stream().anyMatch(e -> shorthandYear(e, w.key()) != null)) {
        brandAt.keySet().stream()
            .map(e -> shorthandYear(e, w.key()))
            .filter(y -> y != null)
            .findFirst()
            .ifPresent(years::add);
      } else if (SHORT_YEAR.matcher(w.text()).matches()) {
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
        if (!positions.contains(i) && (e.qualifiers().contains(k) || e.tags().contains(k))) {
          score++;
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
    positions.addAll(qualifierAt);
    boolean author = false;
    for (int i : qualifierAt) {
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
