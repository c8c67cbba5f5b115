package dev.debrief.answer;

import dev.debrief.model.Hit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The honest refusal shared by every composer: a plain statement and the closest sections found.
 */
public final class Refusals {
  private Refusals() {}

  /** The default statement. */
  public static final String NOT_COVERED =
      "The reports I have don't cover that, as far as I can tell.";

  /** Sections a refusal lists as the closest it found: enough to show where to look, one line. */
  static final int CLOSEST = 3;

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

  /** Words of a passage's opening quoted after a section label that says nothing of its subject. */
  static final int OPENING_WORDS = 10;

  /**
   * A heading that names no subject: a date or time stamp ("Sun Mar 17 11:59:43 EDT 2013",
   * "2013-03-17") or a day ("DAY 1", "Day two").
   */
  private static final Pattern BARE_LABEL =
      Pattern.compile(
          "(?i)\\s*(?:day\\s+(?:\\d+|one|two|three|four|five)"
              + "|(?:mon|tue|wed|thu|fri|sat|sun)\\w*\\b.*\\d{1,2}:\\d{2}.*"
              + "|\\d{4}-\\d{2}-\\d{2}(?:[ t]\\d{1,2}:\\d{2}.*)?|\\d{1,2}:\\d{2}.*)\\s*");

  static boolean bareLabel(String section) {
    return BARE_LABEL.matcher(section).matches();
  }

  /** The first {@link #OPENING_WORDS} words of {@code text}, with "…" when there are more. */
  static String opening(String text) {
    String[] words = text.strip().replaceAll("^[-*•]\\s+", "").split("\\s+");
    if (words.length <= OPENING_WORDS) {
      return String.join(" ", words);
    }
    return String.join(" ", Arrays.copyOf(words, OPENING_WORDS)).replaceAll("[.,;:!?]+$", "") + "…";
  }

  /**
   * {@code lead} followed by "Closest I found: “Section” in Title; …." when there are sections; a
   * section whose heading names no subject ({@link #bareLabel}: a time stamp, "Day 1") is followed
   * by the opening words of its passage.
   */
  public static String text(String lead, List<Hit> closest) {
    StringBuilder text = new StringBuilder(lead);
    if (!closest.isEmpty()) {
      text.append(" Closest I found:");
      for (Hit h : closest) {
        if (h.section().isEmpty() || h.section().strip().equalsIgnoreCase(h.title().strip())) {
          text.append(" “").append(h.title()).append("”");
        } else {
          text.append(" “").append(h.section()).append("” in ").append(h.title());
        }
        if (bareLabel(h.section())) {
          text.append(" (“").append(opening(h.text())).append("”)");
        }
        text.append(';');
      }
      text.setLength(text.length() - 1);
      text.append('.');
    }
    return text.toString();
  }
}
