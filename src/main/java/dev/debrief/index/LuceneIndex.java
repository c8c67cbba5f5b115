package dev.debrief.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One Lucene index directory: the analyzers, the single {@link IndexWriter}, and a {@link
 * SearcherManager} that hands out searchers by reference count.
 *
 * <p>Readers: every search runs on a searcher taken with {@link #acquire()} and given back by
 * closing the {@link SearcherLease} (Lucene's acquire/release protocol, {@code ReferenceManager});
 * a refresh swaps in a new reader but closes the old one only when its last lease is released, so a
 * search never meets an {@code AlreadyClosedException}. A process that only reads looks for a newer
 * commit at most every {@value #READ_REFRESH_MILLIS} ms; once it writes, the manager is
 * near-real-time over the writer and {@link #refresh()} makes its own changes visible.
 *
 * <p>Writers: Lucene's native file lock ({@code write.lock}) admits one writer per directory
 * ({@link SingleWriter} opens it). The writer records who it is in {@value WriterOwner#FILE_NAME};
 * a second one fails at once with an {@link IndexException} naming the holder (never a hang). A
 * process killed mid-ingest leaves the index at its last commit: Lucene only publishes a commit
 * point after its files are synced.
 *
 * <p>The embedding model's id and vector dimension are written into every commit's user data
 * ({@link ModelStamp}); opening an index built with another model fails with a message that says
 * how to rebuild.
 *
 * <p>Why this class stays above 300 lines: the lazily opened directory, the writer and the searcher
 * manager are guarded by two locks taken in one order ({@code managerLock}, then this object's
 * monitor); split across classes, that order could no longer be checked in one reading.
 */
public final class LuceneIndex implements Closeable {
  /** A read-only process checks for a newer commit at most this often (a cheap file listing). */
  static final long READ_REFRESH_MILLIS = 200;

  private final Path dir;
  private final String modelId;
  private final int dimension;
  private final Analyzer analyzer = TextAnalysis.analyzer();

  /** Read: acquiring and refreshing. Write: replacing or closing the manager. */
  private final ReadWriteLock managerLock = new ReentrantReadWriteLock();

  private Directory directory;
  private IndexWriter writer;
  private SearcherManager manager;
  private volatile long lastRefreshNanos;
  private boolean closed;

  /**
   * Serializes the report-level changes of every {@link Indexer} of this index ({@link
   * ReportLedger}).
   */
  private final Object writeOps = new Object();

  /**
   * Opens (without creating) the index directory.
   *
   * @param dir the index directory, e.g. {@code index/lucene}; created on first write
   * @param modelId the embedding model this process uses
   * @param dimension its vector dimension
   * @throws IndexException when the directory cannot be opened or was built with another model
   */
  public LuceneIndex(Path dir, String modelId, int dimension) {
    this.dir = dir;
    this.modelId = modelId;
    this.dimension = dimension;
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IndexException("index path " + dir + " is a file, not a directory");
      }
      if (Files.isDirectory(dir)) {
        this.directory = FSDirectory.open(dir);
      }
    } catch (IOException e) {
      throw new IndexException("cannot open index directory " + dir + ": " + e.getMessage(), e);
    }
    checkModel();
  }

  /**
   * The Lucene directory, opened (and created on disk) on first need: reading a missing index
   * creates nothing.
   */
  private synchronized Directory directory() throws IOException {
    if (directory == null) {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
    }
    return directory;
  }

  /**
   * The analyzer in use: {@link TextAnalysis#analyzer()}, the one analysis path of both backends.
   */
  public Analyzer getAnalyzer() {
    return analyzer;
  }

  /** The index directory. */
  public Path dir() {
    return dir;
  }

  /** The embedding model id this index is used with. */
  public String modelId() {
    return modelId;
  }

  /** The vector dimension. */
  public int dimension() {
    return dimension;
  }

  /** True when at least one commit exists. */
  public boolean exists() {
    try {
      if (directory == null) {
        if (!Files.isDirectory(dir)) {
          return false;
        }
        directory(); // another process created it since we started
      }
      return DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      return false;
    }
  }

  private void checkModel() {
    if (!exists()) {
      return;
    }
    ModelStamp.check(commitData(), dir, modelId, dimension);
  }

  /** The user data of the latest commit (empty without a commit). */
  Map<String, String> commitData() {
    if (!exists()) {
      return Map.of();
    }
    try {
      return SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IOException e) {
      throw new IndexException("cannot read index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The single writer of this process, opened on first use. Callers take it before they parse or
   * embed anything, so a second writer is refused before it spends any work.
   *
   * @throws IndexException when another process (or another {@code LuceneIndex} in this one) holds
   *     the write lock; the message names the holder
   */
  public IndexWriter writer() {
    synchronized (this) {
      if (writer != null) {
        return writer;
      }
    }
    managerLock.writeLock().lock();
    try {
      synchronized (this) {
        if (writer != null) {
          return writer;
        }
        IndexWriter w = SingleWriter.open(dir, directory(), analyzer);
        SearcherManager old = manager;
        manager = new SearcherManager(w, true, false, null);
        writer = w;
        if (old != null) {
          old.close(); // leases still out release into it; its reader closes with the last one
        }
        return w;
      }
    } catch (IOException e) {
      throw new IndexException("cannot open index " + dir + " for writing: " + e.getMessage(), e);
    } finally {
      managerLock.writeLock().unlock();
    }
  }

  /** The monitor under which report-level changes run one at a time. */
  Object writeOps() {
    return writeOps;
  }

  /** True once this process holds the write lock. */
  public synchronized boolean writing() {
    return writer != null;
  }

  /**
   * Commits pending changes with the model stamp and schema version.
   *
   * @throws IndexException on I/O failure
   */
  public synchronized void commit() {
    if (writer == null) {
      return;
    }
    try {
      writer.setLiveCommitData(ModelStamp.commitData(modelId, dimension).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new IndexException("cannot commit index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A searcher on loan over the latest commit (or, once this process writes, over its changes too).
   * Close the lease when done, best with try-with-resources; its searcher is null when nothing has
   * been indexed yet.
   *
   * @throws IndexException when the index cannot be read
   */
  public SearcherLease acquire() {
    managerLock.readLock().lock();
    try {
      SearcherManager m = managerOrNull();
      if (m == null) {
        return SearcherLease.EMPTY;
      }
      long now = System.nanoTime();
      if (now - lastRefreshNanos > READ_REFRESH_MILLIS * 1_000_000L) {
        lastRefreshNanos = now;
        m.maybeRefresh(); // non-blocking: when another thread is refreshing, this search uses
        // the current view
      }
      return new SearcherLease(m, m.acquire());
    } catch (IOException e) {
      throw new IndexException("cannot read index " + dir + ": " + e.getMessage(), e);
    } finally {
      managerLock.readLock().unlock();
    }
  }

  /**
   * Makes every change made so far visible to the next {@link #acquire()}: this process's own
   * writes, or a newer commit of another process. Blocks while another refresh runs.
   *
   * @throws IndexException on I/O failure
   */
  public void refresh() {
    managerLock.readLock().lock();
    try {
      SearcherManager m = managerOrNull();
      if (m != null) {
        m.maybeRefreshBlocking();
        lastRefreshNanos = System.nanoTime();
      }
    } catch (IOException e) {
      throw new IndexException("cannot refresh index " + dir + ": " + e.getMessage(), e);
    } finally {
      managerLock.readLock().unlock();
    }
  }

  /**
   * The manager, created over the directory the first time a commit exists. Called under the read
   * lock.
   */
  private SearcherManager managerOrNull() throws IOException {
    synchronized (this) {
      if (closed) {
        throw new IndexException("index " + dir + " is closed");
      }
      if (manager == null && exists()) {
        manager = new SearcherManager(directory, null);
        lastRefreshNanos = System.nanoTime();
      }
      return manager;
    }
  }

  /** Number of passage and report documents visible now (0 when empty). */
  public int docCount() {
    try (SearcherLease lease = acquire()) {
      return lease.searcher() == null ? 0 : lease.searcher().getIndexReader().numDocs();
    }
  }

  /** Rolls back uncommitted changes and releases the write lock; closes the searcher manager. */
  @Override
  public void close() {
    managerLock.writeLock().lock();
    try {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        if (manager != null) {
          manager.close();
          manager = null;
        }
        if (writer != null) {
          writer.rollback();
          writer = null;
          WriterOwner.clear(dir);
        }
        if (directory != null) {
          directory.close();
        }
      }
    } catch (IOException e) {
      throw new IndexException("cannot close index " + dir + ": " + e.getMessage(), e);
    } finally {
      managerLock.writeLock().unlock();
    }
  }
}
