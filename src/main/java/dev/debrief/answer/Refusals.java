package dev.debrief.answer;

import dev.debrief.model.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The honest refusal shared by every composer: a plain statement and the closest sections found.
 */
public final class Refusals {
  private Refusals() {}

  /** The default statement. */
  public static final String NOT_COVERED =
      "The reports I have don't cover that, as far as I can tell.";

  /** At most {@code max} hits, one per section (report + anchor), best first. */
  public static List<Hit> closestSections(List<Hit> hits, int max) {
    List<Hit> out = new ArrayList<>();
    Set<String> sections = new HashSet<>();
    for (Hit h : hits) {
      if (out.size() == max) {
        break;
      }
      if (sections.add(h.reportId() + "#" + h.anchor())) {
        out.add(h);
      }
    }
    return out;
  }

  /** {@code lead} followed by "Closest I found: “Section” in Title; …." when there are sections. */
  public static String text(String lead, List<Hit> closest) {
    StringBuilder text = new StringBuilder(lead);
    if (!closest.isEmpty()) {
      text.append(" Closest I found:");
      for (Hit h : closest) {
        if (h.section().isEmpty() || h.section().strip().equalsIgnoreCase(h.title().strip())) {
          text.append(" “").append(h.title()).append("”;");
        } else {
          text.append(" “").append(h.section()).append("” in ").append(h.title()).append(';');
        }
      }
      text.setLength(text.length() - 1);
      text.append('.');
    }
    return text.toString();
  }
}
