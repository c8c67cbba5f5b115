package dev.debrief.digest;

import dev.debrief.text.PersonNames;
import dev.debrief.text.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suggested follow-ups: the reports' own forward-looking statements ("worth watching", "on the
 * roadmap", "next step"), central ones first, then questions to ask Debrief about the biggest
 * themes.
 */
final class FollowUps {
  private static final Pattern CUE =
      Pattern.compile(
          "(?i)\\b(next steps?|follow[- ]up|look(ing)? into|"
              + "worth (watching|reading|trying|a look|checking)|recommend\\w*|check (it )?out|try(ing)? out|plan(s|ning)? to|"
              + "road ?map|coming soon|will be (released|available|shipped)|to-?do|keep an eye|going forward|in the future|"
              + "must[- ]watch|must[- ]see)\\b");

  /** Quoted follow-ups at most, then questions up to {@link #MAX}. */
  static final int QUOTED = 2;

  /** Follow-ups at most. */
  static final int MAX = 4;

  private FollowUps() {}

  /**
   * Follow-ups for a brief; {@code seen} keeps quoted ones from repeating the brief, {@code
   * numbering} cites them.
   *
   * @param items the event's passages
   * @param people each report's people, by report id
   * @param centroid the event's centroid (central statements first)
   * @param themes theme titles, biggest first
   */
  static List<String> of(
      List<Sources.Item> items,
      Map<String, PersonNames> people,
      float[] centroid,
      List<String> themes,
      Sources.Numbering numbering,
      Seen seen,
      String event) {
    List<Candidates.Candidate> cues = new ArrayList<>();
    Map<Candidates.Candidate, Double> rel = new HashMap<>();
    for (Sources.Item it : items) {
      for (Candidates.Candidate c : Candidates.of(it, people.get(it.report().id()), 40)) {
        if (c.ok() && !c.note() && CUE.matcher(c.text()).find()) {
          cues.add(c);
          rel.put(c, Vectors.dot(it.vector(), centroid));
        }
      }
    }
    cues.sort(Comparator.comparingDouble((Candidates.Candidate c) -> -rel.get(c)));
    List<String> out = new ArrayList<>();
    Set<String> passages = new HashSet<>();
    for (Candidates.Candidate c : cues) {
      if (out.size() == QUOTED) {
        break;
      }
      if (passages.add(c.item().passage().id()) && seen.addIfNew(c.text())) {
        out.add(Text.cite(c.text(), "[" + numbering.number(c.item(), c.text()) + "]"));
      }
    }
    for (String t : themes) {
      if (out.size() >= MAX) {
        break;
      }
      if (!t.equals("Other notes")) {
        String[] names = t.split(" · ");
        String topic = names.length > 1 ? names[0] + " and " + names[1] : "‘" + names[0] + "’";
        out.add(
            "Ask Debrief: \"what did the "
                + shortName(event)
                + " reports say about "
                + topic
                + "?\"");
      }
    }
    return out;
  }

  /**
   * The event name without its parenthetical notes: "Strange Loop 2017 (St. Louis)" to "Strange
   * Loop 2017".
   */
  static String shortName(String event) {
    String s = event.replaceAll("\\s*\\([^)]*\\)", "").strip();
    return s.isEmpty() ? event : s;
  }
}
