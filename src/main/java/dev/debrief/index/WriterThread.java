package dev.debrief.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One background thread ("index-writer") that writes embedded batches in order, so writing (HNSW
 * graph insertion) overlaps the next batch's embedding. {@link #finish()} waits and rethrows the
 * first failure.
 */
final class WriterThread implements AutoCloseable {
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "index-writer");
            t.setDaemon(true);
            return t;
          });
  private final List<Future<?>> futures = new ArrayList<>();

  /** Queues a write behind the ones submitted before it. */
  void submit(Runnable task) {
    futures.add(thread.submit(task));
  }

  /**
   * Waits for every queued write.
   *
   * @throws RuntimeException the first write's own failure, as thrown
   * @throws IndexException when interrupted, or a write failed with a checked exception
   */
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

  /** Stops the thread; writes not yet finished are interrupted. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
