package dev.debrief.web;

import dev.debrief.access.AccessPolicy;
import dev.debrief.http.SignIn;
import dev.debrief.model.ReportInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code GET /reports[?event=E][&author=A]}: the library a person may see (unrestricted reports,
 * plus for a signed-in person those restricted to their channels), newest first, grouped by event,
 * with every event and author as a filter link. Filters match exactly as shown (case-insensitive).
 */
final class LibraryPage {
  private LibraryPage() {}

  /**
   * @param reports everything indexed
   * @param allowedChannels the channels whose restricted reports may be listed (empty: unrestricted
   *     only)
   * @param where the index folder, named when nothing is indexed
   */
  static String page(
      Pages pages,
      List<ReportInfo> reports,
      List<String> allowedChannels,
      String event,
      String author,
      Optional<SignIn.User> user,
      boolean signOut,
      String where) {
    Document doc = pages.shell("Library · Debrief", user, signOut);
    Element main = doc.body().appendElement("main");
    main.appendElement("h1").attr("id", "reports").text("Library");
    List<ReportInfo> visible =
        reports.stream()
            .filter(r -> AccessPolicy.permits(r.meta(), allowedChannels))
            .sorted(
                Comparator.comparing((ReportInfo r) -> r.meta().date())
                    .reversed()
                    .thenComparing(r -> r.meta().title()))
            .toList();
    if (visible.isEmpty()) {
      main.appendElement("p")
          .attr("id", "empty")
          .text("Nothing is indexed yet in " + where + ". Run debrief ingest PATH first.");
      return Pages.html(doc);
    }
    facets(
        main,
        "Events",
        "event",
        visible.stream().map(r -> r.meta().event()).toList(),
        event,
        author);
    facets(
        main,
        "Authors",
        "author",
        visible.stream().map(r -> r.meta().author()).toList(),
        event,
        author);
    List<ReportInfo> shown =
        visible.stream()
            .filter(r -> event.isBlank() || r.meta().event().equalsIgnoreCase(event.strip()))
            .filter(r -> author.isBlank() || r.meta().author().equalsIgnoreCase(author.strip()))
            .toList();
    if (shown.isEmpty()) {
      main.appendElement("p").attr("id", "empty").text("No report matches those filters.");
    }
    Map<String, List<ReportInfo>> byEvent = new LinkedHashMap<>();
    for (ReportInfo r : shown) {
      byEvent
          .computeIfAbsent(
              r.meta().event().isBlank() ? "No event" : r.meta().event(), k -> new ArrayList<>())
          .add(r);
    }
    for (Map.Entry<String, List<ReportInfo>> group : byEvent.entrySet()) {
      Element sec = main.appendElement("section").addClass("event-group");
      sec.appendElement("h2").text(group.getKey() + " (" + group.getValue().size() + ")");
      Element list = sec.appendElement("ul").addClass("reports");
      for (ReportInfo info : group.getValue()) {
        Element li = list.appendElement("li");
        li.appendElement("a")
            .attr("href", "/reports/" + URLEncoder.encode(info.id(), StandardCharsets.UTF_8))
            .text(info.meta().title());
        List<String> bits = new ArrayList<>();
        if (!info.meta().date().isEmpty()) bits.add(info.meta().date());
        if (!info.meta().author().isEmpty()) bits.add(info.meta().author());
        bits.add(info.sections() + " sections");
        li.appendElement("span").addClass("meta").text(" — " + String.join(" · ", bits));
      }
    }
    return Pages.html(doc);
  }

  private static void facets(
      Element main, String label, String param, List<String> values, String event, String author) {
    TreeSet<String> distinct = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    values.stream().filter(v -> !v.isBlank()).forEach(distinct::add);
    if (distinct.isEmpty()) {
      return;
    }
    Element p = main.appendElement("p").addClass("facets").attr("id", param + "-filters");
    p.appendElement("strong").text(label + ":");
    String current = param.equals("event") ? event : author;
    Element all =
        p.appendElement("a")
            .attr(
                "href",
                href(param.equals("event") ? "" : event, param.equals("author") ? "" : author))
            .text("all");
    if (current.isBlank()) {
      all.addClass("current");
    }
    for (String v : distinct) {
      Element a =
          p.appendElement("a")
              .attr("href", param.equals("event") ? href(v, author) : href(event, v))
              .text(v);
      if (v.equalsIgnoreCase(current.strip())) {
        a.addClass("current");
      }
    }
  }

  private static String href(String event, String author) {
    List<String> q = new ArrayList<>();
    if (!event.isBlank()) q.add("event=" + URLEncoder.encode(event, StandardCharsets.UTF_8));
    if (!author.isBlank()) q.add("author=" + URLEncoder.encode(author, StandardCharsets.UTF_8));
    return "/reports" + (q.isEmpty() ? "" : "?" + String.join("&", q));
  }
}
