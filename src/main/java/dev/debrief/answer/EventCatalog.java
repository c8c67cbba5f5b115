package dev.debrief.answer;

import dev.debrief.embed.Vocabulary;
import dev.debrief.model.ReportInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
   * @param days the days of the event its reports say they cover ("Day 2" in a title, "day2" in a
   *     file name), when every report says one; empty when any report covers the whole event or
   *     says no day
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
      Set<String> shorthands,
      Set<Integer> days) {
    public Event {
      shorthands = Set.copyOf(shorthands);
      days = Set.copyOf(days);
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
    byEvent.forEach(
        (k, rs) ->
            events.add(CatalogEvents.event(names.get(k), rs, dictionary, titled.contains(k))));
    return new EventCatalog(events);
  }

  /** Every event, in the order its first report was listed. */
  public List<Event> events() {
    return events;
  }

  /**
   * The events {@code question} names.
   *
   * @param question any text
   * @return {@link Mention#NONE} when no brand is named
   */
  public Mention find(String question) {
    return MentionFinder.find(events, question);
  }
}
