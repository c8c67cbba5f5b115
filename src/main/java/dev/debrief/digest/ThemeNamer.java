package dev.debrief.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names each theme after what its passages are about, in this order of preference:
 *
 * <ol>
 *   <li>the session most of its passages belong to ({@link Weights#sessionShare} of them, at least
 *       two);
 *   <li>else its names ({@link NameCounter}) — products, projects, people, written with capitals,
 *       digits or symbols ("Aurora Limitless", "gRPC", "Maria Okafor") — ranked by TF-IDF with the
 *       event's clusters as documents (Salton &amp; Buckley, "Term-weighting approaches in
 *       automatic text retrieval", IP&amp;M 1988), headings counting double (not the headings of
 *       summaries or days), spread over at least two passages, the event's and report titles' own
 *       words left out; at most three, joined with " · ";
 *   <li>else the session most of its passages come from (at least two);
 *   <li>else its most frequent names, even when they appear in one passage only;
 *   <li>else "Other notes".
 * </ol>
 *
 * Names are distinct across themes: a session or a leading name another theme took is not used
 * again.
 */
final class ThemeNamer {
  /**
   * Weights.
   *
   * @param sessionShare share of a cluster's passages in one session for the theme to take its name
   *     (a choice: a clear majority)
   * @param maxNames names in a theme's title (a choice: three fit a title line)
   * @param headingWeight how much a heading's words count against the body's (the previous brief's
   *     2)
   */
  record Weights(double sessionShare, int maxNames, int headingWeight) {
    static final Weights DEFAULT = new Weights(0.6, 3, 2);

    Weights {
      if (sessionShare <= 0 || sessionShare > 1 || maxNames < 1 || headingWeight < 1) {
        throw new IllegalArgumentException(
            "bad naming weights: " + sessionShare + ", " + maxNames + ", " + headingWeight);
      }
    }
  }

  /** A theme named after a session shows at most this much of its title. */
  private static final int MAX_SESSION_TITLE_CHARS = 80;

  private final Weights weights;

  ThemeNamer(Weights weights) {
    this.weights = weights;
  }

