package dev.debrief.llm;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How {@link LlmClient} waits: for a rate-limited request's {@code Retry-After}, and for one
 * attempt's reply up to the time left in its budget. {@link #system()} waits on the wall clock;
 * tests pass one that moves their clock instead, so budgets and Retry-After are checked without
 * sleeping.
 */
public interface LlmWaits {
  /**
   * Waits {@code wait} (never negative) before the next attempt.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration wait) throws InterruptedException;

  /**
   * The reply, once it has come within {@code limit}.
   *
   * @throws TimeoutException when {@code limit} passes first (the caller cancels the attempt)
   * @throws ExecutionException when the attempt failed; its cause is what the model or HTTP stack
   *     threw
   * @throws InterruptedException when the waiting thread is interrupted
   */
  <T> T await(Future<T> reply, Duration limit)
      throws InterruptedException, ExecutionException, TimeoutException;

  /**
   * Waits on the wall clock: {@link Thread#sleep(long)} and {@link Future#get(long, TimeUnit)} (at
   * least 1 ms).
   */
  static LlmWaits system() {
    return new LlmWaits() {
      @Override
      public void sleep(Duration wait) throws InterruptedException {
        Thread.sleep(Math.max(0, wait.toMillis()));
      }

      @Override
      public <T> T await(Future<T> reply, Duration limit)
          throws InterruptedException, ExecutionException, TimeoutException {
        return reply.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
      }
    };
  }
}
