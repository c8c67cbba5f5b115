package dev.debrief.index;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * The index cannot be used as asked: locked by another writer, built with another model,
 * unreadable. When the cause is damaged or foreign index files ({@link CorruptIndexException},
 * {@link IndexFormatTooOldException}, {@link IndexFormatTooNewException}), the message says how to
 * recover.
 */
public class IndexException extends RuntimeException {
  /** Added to the message when the index files themselves are unusable. */
  static final String REBUILD_HINT =
      " (the index files are damaged or written by another Lucene version: delete the index folder"
          + " and run ingest again; the reports themselves are not affected)";

  public IndexException(String message) {
    super(message);
  }

  public IndexException(String message, Throwable cause) {
    super(damaged(cause) ? message + REBUILD_HINT : message, cause);
  }

  private static boolean damaged(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CorruptIndexException
          || t instanceof IndexFormatTooOldException
          || t instanceof IndexFormatTooNewException) {
        return true;
      }
    }
    return false;
  }
}
