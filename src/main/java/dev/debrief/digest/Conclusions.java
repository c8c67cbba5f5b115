package dev.debrief.digest;

import dev.debrief.model.Report;
import dev.debrief.model.Section;
import dev.debrief.text.Tokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds where a report's authors state their own conclusions: sections headed like "Summary",
 * "Executive summary", "Conclusion", "Key takeaways", "Lessons learned", "Final thoughts", "In
 * closing", "Wrap-up", "TL;DR", "Action items" or "Top 3 talks", with their subsections. A heading
 * that is the report's own title ("… recap") does not count.
 */
final class Conclusions {
  private Conclusions() {}

  private static final Pattern HEADING =
      Pattern.compile(
          "(?i)^(?:[\\p{L}'’]+[\\s,]+){0,3}?(?:"
              + "(?:executive |short |quick )?summary|summaries|conclusions?|in conclusion|to conclude|"
              + "concluding (?:thoughts|remarks)|take-?aways?|key points|lessons(?: learned| learnt)?|learnings|"
              + "what i (?:learned|learnt|took away)|final (?:thoughts?|words|remarks)|closing (?:thoughts|words|remarks)|"
              + "in closing|in summary|to sum(?:marize|marise| up)|wrap[- ]?up|wrapping up|tl;?dr|verdict|bottom line|"
              + "overall impressions?|action items|next steps|top \\d+ (?:talks|sessions)|favou?rite (?:talks|sessions)|"
              + "best (?:talks|sessions)|must[- ]see)\\b");

  /** True when {@code heading} names a conclusion, summary or takeaway section. */
  static boolean isConclusionHeading(String heading) {
    String h =
        heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[#*_`]", "").strip();
    return !h.isEmpty() && HEADING.matcher(h).find();
  }

  /**
   * Ordinals of the report's conclusion sections and their subsections, in document order (empty
   * when the report has none).
   */
  static Set<Integer> sections(Report report) {
    String title = norm(report.meta().title());
    Set<Integer> out = new LinkedHashSet<>();
    for (Section s : report.sections()) {
      List<String> path = s.headingPath();
      for (int i = 0; i < path.size(); i++) {
        String h = path.get(i);
        if (i == 0 && norm(h).equals(title)) {
          continue;
        }
        if (isConclusionHeading(h)) {
          out.add(s.ordinal());
          break;
        }
      }
    }
    return out;
  }

  /** The heading of the first conclusion section, or "" when there is none. */
  static String firstHeading(Report report) {
    for (int ordinal : sections(report)) {
      Section s = report.sections().get(ordinal);
      return s.heading();
    }
    return "";
  }

  private static String norm(String s) {
    return Tokens.fold(s);
  }
}
