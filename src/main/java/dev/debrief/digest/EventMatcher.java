package dev.debrief.digest;

import dev.debrief.model.ReportInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a loosely typed event name ("kubecon berlin", "KubeCon EU 2017", "re:invent") to one of
 * the events the indexed reports name. Both sides are cut into words and canonicalised ({@link
 * EventWords}) (Europe/European → eu, North America → na, USA/United States → us, cpp → c++;
 * adjacent words are also joined, so "re:Invent" and "reinvent", "Strange Loop" and "strangeloop"
 * meet). An event's words come from its name (full weight) and from its reports' titles, file names
 * and tags (weight 0.7, where cities such as "Berlin" often are). Each query word counts by its
 * inverse event frequency, so "kubecon" alone weighs less than "berlin"; a query year that
 * contradicts an event's years rules the event out (and is offered as "did you mean" when its name
 * fits), and a year alone names no event. Close scores give a "did you mean" list; nothing matching
 * gives the list of known events. Any input is safe: it is only split into words.
 */
public final class EventMatcher {
  /** The outcome of a match. */
  public sealed interface Match permits Found, Ambiguous, Unknown {}

  /** One event matched. @param event its name exactly as the reports give it */
  public record Found(String event) implements Match {}

  /**
   * Several events fit about equally, or the name fits only editions of other years.
   *
   * @param query the name asked for
   * @param candidates best first
   * @param otherEdition true when the query's year contradicts every candidate ("strange loop 2018"
   *     with only Strange Loop 2017 held): the library has no report of the edition asked for
   */
  public record Ambiguous(String query, List<String> candidates, boolean otherEdition)
      implements Match {
    /** Events that fit about equally. */
    public Ambiguous(String query, List<String> candidates) {
      this(query, candidates, false);
    }
  }

  /** Nothing fits. @param query the name asked for @param known every known event, sorted */
  public record Unknown(String query, List<String> known) implements Match {}

  // The numbers below were chosen by hand when the matcher was written, not measured;
  // EventMatcherTest pins
  // the behaviour they give.
  private static final int MAX_QUERY_WORDS = 32;

  /** Weight of a word found in an event's reports (titles, sections) rather than its name. */
  private static final double EXTRA_WEIGHT = 0.7;

  /**
   * Weight of a query word that begins a longer word of the event's name ("kube" for "kubecon").
   */
  private static final double PREFIX_WEIGHT = 0.8;

  /**
   * Weight of a query word one or two edits from a word of the event's name ("monorama" for
   * "monitorama"): exactly {@link #FOUND_SCORE}, so a misspelt name alone is taken (the brief's
   * title then shows the event's real name), and one beside other words the event lacks is offered
   * as "Did you mean …?".
   */
  private static final double TYPO_WEIGHT = 0.5;

  /** The shortest query word read as a misspelling: shorter words are one edit from too many. */
  private static final int TYPO_MIN_LENGTH = 5;

  /** Events scoring within this much of the best count as equally good. */
  private static final double CLOSE_MARGIN = 0.1;

  /** At most this many events are offered when several fit. */
  private static final int MAX_CLOSE = 5;

  /**
   * A single close event is taken only at this score or more; below it the best few are offered.
   */
  private static final double FOUND_SCORE = 0.5;

  /** How many events are offered after a weak single match. */
  private static final int WEAK_MATCH_OFFERS = 3;

  /** Added to every word's idf, so a word most events share keeps some weight. */
  private static final double IDF_FLOOR = 0.1;

  private final List<String> events;
  private final Map<String, Set<String>> nameWords = new LinkedHashMap<>();
  private final Map<String, Set<String>> extraWords = new LinkedHashMap<>();
  private final Map<String, Set<String>> years = new LinkedHashMap<>();

