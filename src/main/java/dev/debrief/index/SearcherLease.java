package dev.debrief.index;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * A searcher on loan from {@link LuceneIndex#acquire()}; {@link #close()} gives it back (Lucene's
 * acquire/release protocol). {@link #searcher()} is null when nothing has been indexed yet.
 */
public final class SearcherLease implements AutoCloseable {
  /** The lease of an index without a commit: no searcher, nothing to release. */
  static final SearcherLease EMPTY = new SearcherLease(null, null);

  private final SearcherManager manager;
  private final IndexSearcher searcher;
  private boolean released;

  /**
   * @param manager the manager {@code searcher} was acquired from, released into on close
   * @param searcher the acquired searcher
   */
  SearcherLease(SearcherManager manager, IndexSearcher searcher) {
    this.manager = manager;
    this.searcher = searcher;
  }

  /** The searcher, or null for an index without a commit. */
  public IndexSearcher searcher() {
    return searcher;
  }

  /**
   * Releases the searcher (once; later calls do nothing).
   *
   * @throws IndexException when Lucene cannot release it
   */
  @Override
  public void close() {
    if (manager == null || released) {
      return;
    }
    released = true;
    try {
      manager.release(searcher);
    } catch (IOException e) {
      throw new IndexException("cannot release a searcher: " + e.getMessage(), e);
    }
  }
}