  /**
   * Titles for {@code clusters}, in order; {@code sessions} are the event's sessions, {@code
   * exclude} the event name and report titles (their words never name a theme).
   */
  List<String> name(
      List<ThemeClusterer.Cluster> clusters,
      List<SessionExtractor.Found> sessions,
      String exclude) {
    Set<String> excluded = new HashSet<>(Text.topicWords(exclude));
    List<Map<String, Double>> tfs = new ArrayList<>();
    List<Map<String, Integer>> spreads = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    Map<String, String> surface = new HashMap<>();
    for (ThemeClusterer.Cluster c : clusters) {
      Map<String, Double> tf = new HashMap<>();
      Map<String, Integer> spread = new HashMap<>();
      for (Sources.Item it : c.members()) {
        if (it.passage().headingPath().stream().anyMatch(SessionExtractor::notAttended)) {
          continue;
        }
        Set<String> inPassage = new HashSet<>();
        NameCounter.count(it.passage().text(), 1, tf, inPassage, surface, excluded);
        List<String> subjects =
            it.passage().headingPath().stream()
                .filter(
                    h ->
                        !h.isBlank()
                            && !SessionExtractor.GENERIC.matcher(Speakers.clean(h)).matches()
                            && !Conclusions.isConclusionHeading(h)
                            && dev.debrief.text.LineKind.of(h)
                                != dev.debrief.text.LineKind.TIMESTAMP
                            && !SessionExtractor.notAttended(h))
                .toList();
        NameCounter.count(
            String.join("\n", subjects), weights.headingWeight(), tf, inPassage, surface, excluded);
        inPassage.forEach(w -> spread.merge(w, 1, Integer::sum));
      }
      tfs.add(tf);
      spreads.add(spread);
      tf.keySet().forEach(w -> df.merge(w, 1, Integer::sum));
    }
    Set<String> usedSessions = new HashSet<>();
    Set<String> usedNames = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < clusters.size(); i++) {
      ThemeClusterer.Cluster c = clusters.get(i);
      String bySession = dominantSession(c, sessions, usedSessions);
      if (bySession != null) {
        out.add(bySession);
        continue;
      }
      String byNames =
          names(
              tfs.get(i),
              spreads.get(i),
              df,
              clusters.size(),
              c.members().size(),
              surface,
              usedNames,
              true);
      if (byNames == null) {
        byNames = sessionsOf(c, sessions, usedSessions);
      }
      if (byNames == null) {
        byNames =
            names(
                tfs.get(i),
                spreads.get(i),
                df,
                clusters.size(),
                c.members().size(),
                surface,
                usedNames,
                false);
      }
      out.add(byNames == null ? "Other notes" : byNames);
    }
    return out;
  }

  private String dominantSession(
      ThemeClusterer.Cluster c, List<SessionExtractor.Found> sessions, Set<String> used) {
    Map<SessionExtractor.Found, Integer> counts = new LinkedHashMap<>();
    for (Sources.Item it : c.members()) {
      SessionExtractor.Found f = sessionOf(it, sessions);
      if (f != null) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(
            e -> e.getValue() >= 2 && e.getValue() >= weights.sessionShare() * c.members().size())
        .filter(e -> !used.contains(e.getKey().title().toLowerCase(Locale.ROOT)))
        .max(Map.Entry.comparingByValue())
        .map(
            e -> {
              used.add(e.getKey().title().toLowerCase(Locale.ROOT));
              return Text.shorten(e.getKey().title(), MAX_SESSION_TITLE_CHARS);
            })
        .orElse(null);
  }

  /** The session whose part of its report holds the passage's start, or null. */
  static SessionExtractor.Found sessionOf(Sources.Item it, List<SessionExtractor.Found> sessions) {
    for (SessionExtractor.Found f : sessions) {
      if (f.report().id().equals(it.report().id()) && f.contains(it.passage().start())) {
        return f;
      }
    }
    return null;
  }

  /**
   * Names by TF-IDF; {@code strict}: seen twice and, in a cluster of three or more, in two
   * passages.
   */
  private String names(
      Map<String, Double> tf,
      Map<String, Integer> spread,
      Map<String, Integer> df,
      int k,
      int members,
      Map<String, String> surface,
      Set<String> used,
      boolean strict) {
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      String w = e.getKey();
      if (strict && (e.getValue() < 2 || members >= 3 && spread.getOrDefault(w, 0) < 2)) {
        continue; // a theme's name runs through it, not through one passage
      }
      double idf = Math.log(1.0 + (double) k / df.get(w));
      double words = w.split(" ").length;
      scored.add(Map.entry(w, (1 + Math.log(e.getValue())) * idf * (1 + 0.2 * (words - 1))));
    }
    scored.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> title = new ArrayList<>();
    for (Map.Entry<String, Double> e : scored) {
      if (title.size() == weights.maxNames()) {
        break;
      }
      String w = e.getKey();
      if (title.isEmpty() && used.contains(w)) {
        continue; // another theme already leads with it
      }
      if (title.stream().anyMatch(t -> t.contains(w) || w.contains(t))) {
        continue; // "Aurora" and "Aurora Limitless"
      }
      title.add(w);
    }
    if (title.isEmpty()) {
      return null;
    }
    used.add(title.get(0));
    return String.join(" · ", title.stream().map(w -> surface.getOrDefault(w, w)).toList());
  }

  private static String sessionsOf(
      ThemeClusterer.Cluster c, List<SessionExtractor.Found> sessions, Set<String> used) {
    Map<SessionExtractor.Found, Integer> counts = new LinkedHashMap<>();
    for (Sources.Item it : c.members()) {
      SessionExtractor.Found f = sessionOf(it, sessions);
      if (f != null && !used.contains(f.title().toLowerCase(Locale.ROOT))) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .max(Map.Entry.comparingByValue())
        .map(
            e -> {
              used.add(e.getKey().title().toLowerCase(Locale.ROOT));
              return Text.shorten(e.getKey().title(), MAX_SESSION_TITLE_CHARS);
            })
        .orElse(null);
  }
}
