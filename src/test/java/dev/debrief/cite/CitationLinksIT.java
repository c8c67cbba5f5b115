package dev.debrief.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.debrief.cli.Wiring;
import dev.debrief.model.Hit;
import dev.debrief.model.SearchFilters;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which link a hit gets, by what the source carries: an HTML id, only a URL, or nothing (the
 * viewer).
 */
class CitationLinksIT {
  @TempDir Path tmp;

  static final String PAGE =
      """
      <html><head><title>Edge Days 2024</title>
      <link rel="canonical" href="https://blog.example.org/edge-days-2024/"></head>
      <body><article><h1>Edge Days 2024</h1>
      <h2 id="day-2">Day two</h2><p>The wasm runtime panel compared cold starts of nine runtimes on tiny boards.</p>
      <h2>Hallway</h2><p>Everyone talked about solar powered gateways and their battery budgets.</p>
      </article></body></html>
      """;

  @Test
  void htmlIdsGiveAnchorLinksOtherSectionsGetTextFragments() {
    try (Wiring w = TestCorpus.wiring(tmp.resolve("index"))) {
      w.indexer()
          .ingestBytes(tmp + "/edge.html", "edge.html", PAGE.getBytes(StandardCharsets.UTF_8));
      List<Hit> wasm =
          w.retriever()
              .search("wasm runtime cold starts", 1, SearchFilters.NONE, HybridRetriever.Mode.BM25);
      assertEquals("https://blog.example.org/edge-days-2024/#day-2", wasm.get(0).url());
      List<Hit> solar =
          w.retriever()
              .search("solar powered gateways", 1, SearchFilters.NONE, HybridRetriever.Mode.BM25);
      assertEquals(
          "https://blog.example.org/edge-days-2024/#:~:text=Everyone%20talked%20about%20solar,and%20their%20battery%20budgets.",
          solar.get(0).url());
    }
  }
}
