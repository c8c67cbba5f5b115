package dev.debrief.llm;

import dev.debrief.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link LlmWaits} on a {@link TestClock}: a Retry-After wait moves the clock instead of sleeping,
 * and a reply the fake server holds ({@link #stallWhen}) lets the whole limit pass on the clock,
 * then times out.
 */
final class ClockedWaits implements LlmWaits {
  /**
   * A reply that never comes fails the test after this long instead of hanging it (not a measured
   * time).
   */
  private static final Duration SAFETY = Duration.ofSeconds(60);

  private final TestClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch held;

  ClockedWaits(TestClock clock) {
    this.clock = clock;
  }

  /**
   * From now on a reply counts as never coming once {@code held} is open (the server holds the
   * request).
   */
  void stallWhen(CountDownLatch held) {
    this.held = held;
  }

  /** The Retry-After waits asked for, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public void sleep(Duration wait) {
    sleeps.add(wait);
    clock.advance(wait);
  }

  @Override
  public <T> T await(Future<T> reply, Duration limit)
      throws InterruptedException, ExecutionException, TimeoutException {
    CountDownLatch h = held;
    if (h != null) {
      if (!h.await(SAFETY.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the fake server never held the request");
      }
      clock.advance(limit);
      throw new TimeoutException("the limit passed on the test clock");
    }
    return reply.get(SAFETY.toMillis(), TimeUnit.MILLISECONDS);
  }
}
