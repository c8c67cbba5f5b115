package dev.debrief.index;

import dev.debrief.embed.Embedder;
import dev.debrief.index.ChangedSources.Pending;
import dev.debrief.index.IngestResult.Status;
import dev.debrief.ingest.IngestException;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.SentenceTexts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns files (and byte arrays from Slack or the web) into indexed reports, one report per content.
 *
 * <p>Order of work: the index's write lock is taken first, before any folder is walked, file parsed
 * or text embedded, so a second writer is refused at once. Then each source is checked against the
 * hash of the bytes it held last time (equal: skipped unparsed), parsed, and handed to the {@link
 * ReportLedger}: the same text from another source adds that source to the report ("already indexed
 * as …"), new text is embedded and indexed as a new report, and a source whose text changed leaves
 * its old report (deleted when no source is left). Each report's change is one step ({@link
 * ReportWriter#replace}), so a commit never holds a mix of old and new passages. Writes go to a
 * {@link ReportWriter}: the Lucene index on disk or SolrCloud. A report that could not be written
 * because the index is unreachable after its retries ({@link IndexUnavailableException}) becomes a
 * failure of that input; the rest of the run is listed as not attempted.
 *
 * <p>Commits happen every {@code commitIntervalMillis} (config {@code ingest.commitIntervalMillis},
 * 5 s by default) and at the end of a run: a process killed mid-ingest loses only the reports since
 * the last commit, and the next ingest redoes them (their sources do not record those bytes yet).
 * Passage vectors are cached by the hash of model id + embedding text: a renamed, copied or
 * re-ingested file re-embeds nothing.
 *
 * <p>The steps live in classes of their own: {@link PathIngest} (a run over files and folders),
 * {@link ChangedSources} (hash check and parse), {@link BatchWrites} (embed a batch, hand it to the
 * ledger), {@link PassageVectors} (cache or model), {@link WriterThread} (writes overlap the next
 * batch's embedding), {@link CommitTimer} and {@link IngestTally} (the run's counts).
 */
public final class Indexer {
  /** Receives progress: {@code done} of {@code total} inputs, and the input just finished. */
  public interface Progress {
    void update(int done, int total, String input);

    /**
     * While a batch of passages is embedded (a large file is one long batch): {@code embedded} of
     * {@code total} passages of this batch are done. Called every {@link #EMBED_CHUNK} passages.
     */
    default void embedding(int embedded, int total) {}

    /**
     * The same while the sentence texts answers embed ({@link SentenceTexts}) are embedded ahead,
     * after the batch's passages.
     */
    default void embeddingSentences(int embedded, int total) {}

    /** A listener that does nothing. */
    Progress NONE = (d, t, i) -> {};
  }

  private final ReportWriter store;
  private final long maxFileBytes;
  private final ReportLedger ledger;
  private final PassageVectors vectors;
  private final CommitTimer commits;
  private final ChangedSources changes;
  private final BatchWrites batches;
  private final PathIngest paths;

  /**
   * Passages embedded per call while a batch reports progress: about a second of work at the 228
   * passages/s that {@code debrief bench} measured for the quantized model on 2 cores, and enough
   * texts to keep every embedding worker busy.
   */
  public static final int EMBED_CHUNK = 256;

  /**
   * An indexer whose folder walks skip the index folder.
   *
   * @param index the index to write (its single writer is taken before any work)
   * @param reader parses files into reports
   * @param embedder embeds passages; must match the index's model
   * @param clock stamps ingest times
   * @param maxFileBytes larger files are refused
   * @param commitIntervalMillis longest time between commits during a run
   */
  public Indexer(
      LuceneIndex index,
      ReportReader reader,
      Embedder embedder,
      Clock clock,
      long maxFileBytes,
      long commitIntervalMillis) {
    this(
        new LuceneReportWriter(index),
        reader,
        embedder,
        clock,
        maxFileBytes,
        commitIntervalMillis,
        List.of(index.dir()));
  }

  /**
   * An indexer over any {@link ReportWriter} (Lucene or SolrCloud).
   *
   * @param store where reports are written; its {@link ReportWriter#open()} runs before any work
   * @param reader parses files into reports
   * @param embedder embeds passages; must match the store's model
   * @param clock stamps ingest times
   * @param maxFileBytes larger files are refused
   * @param commitIntervalMillis longest time between commits during a run
   * @param debriefFolders folders walks never enter: the Lucene index folder, the Slack state
   *     folder, anything else Debrief writes into a folder of its own
   */
  public Indexer(
      ReportWriter store,
      ReportReader reader,
      Embedder embedder,
      Clock clock,
      long maxFileBytes,
      long commitIntervalMillis,
      Collection<Path> debriefFolders) {
    this(
        store,
        reader,
        embedder,
        clock,
        maxFileBytes,
        commitIntervalMillis,
        debriefFolders,
        SentenceTexts.NONE);
  }

  /**
   * Like {@link #Indexer(ReportWriter, ReportReader, Embedder, Clock, long, long, Collection)},
   * embedding also the sentence texts of every report written and storing their vectors in its
   * block ({@link ReportWriter#replace(Report, List, List, SentenceVectors, long)}), so answers
   * embed only their question.
   *
   * @param sentenceTexts the texts answers embed for a passage's sentences ({@link
   *     SentenceTexts#NONE}: none)
   */
  public Indexer(
      ReportWriter store,
      ReportReader reader,
      Embedder embedder,
      Clock clock,
      long maxFileBytes,
      long commitIntervalMillis,
      Collection<Path> debriefFolders,
      SentenceTexts sentenceTexts) {
    if (!embedder.modelId().equals(store.modelId())) {
      throw new IllegalArgumentException(
          "embedder " + embedder.modelId() + " does not match index model " + store.modelId());
    }
    this.store = store;
    this.maxFileBytes = maxFileBytes;
    this.ledger = new ReportLedger(store, sentenceTexts);
    this.vectors = new PassageVectors(embedder, store);
    this.commits = new CommitTimer(store, commitIntervalMillis);
    this.changes = new ChangedSources(reader, ledger, clock);
    this.batches = new BatchWrites(ledger, vectors, commits, clock);
    this.paths =
        new PathIngest(
            store,
            ledger,
            new FolderWalk(List.copyOf(debriefFolders)),
            maxFileBytes,
            changes,
            batches,
            commits,
            vectors);
  }

  /**
   * Ingests files and folders (see {@link FolderWalk}: folders recursively, non-report files and
   * dotfiles skipped and counted, Debrief's own folders never walked).
   *
   * @param inputs paths of files or folders
   * @param prune also drop sources that are local files no longer there (a report goes with its
   *     last source)
   * @param progress progress listener
   * @return counts and failures; never throws for a bad file (it becomes a failure)
   * @throws IndexException when the index cannot be written (locked by another writer, I/O)
   */
  public IngestResult ingestPaths(List<Path> inputs, boolean prune, Progress progress) {
    vectors.reportTo(progress);
    try {
      begin();
      return paths.run(inputs, prune, progress);
    } finally {
      vectors.reportTo(Progress.NONE);
    }
  }

  /**
   * Ingests one report given as bytes (a Slack upload or a fetched page).
   *
   * @param source the source id: a URL or "slack:FILE_ID"
   * @param fileName the name used to detect the format
   * @return the result; {@link IngestResult#outcome(String)} of {@code source} names the report
   * @throws IndexException when the index cannot be written
   */
  public IngestResult ingestBytes(String source, String fileName, byte[] bytes) {
    return ingestBytes(source, fileName, bytes, List.of());
  }

  /**
   * Like {@link #ingestBytes(String, String, byte[])}, restricting this source to {@code
   * restrictTo} channels when its own metadata (front matter {@code channels}) restricts it to
   * none. A restriction in the file is never widened. A report is restricted only while every one
   * of its sources is; the restriction is part of the source's hash, so re-adding the same bytes
   * with another choice updates it.
   *
   * @param restrictTo Slack channel ids, or empty for "as the file says"
   */
  public IngestResult ingestBytes(
      String source, String fileName, byte[] bytes, List<String> restrictTo) {
    begin();
    IngestTally tally = new IngestTally();
    try {
      if (bytes.length > maxFileBytes) {
        throw new IngestException(ReportReader.tooLarge(bytes.length, maxFileBytes));
      }
      List<Pending> one = new ArrayList<>();
      changes
          .prepare(
              source,
              source,
              fileName,
              bytes,
              List.copyOf(restrictTo),
              tally,
              new ChangedSources.Run())
          .ifPresent(one::add);
      batches.flush(one, tally, null);
      commits.maybeCommit(true);
    } catch (IngestException e) {
      tally.fail(fileName, e.getMessage());
    } catch (IndexException e) {
      throw e;
    } catch (RuntimeException e) {
      tally.fail(fileName, "could not be parsed: " + e);
    }
    store.refresh();
    return tally.result();
  }

  /**
   * Takes the write lock (named refusal when another writer holds it) and brings the schema up to
   * date.
   */
  private void begin() {
    if (store.open()) {
      commits.committedNow();
    }
  }

  /**
   * The text a passage is embedded as: the report title and the section's heading path, then the
   * passage text, so that a passage about "the keynote" also knows which event and session it
   * belongs to.
   */
  public static String embeddingText(Report report, Passage p) {
    String path = String.join(" › ", p.headingPath());
    return report.meta().title() + (path.isEmpty() ? "" : " › " + path) + "\n" + p.text();
  }

  /**
   * Removes one report, with every source it has, in one commit (an admin's {@code /debrief
   * remove}).
   *
   * @return true when it was indexed
   */
  public boolean remove(String reportId) {
    begin();
    boolean removed = ledger.delete(reportId);
    if (removed) {
      store.commit();
      store.refresh();
    }
    return removed;
  }

  /**
   * Drops one source; its report stays while another source holds it.
   *
   * @return what happened ({@link Status#SOURCE_REMOVED} or {@link Status#REMOVED}), empty when no
   *     report holds the source
   */
  public Optional<IngestResult.Indexed> removeSource(String source) {
    begin();
    IngestTally tally = new IngestTally();
    Optional<ReportLedger.Outcome> o =
        ledger.detach(source, vectors.forWrites(tally, Map.of(), true));
    if (o.isPresent()) {
      store.commit();
      store.refresh();
    }
    return o.map(
        x -> new IngestResult.Indexed(source, source, x.reportId(), x.title(), x.status()));
  }
}
