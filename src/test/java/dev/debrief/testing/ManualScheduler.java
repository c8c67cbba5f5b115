package dev.debrief.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} that runs nothing by itself: the test runs what was submitted
 * with {@link #runQueued()} and fires every scheduled task once per {@link #tick()}, on the test's
 * own thread. Delays are recorded, never waited for; time belongs to the test's clock ({@link
 * TestClock}). Not thread-safe: one test thread drives it.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final Deque<Runnable> queued = new ArrayDeque<>();
  private final List<Task> scheduled = new ArrayList<>();
  private boolean shutdown;

  /**
   * Runs the tasks given to {@link #execute}, in order, including any they submit; returns how many
   * ran.
   */
  public int runQueued() {
    int n = 0;
    for (Runnable r; (r = queued.pollFirst()) != null; n++) {
      r.run();
    }
    return n;
  }

  /**
   * One wake-up: every scheduled task that is not cancelled runs once (a one-shot task is then
   * done), then what they queued. Returns how many scheduled tasks ran.
   */
  public int tick() {
    int n = 0;
    for (Task t : List.copyOf(scheduled)) {
      if (!t.cancelled && !t.done) {
        t.command.run();
        t.done = !t.periodic;
        n++;
      }
    }
    runQueued();
    return n;
  }

  /** The scheduled tasks neither cancelled nor done, with the initial delays they were given. */
  public List<ScheduledFuture<?>> pending() {
    return scheduled.stream()
        .filter(t -> !t.cancelled && !t.done)
        .<ScheduledFuture<?>>map(t -> t)
        .toList();
  }

  @Override
  public void execute(Runnable command) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    queued.addLast(command);
  }

  private Task add(Runnable command, long delay, long period, TimeUnit unit) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    Task t = new Task(command, unit.toNanos(delay), period > 0);
    scheduled.add(t);
    return t;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, delay, 0, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("ManualScheduler runs Runnables only");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return add(command, initialDelay, delay, unit);
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queued);
    queued.clear();
    scheduled.forEach(t -> t.cancelled = true);
    return left;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }

  /** A scheduled task; its delay is the one it was given, in nanoseconds. */
  private static final class Task implements ScheduledFuture<Object> {
    final Runnable command;
    final long delayNanos;
    final boolean periodic;
    boolean cancelled;
    boolean done;

    Task(Runnable command, long delayNanos, boolean periodic) {
      this.command = command;
      this.delayNanos = delayNanos;
      this.periodic = periodic;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(delayNanos, o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean was = !cancelled && !done;
      cancelled = true;
      return was;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled || done;
    }

    @Override
    public Object get() throws ExecutionException {
      if (!isDone()) {
        throw new IllegalStateException(
            "a periodic task is never done until cancelled; tick() runs it");
      }
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws ExecutionException {
      return get();
    }
  }
}
