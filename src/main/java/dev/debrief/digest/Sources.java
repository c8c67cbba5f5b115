package dev.debrief.digest;

import dev.debrief.cite.CitationLinks;
import dev.debrief.embed.Embedder;
import dev.debrief.index.ReportCatalog;
import dev.debrief.model.Citation;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passages with their vectors, sentence embedding and citation numbering: what digests and event
 * summaries share. Vectors come from the index when it stores them, otherwise the passage texts are
 * embedded.
 */
final class Sources {
  /** A passage of a report with its vector. */
  record Item(Report report, Passage passage, float[] vector) {}

  private final ReportCatalog catalog;
  private final Embedder embedder;
  private final CitationLinks links;

  Sources(ReportCatalog catalog, Embedder embedder, CitationLinks links) {
    this.catalog = catalog;
    this.embedder = embedder;
    this.links = links;
  }

  Embedder embedder() {
    return embedder;
  }

  /** The report's passages with vectors, in document order. */
  List<Item> items(Report report) {
    Map<String, float[]> stored = catalog.passageVectors(report.id());
    List<Item> out = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (Passage p : report.passages()) {
      float[] v = stored.get(p.id());
      if (v == null || v.length != embedder.dimension()) {
        missing.add(out.size());
      }
      out.add(new Item(report, p, v));
    }
    if (!missing.isEmpty()) {
      List<String> texts = new ArrayList<>();
      for (int i : missing) {
        Passage p = out.get(i).passage();
        texts.add(
            report.meta().title() + "\n" + String.join(" › ", p.headingPath()) + "\n" + p.text());
      }
      List<float[]> vs = embedder.embedAll(texts);
      for (int j = 0; j < missing.size(); j++) {
        Item old = out.get(missing.get(j));
        out.set(missing.get(j), new Item(old.report(), old.passage(), vs.get(j)));
      }
    }
    return out;
  }

  /**
   * Embeds candidate sentences as passages, each with its section heading for context ("Keynote:
   * …"), in order, so they compare with the stored passage vectors.
   */
  List<float[]> embed(List<Candidates.Candidate> sentences) {
    List<String> texts = new ArrayList<>();
    for (Candidates.Candidate s : sentences) {
      texts.add(s.item().passage().section() + ": " + s.text());
    }
    return texts.isEmpty() ? List.of() : embedder.embedAll(texts);
  }

  /** Citation numbering by first use, over passages. */
  final class Numbering {
    private final Map<String, Citation> byPassage = new LinkedHashMap<>();

    /** The {@code [n]} of a passage, numbering it on first use; {@code sentence} aims the link. */
    int number(Item item, String sentence) {
      Citation c = byPassage.get(item.passage().id());
      if (c == null) {
        c = citation(byPassage.size() + 1, item, sentence);
        byPassage.put(item.passage().id(), c);
      }
      return c.n();
    }

    List<Citation> citations() {
      return new ArrayList<>(byPassage.values());
    }

    Citation get(int n) {
      return citations().get(n - 1);
    }
  }

  Numbering numbering() {
    return new Numbering();
  }

  /** A citation of a passage. */
  Citation citation(int n, Item item, String sentence) {
    Report r = item.report();
    Passage p = item.passage();
    String link =
        links.link(
            new CitationLinks.Target(r.meta().url(), false, r.id(), p.id(), p.anchor(), p.text()));
    if (sentence != null) {
      link = links.forSentence(link, sentence);
    }
    return new Citation(
        n, r.id(), r.meta().title(), String.join(" › ", p.headingPath()), link, p.id(), p.text());
  }

  /** The report's own address, or its viewer page. */
  String reportUrl(Report r) {
    return r.meta().url().matches("(?i)https?://.+")
        ? r.meta().url()
        : links.viewerLink(r.id(), "", "");
  }
}
