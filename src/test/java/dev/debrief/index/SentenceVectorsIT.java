package dev.debrief.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.answer.SentenceContexts;
import dev.debrief.cli.Wiring;
import dev.debrief.model.Hit;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.testing.TestCorpus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentence vectors ingest stores ahead for answers, on a real Lucene index with the real model:
 * every sentence text an answer embeds is found with the vector the model gives it, they live and
 * die with their report, and no search ever returns them.
 */
class SentenceVectorsIT {
  @TempDir Path tmp;

  private static Set<String> sentenceTexts(Report r) {
    Set<String> texts = new LinkedHashSet<>();
    for (Passage p : r.passages()) {
      texts.addAll(new SentenceContexts().of(r, p));
    }
    return texts;
  }

  @Test
  void storedWithTheirReportFoundByTextGoneWithIt() throws Exception {
    Path docs = TestCorpus.write(tmp.resolve("docs"));
    try (Wiring w = TestCorpus.wiring(tmp.resolve("index"))) {
      w.indexer().ingestPaths(List.of(docs), false, Indexer.Progress.NONE);
      IndexedVectors stored = new IndexedVectors(w.index());
      int passages = 0;
      int sentences = 0;
      String betaId = TestCorpus.idOf(w, "beta.md");
      Set<String> beta = Set.of();
      for (ReportInfo info : w.catalog().list()) {
        Report r = w.catalog().findReport(info.id()).orElseThrow();
        Set<String> texts = sentenceTexts(r);
        assertTrue(texts.size() > r.passages().size(), "several sentences per passage");
        Map<String, float[]> found = stored.find(texts);
        assertEquals(texts, found.keySet(), "every sentence text of " + r.id());
        String first = texts.iterator().next();
        assertArrayEquals(w.embedder().embedAll(List.of(first)).get(0), found.get(first), 1e-5f);
        passages += r.passages().size();
        sentences += texts.size();
        if (r.id().equals(betaId)) {
          beta = texts;
        }
      }
      assertEquals(3 + passages + sentences, w.index().docCount(), "reports, passages, sentences");

      Set<String> passageIds = new HashSet<>();
      for (ReportInfo info : w.catalog().list()) {
        w.catalog()
            .findReport(info.id())
            .orElseThrow()
            .passages()
            .forEach(p -> passageIds.add(p.id()));
      }
      for (HybridRetriever.Mode mode : HybridRetriever.Mode.values()) {
        List<Hit> hits =
            w.retriever().search("snapshots backups restore", 50, SearchFilters.NONE, mode);
        assertTrue(!hits.isEmpty(), mode + " finds passages");
        hits.forEach(
            h -> assertTrue(passageIds.contains(h.passageId()), mode + " " + h.passageId()));
      }

      assertTrue(w.indexer().remove(betaId));
      assertEquals(Map.of(), new IndexedVectors(w.index()).find(beta), "gone with their report");
    }
  }
}
