package dev.debrief.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * One Lucene index directory: the analyzers, the single {@link IndexWriter}, and a searcher that follows
 * the latest commit.
 *
 * <p>Writers: Lucene's native file lock ({@code write.lock}) admits one writer per directory; a second one
 * fails at once with an {@link IndexException} that says so (never a hang). A process killed mid-ingest
 * leaves the index at its last commit: Lucene only publishes a commit point after its files are synced.
 *
 * <p>The embedding model's id and vector dimension are written into every commit's user data; opening an
 * index built with another model fails with a message that says how to rebuild.
 */
public final class LuceneIndex implements Closeable {
  private final Path dir;
  private final String modelId;
  private final int dimension;
  private Directory directory;
  private final Analyzer analyzer = analyzer();
  private IndexWriter writer;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private long lastRefreshNanos;
  private boolean isNrt;

  /**
   * Opens (without creating) the index directory.
   *
   * @param dir       the index directory, e.g. {@code index/lucene}; created on first write
   * @param modelId   the embedding model this process uses
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

  /** The Lucene directory, opened (and created on disk) on first need: reading a missing index creates nothing. */
  private synchronized Directory directory() throws IOException {
    if (directory == null) {
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
    }
    return directory;
  }

  /** The analyzer: EnglishAnalyzer for text, heading and title; keywords elsewhere ({@link TextAnalysis}). */
  public static Analyzer analyzer() {
    return TextAnalysis.analyzer();
  }

  /** The analyzer in use. */
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
    Map<String, String> data;
    try {
      data = SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IOException e) {
      throw new IndexException("cannot read index " + dir + ": " + e.getMessage(), e);
    }
    String built = data.get(Fields.META_MODEL);
    String dim = data.get(Fields.META_DIMENSION);
    if (built == null) {
      return; // an empty commit without data; the first write stamps it
    }
    if (!built.equals(modelId) || !String.valueOf(dimension).equals(dim)) {
      throw new IndexException("the index in " + dir + " was built with embedding model " + built + " (" + dim
          + " dimensions) but this configuration uses " + modelId + " (" + dimension + " dimensions). Rebuild it:"
          + " delete " + dir + " and run `debrief ingest` again, or set embedding.model to \"" + built + "\".");
    }
  }

  /**
   * The single writer of this process, opened on first use.
   *
   * @throws IndexException when another process holds the write lock
   */
  public synchronized IndexWriter writer() {
    if (writer == null) {
      try {
        Files.createDirectories(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setCommitOnClose(false);
        config.setRAMBufferSizeMB(32);
        writer = new IndexWriter(directory(), config);
      } catch (LockObtainFailedException e) {
        throw new IndexException("another process is writing to the index in " + dir
            + " (its write.lock is held); wait for that ingest to finish and try again", e);
      } catch (IOException e) {
        throw new IndexException("cannot open index " + dir + " for writing: " + e.getMessage(), e);
      }
    }
    return writer;
  }

  /**
   * Commits pending changes with the model stamp.
   *
   * @throws IndexException on I/O failure
   */
  public synchronized void commit() {
    if (writer == null) {
      return;
    }
    try {
      Map<String, String> data = new HashMap<>();
      data.put(Fields.META_MODEL, modelId);
      data.put(Fields.META_DIMENSION, String.valueOf(dimension));
      data.put(Fields.META_SCHEMA, Fields.SCHEMA_VERSION);
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new IndexException("cannot commit index " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A searcher over the latest commit (refreshed at most every 200 ms), or, once this process writes, a
   * near-real-time searcher that also sees its uncommitted changes; null when nothing has been indexed yet.
   */
  public synchronized IndexSearcher searcher() {
    try {
      long now = System.nanoTime();
      if (reader == null) {
        if (writer != null) {
          reader = DirectoryReader.open(writer);
          isNrt = true;
          searcher = new IndexSearcher(reader);
          lastRefreshNanos = now;
          return searcher;
        }
        if (!exists()) {
          return null;
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        lastRefreshNanos = now;
      } else if (writer != null) {
        DirectoryReader fresh = reader.getRefCount() > 0 && isNrt ? DirectoryReader.openIfChanged(reader, writer)
            : DirectoryReader.open(writer);
        isNrt = true;
        lastRefreshNanos = now;
        if (fresh != null) {
          reader.close();
          reader = fresh;
          searcher = new IndexSearcher(reader);
        }
      } else if (now - lastRefreshNanos > 200_000_000L) {
        DirectoryReader fresh = DirectoryReader.openIfChanged(reader);
        lastRefreshNanos = now;
        if (fresh != null) {
          reader.close();
          reader = fresh;
          searcher = new IndexSearcher(reader);
        }
      }
      return searcher;
    } catch (IOException e) {
      throw new IndexException("cannot read index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Number of committed passage and report documents (0 when empty). */
  public int docCount() {
    IndexSearcher s = searcher();
    return s == null ? 0 : s.getIndexReader().numDocs();
  }

  /** Rolls back uncommitted changes and releases the write lock; closes the reader. */
  @Override
  public synchronized void close() {
    try {
      if (writer != null) {
        writer.rollback();
        writer = null;
      }
      if (reader != null) {
        reader.close();
        reader = null;
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      throw new IndexException("cannot close index " + dir + ": " + e.getMessage(), e);
    }
  }
}
