package dev.debrief.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import dev.debrief.model.Section;
import dev.debrief.retrieve.TermStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The texts a sentence is embedded as, and that ingest's texts are the ones answers embed. */
class SentenceContextsTest {
  private static final String TITLE = "KubeCon 2017 – Berlin";
  private static final String TEXT =
      "Photo: the main hall.\n"
          + "Aparna Sinha, a PM at Google, presented Kubernetes 1.6.\n"
          + "- It adds RBAC by default.\n"
          + "The demo failed twice.";

  private static Hit hit() {
    return new Hit(
        "p1",
        "r1",
        TITLE,
        "KubeCon",
        "2017-03-30",
        "Keynote",
        List.of(TITLE, "Keynote"),
        "keynote",
        "",
        TEXT,
        0.5);
  }

  @Test
  void headingThenSentenceBeforeThenSentenceChromeLeftOut() {
    assertEquals(
        List.of(
            "Keynote. Aparna Sinha, a PM at Google, presented Kubernetes 1.6.",
            "Keynote. Aparna Sinha, a PM at Google, presented Kubernetes 1.6. It adds RBAC by"
                + " default.",
            "Keynote. It adds RBAC by default. The demo failed twice."),
        SentenceContexts.of(hit()));
  }

  @Test
  void noHeadingNoSentenceBefore() {
    assertEquals("Just this.", SentenceContexts.context("", null, "- Just this."));
  }

  @Test
  void ingestTextsAreTheOnesTheScorerEmbeds() {
    // terms() only analyzes text: no index statistics are read
    PassageLines lines = new PassageLines(new TermStatistics(null));
    List<Evidence.Line> passage = lines.of(hit(), 0, Set.of());
    List<String> scorer = new ArrayList<>();
    for (Evidence.Line l : passage) {
      if (!l.chrome()) {
        scorer.add(LineScorer.context(l, passage));
      }
    }
    Report report =
        new Report(
            "r1",
            "/tmp/kubecon.md",
            "md",
            new ReportMeta(TITLE, "KubeCon", "2017-03-30", "", "", List.of(), List.of()),
            TEXT,
            List.of(
                new Section(0, 1, "Keynote", List.of(TITLE, "Keynote"), "keynote", 0, 10, true)),
            List.of(
                new Passage("p1", "r1", 0, 0, List.of(TITLE, "Keynote"), "keynote", TEXT, 0, 10)),
            "hash");
    assertEquals(scorer, new SentenceContexts().of(report, report.passages().get(0)));
  }
}
