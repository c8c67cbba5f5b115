package dev.debrief.index;

import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to what is indexed, for listings, the viewer, digests and Slack. */
public interface ReportCatalog {
  /** Every indexed report, most recently ingested first. */
  List<ReportInfo> list();

  /** The full report (text, sections, passages) by id. */
  Optional<Report> findReport(String reportId);

  /**
   * The stored passage vectors of one report (passage id to unit vector), as the index computed
   * them at ingest; empty when the catalog keeps no vectors (callers then embed the passage texts
   * themselves).
   */
  default Map<String, float[]> passageVectors(String reportId) {
    return Map.of();
  }

  /**
   * Why the catalog cannot be read right now ("" when it can): a search engine that does not
   * answer. The Lucene index on disk is checked when it is opened and answers "" here.
   */
  default String unavailable() {
    return "";
  }
}
