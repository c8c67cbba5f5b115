package dev.debrief.index;

import dev.debrief.embed.Embedder;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns files (and byte arrays from Slack or the web) into indexed reports.
 *
 * <p>Idempotent: a report's id derives from its source; unchanged content (same SHA-256) is skipped; changed
 * content replaces all of that report's documents in one step ({@link ReportWriter#replace}), so
 * a commit never holds a mix of old and new passages. Writes go to a {@link ReportWriter}: the Lucene index on
 * disk or SolrCloud. A report that could not be written because the index is unreachable after its retries
 * ({@link IndexUnavailableException}) becomes a failure of that input; the run goes on. Commits happen every {@code commitIntervalMillis}
 * (config {@code ingest.commitIntervalMillis}, 5 s by default) and at the end of a run: a process killed mid-ingest loses only the
 * reports since the last commit, and the next ingest redoes them (their content hash is not yet indexed). Passage vectors are cached by the hash of
 * model id + passage text: a renamed or re-ingested file re-embeds nothing.
 */
public final class Indexer {
  /** Receives progress: {@code done} of {@code total} inputs, and the input just finished. */
  public interface Progress {
    void update(int done, int total, String input);

    /**
     * While a batch of passages is embedded (a large file is one long batch): {@code embedded} of
     * {@code total} passages of this batch are done. Called every {@link #EMBED_CHUNK} passages.
     */
    default void embedding(int embedded, int total) { }

    /** A listener that does nothing. */
    Progress NONE = (d, t, i) -> { };
  }

  private final ReportWriter store;
  private final ReportReader reader;
  private final Embedder embedder;
  private final Clock clock;
  private final long maxFileBytes;
  private final long commitIntervalMillis;
  private long lastCommitNanos = System.nanoTime();
  private Progress progress = Progress.NONE;
  /**
   * Passages embedded per call while a batch reports progress: about a second of work at the 228 passages/s
   * that {@code debrief bench} measured for the quantized model on 2 cores, and enough texts to keep every
   * embedding worker busy.
   */
  public static final int EMBED_CHUNK = 256;

  /**
   * An indexer over the Lucene index on disk.
   *
   * @param index        the index to write (its single writer is taken on first write)
   * @param reader       parses files into reports
   * @param embedder     embeds passages; must match the index's model
   * @param clock        stamps ingest times
   * @param maxFileBytes larger files are refused
   * @param commitIntervalMillis longest time between commits during a run
   */
  public Indexer(LuceneIndex index, ReportReader reader, Embedder embedder, Clock clock, long maxFileBytes,
                 long commitIntervalMillis) {
    this(new LuceneReportWriter(index), reader, embedder, clock, maxFileBytes, commitIntervalMillis);
  }

