package dev.debrief.index;

import dev.debrief.embed.Embedder;
import dev.debrief.index.IngestResult.Status;
import dev.debrief.ingest.IngestException;
import dev.debrief.ingest.ReportReader;
import dev.debrief.model.Hashes;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** A listener that does nothing. */
    Progress NONE = (d, t, i) -> {};
  }

  /** Passages embedded together: one call keeps both cores busy across small reports. */
  static final int BATCH_PASSAGES = 64;

  private final ReportWriter store;
  private final ReportReader reader;
  private final Embedder embedder;
  private final Clock clock;
  private final long maxFileBytes;
  private final long commitIntervalMillis;
  private final ReportLedger ledger;
  private final FolderWalk walk;
  private long lastCommitNanos = System.nanoTime();
  private Progress progress = Progress.NONE;

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
    if (!embedder.modelId().equals(store.modelId())) {
      throw new IllegalArgumentException(
          "embedder " + embedder.modelId() + " does not match index model " + store.modelId());
    }
    this.store = store;
    this.reader = reader;
    this.embedder = embedder;
    this.clock = clock;
    this.maxFileBytes = maxFileBytes;
    this.commitIntervalMillis = commitIntervalMillis;
    this.ledger = new ReportLedger(store);
    this.walk = new FolderWalk(List.copyOf(debriefFolders));
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
    this.progress = progress;
    try {
      return ingestPathsReporting(inputs, prune, progress);
    } finally {
      this.progress = Progress.NONE;
    }
  }

  private IngestResult ingestPathsReporting(List<Path> inputs, boolean prune, Progress progress) {
    begin();
    FolderWalk.Result found = walk.expand(inputs);
    Tally tally = new Tally();
    tally.failures.addAll(found.failures());
    tally.skipped = found.skipped();
    Run run = new Run();
    List<Pending> pending = new ArrayList<>();
    List<Path> files = found.files();
    IndexUnavailableException unreachable = null;
    try (Writes writes = new Writes()) {
      int done = 0;
      for (int f = 0; f < files.size() && unreachable == null; f++) {
        Path file = files.get(f);
        String name = file.getFileName().toString();
        try {
          if (!ReportReader.isSupported(name)) {
            throw new IngestException(
                "not a report: unsupported file type"
                    + extension(name)
                    + " (supported: "
                    + ReportReader.SUPPORTED_EXTENSIONS
                    + ")");
          }
          long size = Files.size(file);
          if (size > maxFileBytes) {
            throw new IngestException(ReportReader.tooLarge(size, maxFileBytes));
          }
          prepare(
                  file.toString(),
                  FolderWalk.canonical(file).toString(),
                  name,
                  Files.readAllBytes(file),
                  List.of(),
                  tally,
                  run)
              .ifPresent(pending::add);
          if (pending.stream().mapToInt(p -> p.report().passages().size()).sum()
              >= BATCH_PASSAGES) {
            flush(pending, tally, writes);
          }
        } catch (IngestException e) {
          tally.fail(file.toString(), e.getMessage());
        } catch (IOException e) {
          tally.fail(file.toString(), "cannot read: " + e.getMessage());
        } catch (IndexUnavailableException e) {
          unreachable = e;
          tally.fail(file.toString(), "not indexed: " + e.getMessage());
          for (Path rest : files.subList(f + 1, files.size())) {
            tally.fail(rest.toString(), "not attempted: the index is unreachable");
          }
          for (Pending p : pending) {
            tally.fail(p.input(), "not written: the index is unreachable");
          }
          pending.clear();
        } catch (IndexException e) {
          throw e;
        } catch (RuntimeException e) {
          tally.fail(file.toString(), "could not be parsed: " + e);
        }
        progress.update(++done, files.size(), file.toString());
      }
      flush(pending, tally, writes);
      writes.finish();
    }
    try {
      maybeCommit(true);
    } catch (IndexUnavailableException e) {
      tally.fail(
          "(commit)",
          "the reports written in this run are not committed yet; run the same ingest again to"
              + " commit them: "
              + e.getMessage());
      return tally.result();
    }
    if (prune && unreachable == null) {
      pruneMissing(tally);
    }
    store.refresh();
    return tally.result();
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
    Tally tally = new Tally();
    try {
      if (bytes.length > maxFileBytes) {
        throw new IngestException(ReportReader.tooLarge(bytes.length, maxFileBytes));
      }
      List<Pending> one = new ArrayList<>();
      prepare(source, source, fileName, bytes, List.copyOf(restrictTo), tally, new Run())
          .ifPresent(one::add);
      flush(one, tally, null);
      maybeCommit(true);
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
      lastCommitNanos = System.nanoTime();
    }
  }

  /**
   * A parsed source waiting to be written. @param embed whether its content is new (its vectors are
   * computed in the batch)
   */
  private record Pending(String input, Report report, SourceEntry entry, boolean embed) {}

  /**
   * What this run already decided, so that decisions within one run agree before their writes are
   * visible.
   */
  private static final class Run {
    final Set<String> reportIds = new HashSet<>();
    final Map<String, ReportWriter.Held> sources = new HashMap<>();
  }

  /** Parses a source whose bytes changed; empty when its source already holds these bytes. */
  private Optional<Pending> prepare(
      String input,
      String source,
      String fileName,
      byte[] bytes,
      List<String> restrictTo,
      Tally tally,
      Run run)
      throws IngestException {
    String hash =
        restrictTo.isEmpty() ? Hashes.sha256Hex(bytes) : restrictedHash(bytes, restrictTo);
    Optional<ReportWriter.Held> held =
        Optional.ofNullable(run.sources.get(source)).or(() -> ledger.held(source));
    if (held.isPresent() && held.get().hash().equals(hash)) {
      tally.record(
          input,
          source,
          new ReportLedger.Outcome(
              Status.UNCHANGED, held.get().reportId(), held.get().title(), 0, ""));
      return Optional.empty();
    }
    Report report = reader.read(source, fileName, bytes);
    if (!restrictTo.isEmpty()) {
      ReportMeta m = report.meta();
      List<String> channels = m.channels().isEmpty() ? restrictTo : m.channels();
      report =
          new Report(
              report.id(),
              report.source(),
              report.format(),
              new ReportMeta(
                  m.title(), m.event(), m.date(), m.author(), m.url(), m.tags(), channels),
              report.text(),
              report.sections(),
              report.passages(),
              report.contentHash());
    }
    if (report.passages().isEmpty()) {
      throw new IngestException("no text found");
    }
    boolean embed = !run.reportIds.contains(report.id()) && !ledger.exists(report.id());
    run.reportIds.add(report.id());
    run.sources.put(source, new ReportWriter.Held(report.id(), report.meta().title(), hash));
    return Optional.of(
        new Pending(
            input, report, new SourceEntry(source, hash, report.meta(), clock.millis()), embed));
  }

  /**
   * Embeds the new contents among {@code pending} in one call, then hands every source to the
   * ledger: on {@code writer} when given (so the next batch embeds while this one is written), else
   * here.
   */
  private void flush(List<Pending> pending, Tally tally, Writes writer) {
    if (pending.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    for (Pending p : pending) {
      if (p.embed()) {
        for (Passage passage : p.report().passages()) {
          texts.add(embeddingText(p.report(), passage));
        }
      }
    }
    Map<String, float[]> fresh = new HashMap<>();
    List<float[]> vectors = vectorsFor(texts, tally, Map.of());
    for (int i = 0; i < texts.size(); i++) {
      fresh.put(Documents.textHash(embedder.modelId(), texts.get(i)), vectors.get(i));
    }
    List<Pending> batch = List.copyOf(pending);
    pending.clear();
    Runnable write =
        () -> {
          for (Pending p : batch) {
            ReportLedger.Outcome o;
            try {
              o =
                  ledger.put(
                      p.report(),
                      p.entry(),
                      p.embed()
                          ? t -> vectorsFor(t, tally, fresh)
                          : t -> rewriteVectors(t, tally, fresh),
                      clock.millis());
            } catch (IndexUnavailableException e) {
              tally.fail(p.input(), "not written: " + e.getMessage());
              continue;
            }
            if (o.status() == null) {
              tally.fail(p.input(), o.reason());
            } else {
              tally.record(p.input(), p.entry().source(), o);
            }
            maybeCommit(false);
          }
        };
    if (writer == null) {
      write.run();
    } else {
      writer.submit(write);
    }
  }

  /**
   * One background thread that writes embedded batches in order, so writing (HNSW graph insertion)
   * overlaps the next batch's embedding. {@link #finish()} waits and rethrows the first failure.
   */
  private static final class Writes implements AutoCloseable {
    private final ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "index-writer");
              t.setDaemon(true);
              return t;
            });
    private final List<Future<?>> futures = new ArrayList<>();

    void submit(Runnable task) {
      futures.add(thread.submit(task));
    }

    void finish() {
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IndexException("interrupted while writing the index", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IndexException("writing the index failed: " + e.getCause(), e.getCause());
        }
      }
      futures.clear();
    }

    @Override
    public void close() {
      thread.shutdownNow();
    }
  }

  private static String restrictedHash(byte[] bytes, List<String> restrictTo) {
    return Hashes.sha256Hex(Hashes.sha256Hex(bytes) + "\nchannels=" + String.join(",", restrictTo));
  }

  private void maybeCommit(boolean force) {
    long now = System.nanoTime();
    if (force || now - lastCommitNanos > commitIntervalMillis * 1_000_000L) {
      store.commit();
      lastCommitNanos = now;
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
   * Vectors for texts: from {@code known} (computed earlier in this run), the index's cache, or the
   * model.
   */
  private List<float[]> vectorsFor(List<String> texts, Tally tally, Map<String, float[]> known) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<String> lookup = new ArrayList<>();
    for (String t : texts) {
      float[] v = known.get(Documents.textHash(embedder.modelId(), t));
      out.add(v);
      if (v == null) {
        lookup.add(t);
      }
    }
    if (lookup.isEmpty()) {
      return out;
    }
    Map<String, float[]> cached = cachedVectors(lookup);
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    int fromCache = 0;
    for (int i = 0; i < texts.size(); i++) {
      if (out.get(i) != null) {
        continue;
      }
      float[] v = cached.get(Documents.textHash(embedder.modelId(), texts.get(i)));
      if (v == null) {
        missing.add(texts.get(i));
        missingAt.add(i);
      } else {
        out.set(i, v);
        fromCache++;
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = new ArrayList<>(missing.size());
      if (missing.size() <= EMBED_CHUNK) {
        fresh.addAll(embedder.embedAll(missing));
      } else {
        for (int from = 0; from < missing.size(); from += EMBED_CHUNK) {
          fresh.addAll(
              embedder.embedAll(
                  missing.subList(from, Math.min(missing.size(), from + EMBED_CHUNK))));
          progress.embedding(fresh.size(), missing.size());
        }
      }
      for (int j = 0; j < fresh.size(); j++) {
        out.set(missingAt.get(j), fresh.get(j));
      }
    }
    tally.vectors(missing.size(), fromCache);
    return out;
  }

  /**
   * Vectors for rewriting the block of a report already indexed (a source added or dropped): read
   * back, not counted as "from cache" in the run's figures, which describe the contents it indexed.
   */
  private List<float[]> rewriteVectors(
      List<String> texts, Tally tally, Map<String, float[]> known) {
    Tally scratch = new Tally();
    List<float[]> out = vectorsFor(texts, scratch, known);
    tally.vectors(scratch.embedded, 0);
    return out;
  }

  private Map<String, float[]> cachedVectors(List<String> texts) {
    List<String> keys = new ArrayList<>(texts.size());
    for (String text : texts) {
      keys.add(Documents.textHash(embedder.modelId(), text));
    }
    return store.cachedVectors(keys);
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
    Tally tally = new Tally();
    Optional<ReportLedger.Outcome> o =
        ledger.detach(source, t -> rewriteVectors(t, tally, Map.of()));
    if (o.isPresent()) {
      store.commit();
      store.refresh();
    }
    return o.map(
        x -> new IngestResult.Indexed(source, source, x.reportId(), x.title(), x.status()));
  }

  /** Drops sources that are local files no longer there. */
  private void pruneMissing(Tally tally) {
    List<String> gone = new ArrayList<>();
    for (String source : store.sources()) {
      if (source.startsWith("/") && !Files.exists(Path.of(source))) {
        gone.add(source);
      }
    }
    for (String source : gone) {
      ledger
          .detach(source, t -> rewriteVectors(t, tally, Map.of()))
          .ifPresent(o -> tally.record(source, source, o));
    }
    if (!gone.isEmpty()) {
      store.commit();
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? " (no extension)" : " " + name.substring(dot);
  }

  /** Counts of a run; written from the caller's thread and the writer thread. */
  private static final class Tally {
    int added;
    int updated;
    int unchanged;
    int removed;
    int passages;
    int embedded;
    int cached;
    int skipped;
    final List<IngestResult.Failure> failures = new ArrayList<>();
    final List<String> reportIds = new ArrayList<>();
    final List<IngestResult.Indexed> indexed = new ArrayList<>();

    synchronized void fail(String input, String reason) {
      failures.add(new IngestResult.Failure(input, reason));
    }

    synchronized void vectors(int fromModel, int fromCache) {
      embedded += fromModel;
      cached += fromCache;
    }

    synchronized void record(String input, String source, ReportLedger.Outcome o) {
      switch (o.status()) {
        case ADDED -> added++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case REMOVED -> removed++;
        case SOURCE_ADDED, SOURCE_REMOVED -> {} // listed in indexed, each with its note
      }
      if (o.status() == Status.ADDED || o.status() == Status.UPDATED) {
        reportIds.add(o.reportId());
        passages +=
            o.passagesWritten(); // a source added to or dropped from a report adds no passage
      }
      indexed.add(new IngestResult.Indexed(input, source, o.reportId(), o.title(), o.status()));
    }

    synchronized IngestResult result() {
      return new IngestResult(
          added, updated, unchanged, removed, passages, embedded, cached, failures, reportIds,
          indexed, skipped);
    }
  }
}
