package dev.debrief.index;

import dev.debrief.model.Report;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Indexer} writes reports into and reads back while it works: the Lucene index on disk
 * ({@link LuceneReportWriter}) or SolrCloud ({@code dev.debrief.solr.SolrReportWriter}). A report is stored as
 * one report document and one document per passage ({@link Fields}); writes become visible to readers at
 * {@link #commit()}, which also makes them durable.
 *
 * <p>Failures are {@link IndexException}s; {@link IndexUnavailableException} when the engine could not be
 * reached after its retries (the indexer then reports the affected inputs and goes on).
 */
public interface ReportWriter {
  /** The embedding model id this index holds vectors of. */
  String modelId();

  /** SHA-256 content hash of the indexed version of a report, or empty when it is not indexed. */
  Optional<String> indexedHash(String reportId);

  /**
   * Vectors already indexed for embedding texts, by cache key ({@code Documents.textHash(modelId, text)}).
   * A cache: a failure to read answers fewer (or no) vectors, never an error.
   */
  Map<String, float[]> cachedVectors(Collection<String> keys);

  /**
   * Replaces every document of {@code report} (report document and passages) with the new version in one
   * step: no commit holds a mix of old and new passages.
   *
   * @param vectors    one unit vector per passage, in passage order
   * @param ingestedAt when, epoch milliseconds
   */
  void replace(Report report, List<float[]> vectors, long ingestedAt);

  /** Deletes a report and its passages (visible at the next commit). */
  void delete(String reportId);

  /** Report id to source (path or URL) of every indexed report. */
  Map<String, String> reportSources();

  /** Makes every write so far durable and visible; the model id is stamped with it. */
  void commit();
}
