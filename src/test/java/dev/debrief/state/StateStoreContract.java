package dev.debrief.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do, as tests: extend this class and say how to open the store
 * (issue 11's SolrCloud store runs the same tests against a real SolrCloud). Stores that keep
 * records across a restart also override {@link #reopen()}.
 */
public abstract class StateStoreContract {
  protected static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  protected static final StateKey EVENT = new StateKey("event", "Ev01ABC");
  protected TestClock clock;
  protected StateStore store;

  /** A new, empty store that decides expiry by {@code clock}. */
  protected abstract StateStore open(TestClock clock);

  /**
   * Closes the store and opens it again on the same data, or returns null when the store does not
   * keep records (then the durability test is skipped).
   */
  protected StateStore reopen() {
    return null;
  }

  /**
   * How many compare-and-set increments each of the eight racing threads makes in {@link
   * #exactlyOneOfManyConcurrentInsertsWinsAndNoCompareAndSetIsLost}. A store whose every write is a
   * network round trip to a replicated collection lowers the increments so the race stays a
   * correctness test on two cores rather than a speed test.
   */
  protected int incrementsPerWriter() {
    return 50;
  }

  /**
   * A guard against a store that hangs, not a speed limit: a store that finishes the race at all
   * finishes well inside it.
   */
  private static final long HANG_GUARD_SECONDS = 300;

  @BeforeEach
  void openStore() {
    clock = new TestClock(T0);
    store = open(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Instant in(Duration d) {
    return clock.instant().plus(d);
  }

  @Test
  void insertIfAbsentWritesOnceAndRefusesWhileTheRecordLives() {
    Optional<StateRecord> first = store.insertIfAbsent(EVENT, "taken", in(Duration.ofHours(1)));
    assertTrue(first.isPresent());
    assertEquals("taken", first.get().value());
    assertTrue(first.get().version() > 0);
    assertEquals(Optional.empty(), store.insertIfAbsent(EVENT, "again", in(Duration.ofHours(1))));
    assertEquals(first, store.get(EVENT));
  }

  @Test
  void anExpiredRecordIsAbsentForEveryOperation() {
    StateRecord r = store.insertIfAbsent(EVENT, "taken", in(Duration.ofMinutes(10))).orElseThrow();
    clock.advance(Duration.ofMinutes(10));
    assertEquals(Optional.empty(), store.get(EVENT));
    assertEquals(List.of(), store.list("event"));
    assertEquals(
        Optional.empty(), store.compareAndSet(EVENT, r.version(), "late", in(Duration.ofHours(1))));
    assertFalse(store.remove(EVENT));
    Optional<StateRecord> again = store.insertIfAbsent(EVENT, "new", in(Duration.ofHours(1)));
    assertEquals("new", again.orElseThrow().value(), "an expired key can be taken again");
  }

  @Test
  void compareAndSetSucceedsOnlyOnTheVersionRead() {
    StateKey k = new StateKey("answer", "C1:1700000000.000100");
    StateRecord v1 = store.insertIfAbsent(k, "claimed", in(Duration.ofDays(1))).orElseThrow();
    StateRecord v2 =
        store.compareAndSet(k, v1.version(), "placeholder", in(Duration.ofDays(1))).orElseThrow();
    assertNotEquals(v1.version(), v2.version());
    assertEquals(
        Optional.empty(),
        store.compareAndSet(k, v1.version(), "stale writer", in(Duration.ofDays(1))));
    assertEquals("placeholder", store.get(k).orElseThrow().value());
    assertTrue(store.remove(k));
    assertEquals(
        Optional.empty(),
        store.compareAndSet(k, v2.version(), "after removal", in(Duration.ofDays(1))));
  }

  @Test
  void putOverwritesAndRemoveReportsWhetherSomethingWasThere() {
    StateKey k = new StateKey("thread", "C1:1700000000.000100");
    StateRecord a = store.put(k, "one", in(Duration.ofDays(30)));
    StateRecord b = store.put(k, "two", in(Duration.ofDays(30)));
    assertNotEquals(a.version(), b.version());
    assertEquals("two", store.get(k).orElseThrow().value());
    assertTrue(store.remove(k));
    assertFalse(store.remove(k));
    assertEquals(Optional.empty(), store.get(k));
  }

  @Test
  void listGivesTheLiveRecordsOfOneKind() {
    store.put(new StateKey("answer", "a"), "1", in(Duration.ofHours(2)));
    store.put(new StateKey("answer", "b"), "2", in(Duration.ofMinutes(30)));
    store.put(new StateKey("thread", "a"), "3", in(Duration.ofHours(2)));
    clock.advance(Duration.ofHours(1));
    assertEquals(List.of("a"), store.list("answer").stream().map(r -> r.key().id()).toList());
    assertEquals(List.of(), store.list("nothing"));
  }

  @Test
  void exactlyOneOfManyConcurrentInsertsWinsAndNoCompareAndSetIsLost() throws Exception {
    int threads = 8;
    int increments = incrementsPerWriter();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> inserts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        inserts.add(
            pool.submit(
                () -> {
                  go.await();
                  return store
                      .insertIfAbsent(
                          EVENT, Thread.currentThread().getName(), in(Duration.ofHours(1)))
                      .isPresent();
                }));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> f : inserts) {
        won += f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, won);

      StateKey counter = new StateKey("thread", "counter");
      store.put(counter, "0", in(Duration.ofHours(1)));
      List<Future<?>> adds = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        adds.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < increments; i++) {
                    while (true) {
                      StateRecord r = store.get(counter).orElseThrow();
                      String next = String.valueOf(Integer.parseInt(r.value()) + 1);
                      if (store
                          .compareAndSet(counter, r.version(), next, in(Duration.ofHours(1)))
                          .isPresent()) {
                        break;
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : adds) {
        f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      }
      assertEquals(String.valueOf(threads * increments), store.get(counter).orElseThrow().value());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recordsSurviveAReopenWithTheirVersionsAndExpiredOnesDoNot() {
    StateKey k = new StateKey("answer", "C1:1.2");
    StateRecord kept = store.put(k, "{\"status\":\"PLACEHOLDER\"}", in(Duration.ofDays(1)));
    store.put(new StateKey("event", "short"), "x", in(Duration.ofMinutes(1)));
    store.put(new StateKey("event", "gone"), "x", in(Duration.ofDays(1)));
    store.remove(new StateKey("event", "gone"));
    StateStore again = reopen();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        again != null, "this store keeps nothing across a restart");
    store = again;
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.of(kept), store.get(k));
    assertEquals(Optional.empty(), store.get(new StateKey("event", "short")));
    assertEquals(Optional.empty(), store.get(new StateKey("event", "gone")));
    StateRecord next = store.put(new StateKey("event", "later"), "x", in(Duration.ofDays(1)));
    assertTrue(next.version() > kept.version(), "versions keep growing after a restart");
  }
}
