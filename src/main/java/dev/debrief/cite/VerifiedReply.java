package dev.debrief.cite;

import dev.debrief.cite.CitationVerifier.Sentence;
import dev.debrief.model.Citation;
import dev.debrief.model.Hit;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reply {@link CitationVerifier} writes, sentence by sentence: a supported sentence with its
 * citations renumbered 1..n in order of first use, an unsupported one marked "(unverified)" with no
 * marker, and the list of citations in that numbering. One per reply; not thread-safe.
 */
final class VerifiedReply {
  private final Map<Integer, Integer> renumber =
      new LinkedHashMap<>(); // passage index (0-based) -> new number
  private final StringBuilder out = new StringBuilder();

  /** Appends the sentence marked "(unverified)", without markers. */
  void addUnverified(Sentence s) {
    String body = s.body();
    append(out, s, Sentences.stripEnd(body) + " (unverified)" + terminal(body));
  }

  /**
   * Appends the sentence citing {@code supported}, renumbered.
   *
   * @param supported 0-based indexes of the passages sent that support it, at least one
   */
  void addCited(Sentence s, List<Integer> supported) {
    String body = s.body();
    StringBuilder markers = new StringBuilder();
    for (int idx :
        new TreeSet<>(
            supported.stream()
                .map(i -> renumber.computeIfAbsent(i, k -> renumber.size() + 1))
                .toList())) {
      markers.append('[').append(idx).append(']');
    }
    append(out, s, Sentences.stripEnd(body) + " " + markers + terminal(body));
  }

  /** The reply written so far, stripped. */
  String text() {
    return out.toString().strip();
  }

  /**
   * The citations of the sentences added, numbered 1..n in order of first use.
   *
   * @param sent the passages of the prompt the indexes given to {@link #addCited} point into
   */
  List<Citation> citations(List<Hit> sent) {
    List<Citation> citations = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : renumber.entrySet()) {
      Hit h = sent.get(e.getKey());
      String section = h.headingPath().isEmpty() ? h.section() : h.pathLabel();
      citations.add(
          new Citation(
              e.getValue(), h.reportId(), h.title(), section, h.url(), h.passageId(), h.text()));
    }
    return citations;
  }

  private static void append(StringBuilder out, Sentence s, String rendered) {
    if (out.length() > 0) {
      out.append(s.newLine() ? "\n" : " ");
    }
    out.append(rendered);
  }

  private static String terminal(String body) {
    String b = body.strip();
    return b.endsWith("?") ? "?" : b.endsWith("!") ? "!" : ".";
  }
}
