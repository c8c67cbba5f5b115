package dev.debrief.answer;

import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.SentenceTexts;
import dev.debrief.text.Sentences;
import java.util.ArrayList;
import java.util.List;

/**
 * What each sentence of a passage is embedded as when an answer scores it: its section heading, the
 * sentence before it (unless that one is chrome), and itself, bullets dropped. Ingest embeds these
 * texts ahead ({@link SentenceTexts}), so an extractive answer finds its sentences' vectors in the
 * index and embeds only the question; a text not found there (an index written before, a backend
 * that does not store them) is embedded at answer time as before.
 *
 * <p>Embedding each candidate sentence with its heading and the sentence before it is what issue 9
 * measured best for sentence scoring (38 vs 28 of 66 dev questions with the answer sentence in the
 * top 5), whatever the model.
 */
public final class SentenceContexts implements SentenceTexts {
  /**
   * The embedded text of one sentence.
   *
   * @param sectionLabel the passage's heading path without a heading that repeats the title ("" for
   *     none; {@link Hit#sectionLabel()})
   * @param before the sentence before, or null when there is none or it is chrome
   * @param sentence the sentence
   */
  static String context(String sectionLabel, String before, String sentence) {
    StringBuilder b = new StringBuilder();
    if (!sectionLabel.isEmpty()) {
      b.append(sectionLabel).append(". ");
    }
    if (before != null) {
      b.append(SentenceShape.withoutBullet(before)).append(' ');
    }
    return b.append(SentenceShape.withoutBullet(sentence)).toString();
  }

  /**
   * The texts of every sentence of {@code hit}'s passage that is not chrome, in order: the ones
   * {@link LineScorer} embeds (it embeds a shortlist of them).
   */
  static List<String> of(Hit hit) {
    List<Sentences.Span> spans = Sentences.split(hit.text());
    List<String> out = new ArrayList<>(spans.size());
    String label = hit.sectionLabel();
    String before = null;
    for (Sentences.Span s : spans) {
      String t = s.text();
      boolean chrome = PassageLines.chrome(hit, t);
      if (!chrome) {
        out.add(context(label, before, t));
      }
      before = chrome ? null : t;
    }
    return out;
  }

  /**
   * The sentence texts of a passage as it will come back from the index as a {@link Hit}: the
   * report's title, the passage's heading path (innermost heading as its section) and text.
   */
  @Override
  public List<String> of(Report report, Passage passage) {
    List<String> path = passage.headingPath();
    return of(
        new Hit(
            passage.id(),
            report.id(),
            report.meta().title(),
            report.meta().event(),
            report.meta().date(),
            path.isEmpty() ? "" : path.get(path.size() - 1),
            path,
            passage.anchor(),
            "",
            passage.text(),
            0));
  }
}
