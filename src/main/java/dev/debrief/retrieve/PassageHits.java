package dev.debrief.retrieve;

import dev.debrief.cite.CitationLinks;
import dev.debrief.model.Hit;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a {@link StoredPassage} into the {@link Hit} a retriever returns: its heading path split
 * into sections, and the URL {@link CitationLinks} builds for it.
 */
final class PassageHits {
  private final CitationLinks links;

  /**
   * @param links builds hit URLs
   */
  PassageHits(CitationLinks links) {
    this.links = links;
  }

  /**
   * The hit of a stored passage.
   *
   * @param score its fused score (0 for a passage fetched by id)
   */
  Hit toHit(StoredPassage p, double score) {
    List<String> path = p.heading().isEmpty() ? List.of() : Arrays.asList(p.heading().split("\n"));
    String section = path.isEmpty() ? "" : path.get(path.size() - 1);
    String url =
        links.link(
            new CitationLinks.Target(
                p.url(),
                p.anchorInSource(),
                p.reportId(),
                p.passageId(),
                p.anchor(),
                p.text(),
                p.restricted()));
    return new Hit(
        p.passageId(),
        p.reportId(),
        p.title(),
        p.event(),
        p.date(),
        section,
        path,
        p.anchor(),
        url,
        p.text(),
        score);
  }
}
