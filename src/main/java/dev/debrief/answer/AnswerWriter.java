package dev.debrief.answer;

import dev.debrief.cite.CitationLinks;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the chosen stretches as answer text: each sentence followed by the number of the passage
 * it came from ("It scales [1]."), consecutive list items of a stretch joined with semicolons into
 * one cited line, sources numbered in order of first use, each linked to the first sentence quoted
 * from it (a text fragment where the report has no section anchor of its own). The same sentence is
 * never written twice.
 */
public final class AnswerWriter {
  /**
   * The written answer.
   *
   * @param text the answer text
   * @param citations its sources, numbered from 1
   */
  public record Written(String text, List<Citation> citations) {}

  private final CitationLinks links;

  /**
   * @param links builds citation links
   */
  public AnswerWriter(CitationLinks links) {
    this.links = links;
  }

  /**
   * @param stretches what to quote, in answer order
   * @param labels a label to put before each stretch (an event's name in a comparison), or null for
   *     none
   */
  public Written write(List<Evidence.Stretch> stretches, List<String> labels) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Set<String> written = new HashSet<>();
    for (int s = 0; s < stretches.size(); s++) {
      Evidence.Stretch stretch = stretches.get(s);
      List<String> units = units(stretch.lines(), written);
      if (units.isEmpty()) {
        continue;
      }
      Hit h = stretch.hit();
      Integer n = numbers.get(h.passageId());
      if (n == null) {
        n = numbers.size() + 1;
        numbers.put(h.passageId(), n);
        citations.add(
            new Citation(
                n,
                h.reportId(),
                h.title(),
                h.sectionLabel(),
                links.forSentence(h.url(), units.get(0)),
                h.passageId(),
                h.text()));
      }
      if (text.length() > 0) {
        text.append(labels == null ? " " : "\n");
      }
      if (labels != null && labels.get(s) != null) {
        text.append(labels.get(s)).append(" — ");
      }
      if (stretch.speaker() != null) {
        text.append(stretch.speaker()).append(": ");
      }
      for (int u = 0; u < units.size(); u++) {
        if (u > 0) {
          text.append(' ');
        }
        text.append(citeEach(units.get(u), n));
      }
    }
    return new Written(text.toString(), citations);
  }

  /**
   * The stretch's lines as written units: prose sentences one by one, consecutive list items
   * joined.
   */
  private static List<String> units(List<Evidence.Line> lines, Set<String> written) {
    List<String> out = new ArrayList<>();
    StringBuilder list = null;
    for (Evidence.Line l : lines) {
      String clean = SentenceShape.withoutBullet(l.text());
      if (clean.isEmpty() || !written.add(EvidenceSelector.normal(clean))) {
        continue;
      }
      if (l.bullet()) {
        if (list == null) {
          list = new StringBuilder(clean);
        } else {
          list.append(list.toString().endsWith(":") ? " " : "; ").append(stripPeriod(clean));
        }
        continue;
      }
      if (list != null) {
        out.add(list.toString());
        list = null;
      }
      if (!out.isEmpty() && out.get(out.size() - 1).endsWith(":")) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + clean);
      } else {
        out.add(clean);
      }
    }
    if (list != null) {
      out.add(list.toString());
    }
    return out;
  }

  private static String stripPeriod(String s) {
    return s.endsWith(".") && !s.endsWith("..") ? s.substring(0, s.length() - 1) : s;
  }

  /** Cites every sentence of a unit: "A. B." becomes "A [1]. B [1]." */
  static String citeEach(String unit, int n) {
    List<Sentences.Span> parts = Sentences.split(unit);
    if (parts.size() <= 1) {
      return cite(unit, n);
    }
    StringBuilder out = new StringBuilder();
    for (Sentences.Span part : parts) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(cite(part.text(), n));
    }
    return out.toString();
  }

  /** Appends the marker before a final period: "It scales." becomes "It scales [1]." */
  static String cite(String sentence, int n) {
    String s = sentence.strip();
    if (s.endsWith(":")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith(".") && !s.endsWith("..")) {
      return s.substring(0, s.length() - 1) + " [" + n + "].";
    }
    if (s.matches("(?s).*[.!?…\"”’)]$")) {
      return s + " [" + n + "]";
    }
    return s + " [" + n + "].";
  }
}