  /**
   * @param store        where reports are written (Lucene or SolrCloud)
   * @param reader       parses files into reports
   * @param embedder     embeds passages; must match the store's model
   * @param clock        stamps ingest times
   * @param maxFileBytes larger files are refused
   * @param commitIntervalMillis longest time between commits during a run
   */
  public Indexer(ReportWriter store, ReportReader reader, Embedder embedder, Clock clock, long maxFileBytes,
                 long commitIntervalMillis) {
    this.commitIntervalMillis = commitIntervalMillis;
    if (!embedder.modelId().equals(store.modelId())) {
      throw new IllegalArgumentException("embedder " + embedder.modelId() + " does not match index model "
          + store.modelId());
    }
    this.store = store;
    this.reader = reader;
    this.embedder = embedder;
    this.clock = clock;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Ingests files and folders (recursively; hidden files skipped).
   *
   * @param inputs   paths of files or folders
   * @param prune    also drop reports whose source file no longer exists
   * @param progress progress listener
   * @return counts and failures; never throws for a bad file (it becomes a failure)
   * @throws IndexException when the index cannot be written (locked, I/O)
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
    List<IngestResult.Failure> failures = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        failures.add(new IngestResult.Failure(input.toString(), "no such file or folder"));
      } else if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !isHidden(input, p))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          failures.add(new IngestResult.Failure(input.toString(), "cannot list folder: " + e.getMessage()));
        }
      } else {
        files.add(input);
      }
    }
    Tally tally = new Tally();
    tally.failures.addAll(failures);
    List<Pending> pending = new ArrayList<>();
    IndexUnavailableException unreachable = null;
    try (Writes writes = new Writes()) {
      int done = 0;
      for (int f = 0; f < files.size() && unreachable == null; f++) {
        Path file = files.get(f);
        String name = file.getFileName().toString();
        Path abs = realPath(file);
        try {
          if (!ReportReader.isSupported(name)) {
            throw new IngestException("unsupported file type" + extension(name)
                + " (supported: " + ReportReader.SUPPORTED_EXTENSIONS + ")");
          }
          long size = Files.size(file);
          if (size > maxFileBytes) {
            throw new IngestException(ReportReader.tooLarge(size, maxFileBytes));
          }
          prepare(abs.toString(), name, Files.readAllBytes(file), List.of(), tally).ifPresent(pending::add);
          if (pending.stream().mapToInt(p -> p.report().passages().size()).sum() >= BATCH_PASSAGES) {
            flush(pending, tally, writes);
          }
        } catch (IngestException e) {
          tally.failures.add(new IngestResult.Failure(file.toString(), e.getMessage()));
        } catch (IOException e) {
          tally.failures.add(new IngestResult.Failure(file.toString(), "cannot read: " + e.getMessage()));
        } catch (IndexUnavailableException e) {
          unreachable = e;
          tally.failures.add(new IngestResult.Failure(file.toString(), "not indexed: " + e.getMessage()));
          for (Path rest : files.subList(f + 1, files.size())) {
            tally.failures.add(new IngestResult.Failure(rest.toString(), "not attempted: the index is unreachable"));
          }
          for (Pending p : pending) {
            tally.failures.add(new IngestResult.Failure(p.report().source(), "not written: the index is unreachable"));
          }
          pending.clear();
        } catch (RuntimeException e) {
          if (e instanceof IndexException) {
            throw e;
          }
          tally.failures.add(new IngestResult.Failure(file.toString(), "could not be parsed: " + e));
        }
        progress.update(++done, files.size(), file.toString());
      }
      flush(pending, tally, writes);
      writes.finish();
    }
    try {
      maybeCommit(true);
    } catch (IndexUnavailableException e) {
      tally.failures.add(new IngestResult.Failure("(commit)", "the reports written in this run are not committed"
          + " yet; run the same ingest again to commit them: " + e.getMessage()));
      return tally.result();
    }
    if (prune && unreachable == null) {
      tally.removed += pruneMissing();
    }
    return tally.result();
  }

  /**
   * Ingests one report given as bytes (a Slack upload or a fetched page).
   *
   * @param source   the source id: a URL or "slack:FILE_ID"
   * @param fileName the name used to detect the format
   * @return the result, with the report id when it was indexed
   * @throws IndexException when the index cannot be written
   */
  public IngestResult ingestBytes(String source, String fileName, byte[] bytes) {
    return ingestBytes(source, fileName, bytes, List.of());
  }

  /**
   * Like {@link #ingestBytes(String, String, byte[])}, restricting the report to {@code restrictTo} channels
   * when its own metadata (front matter {@code channels}) restricts it to none. A restriction in the file is
   * never widened. The restriction is part of the content hash, so re-adding the same bytes with another
   * choice re-indexes the report.
   *
   * @param restrictTo Slack channel ids, or empty for "as the file says"
   */
  public IngestResult ingestBytes(String source, String fileName, byte[] bytes, List<String> restrictTo) {
    Tally tally = new Tally();
    try {
      if (bytes.length > maxFileBytes) {
        throw new IngestException("file too large: " + bytes.length + " bytes (limit " + maxFileBytes + ")");
      }
      List<Pending> one = new ArrayList<>();
      prepare(source, fileName, bytes, List.copyOf(restrictTo), tally).ifPresent(one::add);
      flush(one, tally);
      maybeCommit(true);
    } catch (IngestException e) {
      tally.failures.add(new IngestResult.Failure(fileName, e.getMessage()));
    } catch (IndexException e) {
      throw e;
    } catch (RuntimeException e) {
      tally.failures.add(new IngestResult.Failure(fileName, "could not be parsed: " + e));
    }
    return tally.result();
  }

  /** The report's id is unchanged if its bytes are; otherwise parse, embed and replace in one commit. */
  /** A parsed report waiting for its vectors. @param existing whether an older version is indexed */
  private record Pending(Report report, boolean existing) {}

  /** Passages embedded together: one call keeps both cores busy across small reports. */
  static final int BATCH_PASSAGES = 64;

  /** Parses a changed report; empty when its content is already indexed. */
  private Optional<Pending> prepare(String source, String fileName, byte[] bytes, List<String> restrictTo,
                                    Tally tally) throws IngestException {
    String id = Report.idForSource(source);
    String hash = restrictTo.isEmpty() ? Hashes.sha256Hex(bytes) : restrictedHash(bytes, restrictTo);
    Optional<String> existing = indexedHash(id);
    if (existing.isPresent() && existing.get().equals(hash)) {
      tally.unchanged++;
      return Optional.empty();
    }
    Report report = reader.read(source, fileName, bytes);
    if (!restrictTo.isEmpty()) {
      ReportMeta m = report.meta();
      List<String> channels = m.channels().isEmpty() ? restrictTo : m.channels();
      report = new Report(report.id(), report.source(), report.format(),
          new ReportMeta(m.title(), m.event(), m.date(), m.author(), m.url(), m.tags(), channels), report.text(),
          report.sections(), report.passages(), hash);
    }
    if (report.passages().isEmpty()) {
      throw new IngestException("no text found");
    }
    return Optional.of(new Pending(report, existing.isPresent()));
  }

  /** Embeds the pending reports' passages in one call, then replaces each report atomically. */
  private void flush(List<Pending> pending, Tally tally) {
    flush(pending, tally, null);
  }

  /**
   * Embeds the pending reports' passages in one call, then replaces each report atomically: on
   * {@code writer} when given (so the next batch embeds while this one is written), else here.
   */
  private void flush(List<Pending> pending, Tally tally, Writes writer) {
    if (pending.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    for (Pending p : pending) {
      for (Passage passage : p.report().passages()) {
        texts.add(embeddingText(p.report(), passage));
      }
    }
    List<float[]> vectors = vectorsFor(texts, tally);
    List<Pending> batch = List.copyOf(pending);
    pending.clear();
    Runnable write = () -> {
      int at = 0;
      for (Pending p : batch) {
        Report report = p.report();
        List<float[]> mine = vectors.subList(at, at + report.passages().size());
        at += report.passages().size();
        try {
          store.replace(report, mine, clock.millis());
        } catch (IndexUnavailableException e) {
          synchronized (tally) {
            tally.failures.add(new IngestResult.Failure(report.source(), "not written: " + e.getMessage()));
          }
          continue;
        }
        maybeCommit(false);
        synchronized (tally) {
          if (p.existing()) {
            tally.updated++;
          } else {
            tally.added++;
          }
          tally.passages += report.passages().size();
          tally.reportIds.add(report.id());
        }
      }
    };
    if (writer == null) {
      write.run();
    } else {
      writer.submit(write);
    }
  }

  /**
   * One background thread that writes embedded batches in order, so writing (HNSW graph insertion) overlaps
   * the next batch's embedding. {@link #finish()} waits and rethrows the first failure.
   */
  private static final class Writes implements AutoCloseable {
    private final java.util.concurrent.ExecutorService thread =
        java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "index-writer");
          t.setDaemon(true);
          return t;
        });
    private final List<java.util.concurrent.Future<?>> futures = new ArrayList<>();

    void submit(Runnable task) {
      futures.add(thread.submit(task));
    }

    void finish() {
      for (java.util.concurrent.Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IndexException("interrupted while writing the index", e);
        } catch (java.util.concurrent.ExecutionException e) {
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
   * The text a passage is embedded as: the report title and the section's heading path, then the passage
   * text, so that a passage about "the keynote" also knows which event and session it belongs to.
   */
  public static String embeddingText(Report report, Passage p) {
    String path = String.join(" › ", p.headingPath());
    return report.meta().title() + (path.isEmpty() ? "" : " › " + path) + "\n" + p.text();
  }

  private List<float[]> vectorsFor(List<String> texts, Tally tally) {
    Map<String, float[]> cached = cachedVectors(texts);
    List<float[]> out = new ArrayList<>(texts.size());
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      float[] v = cached.get(Documents.textHash(embedder.modelId(), texts.get(i)));
      out.add(v);
      if (v == null) {
        missing.add(texts.get(i));
        missingAt.add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = new ArrayList<>(missing.size());
      if (missing.size() <= EMBED_CHUNK) {
        fresh.addAll(embedder.embedAll(missing));
      } else {
        for (int from = 0; from < missing.size(); from += EMBED_CHUNK) {
          fresh.addAll(embedder.embedAll(missing.subList(from, Math.min(missing.size(), from + EMBED_CHUNK))));
          progress.embedding(fresh.size(), missing.size());
        }
      }
      for (int j = 0; j < fresh.size(); j++) {
        out.set(missingAt.get(j), fresh.get(j));
      }
    }
    tally.embedded += missing.size();
    tally.cached += texts.size() - missing.size();
    return out;
  }

  private Map<String, float[]> cachedVectors(List<String> texts) {
    List<String> keys = new ArrayList<>(texts.size());
    for (String text : texts) {
      keys.add(Documents.textHash(embedder.modelId(), text));
    }
    return store.cachedVectors(keys);
  }

  private Optional<String> indexedHash(String reportId) {
    return store.indexedHash(reportId);
  }

  /**
   * Removes one report and its passages in one commit.
   *
   * @return true when it was indexed
   */
  public boolean remove(String reportId) {
    if (indexedHash(reportId).isEmpty()) {
      return false;
    }
    store.delete(reportId);
    store.commit();
    return true;
  }

  /** Drops reports whose source is a local file that no longer exists; returns how many. */
  private int pruneMissing() {
    List<String> gone = new ArrayList<>();
    for (Map.Entry<String, String> r : store.reportSources().entrySet()) {
      String source = r.getValue();
      if (source != null && source.startsWith("/") && !Files.exists(Path.of(source))) {
        gone.add(r.getKey());
      }
    }
    for (String id : gone) {
      store.delete(id);
    }
    if (!gone.isEmpty()) {
      store.commit();
    }
    return gone.size();
  }

  /** The file's real path (symlinks resolved), so one file reached two ways is one report. */
  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? " (no extension)" : " " + name.substring(dot);
  }

  private static final class Tally {
    int added;
    int updated;
    int unchanged;
    int removed;
    int passages;
    int embedded;
    int cached;
    /** Added to by the reading thread and the writer thread. */
    final List<IngestResult.Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> reportIds = new ArrayList<>();

    synchronized IngestResult result() {
      return new IngestResult(added, updated, unchanged, removed, passages, embedded, cached, failures, reportIds);
    }
  }
}