  /**
   * @param reports what is indexed (reports without an event are ignored)
   */
  public EventMatcher(List<ReportInfo> reports) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (ReportInfo r : reports) {
      String e = r.meta().event().strip();
      if (e.isEmpty()) {
        continue;
      }
      String k = key(e);
      byKey.putIfAbsent(k, e);
      String name = byKey.get(k);
      nameWords.computeIfAbsent(name, x -> new LinkedHashSet<>()).addAll(EventWords.canonical(e));
      Set<String> extra = extraWords.computeIfAbsent(name, x -> new LinkedHashSet<>());
      extra.addAll(EventWords.canonical(r.meta().title()));
      extra.addAll(EventWords.canonical(String.join(" ", r.meta().tags())));
      extra.addAll(EventWords.canonical(EventWords.fileStem(r.source())));
      Set<String> ys = years.computeIfAbsent(name, x -> new LinkedHashSet<>());
      for (String w : EventWords.canonical(e)) {
        if (EventWords.YEAR.matcher(w).matches()) {
          ys.add(w);
        }
      }
      if (r.meta().date().matches("\\d{4}.*")) {
        ys.add(r.meta().date().substring(0, 4));
      }
    }
    List<String> names = new ArrayList<>(nameWords.keySet());
    names.sort(String.CASE_INSENSITIVE_ORDER);
    this.events = List.copyOf(names);
  }

  /** The known events, sorted case-insensitively. */
  public List<String> events() {
    return events;
  }

  /** The comparison key of an event name: trimmed, whitespace collapsed, lower-cased. */
  public static String key(String event) {
    return event == null ? "" : event.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Resolves {@code query}. */
  public Match match(String query) {
    String q = query == null ? "" : query;
    String shown = display(q);
    for (String e : events) {
      if (key(e).equals(key(q))) {
        return new Found(e);
      }
    }
    List<String> words = new ArrayList<>(EventWords.canonical(q));
    if (words.size() > MAX_QUERY_WORDS) {
      words = words.subList(0, MAX_QUERY_WORDS);
    }
    if (words.isEmpty() || events.isEmpty()) {
      return new Unknown(shown, events);
    }
    Map<String, Integer> df = new HashMap<>();
    for (String w : words) {
      for (String e : events) {
        if (weight(e, w) > 0) {
          df.merge(w, 1, Integer::sum);
        }
      }
    }
    Set<String> queryYears = new LinkedHashSet<>();
    for (String w : words) {
      if (EventWords.YEAR.matcher(w).matches()) {
        queryYears.add(w);
      }
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    double total = 0;
    for (String w : words) {
      if (df.containsKey(w)) {
        total += idf(df.get(w));
      }
    }
    List<String> otherYear = new ArrayList<>();
    boolean queryNames =
        words.stream().anyMatch(w -> df.containsKey(w) && !EventWords.YEAR.matcher(w).matches());
    for (String e : events) {
      double s = 0;
      boolean named = false;
      for (String w : words) {
        if (df.containsKey(w)) {
          double we = weight(e, w);
          s += idf(df.get(w)) * we;
          named |= we > 0 && !EventWords.YEAR.matcher(w).matches();
        }
      }
      if (s <= 0 || queryNames && !named) {
        continue; // nothing matched; or, beside a name, only a year ("defcon 2023" is not re:Invent
        // 2023)
      }
      Set<String> ys = years.getOrDefault(e, Set.of());
      if (!queryYears.isEmpty() && !ys.isEmpty() && queryYears.stream().noneMatch(ys::contains)) {
        otherYear.add(e);
        continue;
      }
      scores.put(e, total == 0 ? 0 : s / total);
    }
    if (scores.isEmpty()) {
      // the name fits an event of another year: offer it rather than every event
      otherYear.sort(String.CASE_INSENSITIVE_ORDER);
      return otherYear.isEmpty()
          ? new Unknown(shown, events)
          : new Ambiguous(shown, otherYear, true);
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
    ranked.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)));
    double best = ranked.get(0).getValue();
    List<String> close = new ArrayList<>();
    for (Map.Entry<String, Double> en : ranked) {
      if (en.getValue() >= best - CLOSE_MARGIN && close.size() < MAX_CLOSE) {
        close.add(en.getKey());
      }
    }
    if (close.size() == 1 && best >= FOUND_SCORE) {
      return new Found(close.get(0));
    }
    if (close.size() == 1) {
      // a weak single match (most of the query's known words point elsewhere or nowhere): ask
      List<String> top = ranked.stream().limit(WEAK_MATCH_OFFERS).map(Map.Entry::getKey).toList();
      return new Ambiguous(shown, top);
    }
    return new Ambiguous(shown, close);
  }

  private static double idf(int df) {
    return Math.log(1 + 1.0 / df) + IDF_FLOOR;
  }

  /**
   * How strongly event {@code e} carries word {@code w}: 1 in its name, 0.7 in its reports, 0.8 as
   * a prefix, 0.5 misspelt.
   */
  private double weight(String e, String w) {
    if (nameWords.get(e).contains(w)) {
      return 1.0;
    }
    if (extraWords.get(e).contains(w)) {
      return EXTRA_WEIGHT;
    }
    if (w.length() >= 4 && !EventWords.YEAR.matcher(w).matches()) {
      for (String n : nameWords.get(e)) {
        if (n.length() > w.length() && n.startsWith(w)) {
          return PREFIX_WEIGHT;
        }
      }
    }
    if (w.length() >= TYPO_MIN_LENGTH && w.chars().allMatch(Character::isLetter)) {
      for (String n : nameWords.get(e)) {
        if (n.length() >= TYPO_MIN_LENGTH && EventWords.withinTwoEdits(w, n)) {
          return TYPO_WEIGHT;
        }
      }
    }
    return 0;
  }

  /** The query as shown back to people: control characters removed, at most 80 characters. */
  static String display(String query) {
    String s =
        query.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\u200D]]", " ").replaceAll("\\s+", " ").strip();
    return Text.shorten(s, 80);
  }

  /** A short sentence for people: the did-you-mean list or the known events. */
  public static String message(Match m) {
    if (m instanceof Found f) {
      return f.event();
    }
    if (m instanceof Ambiguous a && a.otherEdition()) {
      return "I have no report from \""
          + a.query()
          + "\"; the library has "
          + String.join("; ", a.candidates())
          + ".";
    }
    if (m instanceof Ambiguous a) {
      return "\""
          + a.query()
          + "\" matches more than one event. Did you mean: "
          + String.join("; ", a.candidates())
          + "?";
    }
    Unknown u = (Unknown) m;
    String what =
        u.query().isEmpty()
            ? "Give an event name."
            : "I don't know an event called \"" + u.query() + "\".";
    return u.known().isEmpty()
        ? what + " No reports with an event are indexed yet."
        : what + " Known events: " + String.join("; ", u.known()) + ".";
  }
}
