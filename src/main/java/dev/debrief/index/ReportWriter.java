package dev.debrief.index;

import dev.debrief.model.Report;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Indexer} writes reports into and reads back while it works: the Lucene index on disk
 * ({@link LuceneReportWriter}) or SolrCloud ({@code dev.debrief.solr.SolrReportWriter}). A report
 * is stored as one report document, carrying every source it was read from ({@link Fields#SOURCE},
 * {@link Fields#SOURCES_JSON}), and one document per passage ({@link Fields}); writes become
 * visible to other readers at {@link #commit()}, which also makes them durable.
 *
 * <p>Reads by report id ({@link #find}, {@link #exists}) see this writer's own writes at once;
 * reads by source ({@link #bySource}, {@link #held}) see them after {@link #refresh()} (Lucene) or
 * {@link #commit()} (Solr). The indexer needs no more: within one run a source is read once, and
 * every run ends with a commit.
 *
 * <p>Failures are {@link IndexException}s; {@link IndexUnavailableException} when the engine could
 * not be reached after its retries (the indexer then reports the affected inputs and goes on).
 */
public interface ReportWriter {
  /**
   * A report as indexed.
   *
   * @param report the report (its {@code source()} is the first of {@code sources})
   * @param sources every place it was read from, first one first
   * @param ingestedAt when it was first indexed, epoch milliseconds
   */
  record Indexed(Report report, List<SourceEntry> sources, long ingestedAt) {
    /** The report id. */
    public String id() {
      return report.id();
    }
  }

  /** Which report a source holds, its title, and the hash of the bytes recorded for the source. */
  record Held(String reportId, String title, String hash) {}

  /** The embedding model id this index holds vectors of. */
  String modelId();

  /**
   * Prepares for writing, before any file is parsed or text embedded: takes the single-writer lock
   * where the engine has one (a second writer is refused at once, by name) and brings the stored
   * layout up to date.
   *
   * @return true when it changed and committed the index (a schema migration)
   */
  boolean open();

  /** Makes this writer's writes visible to its reads by source (a no-op where they already are). */
  void refresh();

  /**
   * The monitor that serializes report-level changes of every {@link Indexer} of this index in this
   * process.
   */
  Object writeOps();

  /** The report with this id, with its sources; empty when it is not indexed. */
  Optional<Indexed> find(String reportId);

  /** The report holding {@code source}; empty when none does. */
  Optional<Indexed> bySource(String source);

  /**
   * The report holding {@code source} and the hash recorded for it, read without the report's text.
   */
  Optional<Held> held(String source);

  /** True when a report with this id is indexed. */
  boolean exists(String reportId);

  /**
   * Vectors already indexed for embedding texts, by cache key ({@code Documents.textHash(modelId,
   * text)}). A cache: a failure to read answers fewer (or no) vectors, never an error.
   */
  Map<String, float[]> cachedVectors(Collection<String> keys);

  /**
   * Replaces every document of {@code report} (report document and passages) with the new version
   * in one step: no commit holds a mix of old and new passages.
   *
   * @param sources every source of the report, first one first (not empty)
   * @param vectors one unit vector per passage, in passage order
   * @param ingestedAt when, epoch milliseconds
   */
  void replace(Report report, List<SourceEntry> sources, List<float[]> vectors, long ingestedAt);

  /**
   * Like {@link #replace(Report, List, List, long)}, with the report's sentence vectors stored
   * ahead for answers. The default drops them (answers embed their sentences then): the SolrCloud
   * backend does not store them yet.
   *
   * @param sentences the sentence texts of the report's passages with their vectors
   */
  default void replace(
      Report report,
      List<SourceEntry> sources,
      List<float[]> vectors,
      SentenceVectors sentences,
      long ingestedAt) {
    replace(report, sources, vectors, ingestedAt);
  }

  /** Deletes a report and its passages (visible at the next commit). */
  void delete(String reportId);

  /**
   * Every source of every indexed report (paths, URLs, {@code slack:FILE_ID}), for {@code --prune}.
   */
  List<String> sources();

  /** Makes every write so far durable and visible; the model id is stamped with it. */
  void commit();
}
