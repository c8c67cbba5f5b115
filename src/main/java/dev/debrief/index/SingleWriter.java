package dev.debrief.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Opens the one {@link IndexWriter} a {@link LuceneIndex} directory admits (Lucene's native {@code
 * write.lock}) and records its holder in {@link WriterOwner}; a second writer is refused at once
 * with a message naming the holder, never a hang.
 */
final class SingleWriter {
  /** RAM the writer buffers before it flushes a segment, MB. */
  static final double RAM_BUFFER_MB = 32;

  private SingleWriter() {}

  /**
   * Opens the writer: create or append, no commit on close (closing rolls back to the last commit).
   *
   * @param dir the index folder, created when missing
   * @param directory the Lucene directory over {@code dir}
   * @param analyzer the analyzer of every text field
   * @throws IndexException when another writer holds the lock (named), or on I/O failure
   */
  static IndexWriter open(Path dir, Directory directory, Analyzer analyzer) {
    try {
      Files.createDirectories(dir);
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      IndexWriter w = new IndexWriter(directory, config);
      WriterOwner.record(dir);
      return w;
    } catch (LockObtainFailedException e) {
      throw new IndexException(
          "the index in "
              + dir
              + " is being written by "
              + WriterOwner.describe(dir)
              + " (its write.lock is held); wait for it to finish and try again",
          e);
    } catch (IOException e) {
      throw new IndexException("cannot open index " + dir + " for writing: " + e.getMessage(), e);
    }
  }
}
