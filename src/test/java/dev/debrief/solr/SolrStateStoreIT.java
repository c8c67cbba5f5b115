package dev.debrief.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.cli.Wiring;
import dev.debrief.state.StateException;
import dev.debrief.state.StateKey;
import dev.debrief.state.StateStore;
import dev.debrief.state.StateStoreContract;
import dev.debrief.testing.SharedSolrCluster;
import dev.debrief.testing.SolrCluster;
import dev.debrief.testing.SolrTesting;
import dev.debrief.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SolrStateStore} against the same {@link StateStoreContract} as the file and memory stores,
 * on a real SolrCloud (the shared two-node cluster; state collection with 1 shard x 2 replicas, as
 * {@code solr init} makes it), plus what only a shared store does: two stores (two replicas) on one
 * collection see each other's writes, and an expired document is deleted from Solr, not only
 * hidden.
 */
@ExtendWith(SharedSolrCluster.class)
class SolrStateStoreIT extends StateStoreContract {
  @TempDir static Path dir;
  static Wiring wiring;
  static SolrCluster cluster;

  @BeforeAll
  static void init(SolrCluster shared) {
    cluster = shared;
    wiring = SolrTesting.wiring(cluster, "it_state", dir);
    wiring.solrAdmin(line -> {}).init(1, 2, wiring.config().embedding.model, Wiring.DIMENSION);
  }

  @AfterAll
  static void close() {
    if (wiring != null) {
      wiring.close();
    }
  }

  @Override
  protected StateStore open(TestClock clock) {
    SolrConnection c = wiring.solrConnection();
    UpdateRequest clear = new UpdateRequest();
    clear.deleteByQuery("*:*");
    clear.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    c.call("clear the state collection", s -> clear.process(s, c.settings().stateCollection()));
    return SolrStateStore.open(c, clock);
  }

  /**
   * Each increment here is a real-time get and a versioned update on a leader and its replica; 8
   * writers with 50 increments each (up to 8 tries per increment under contention) took over a
   * minute on CI's 2 cores (stop 23), so the race runs with 10 increments per writer.
   */
  @Override
  protected int incrementsPerWriter() {
    return 10;
  }

  @Override
  protected StateStore reopen() {
    store.close();
    return SolrStateStore.open(wiring.solrConnection(), clock);
  }

  @Test
  void twoReplicasShareRecordsAndOnlyOneTakesAnEvent() {
    StateStore other = SolrStateStore.open(wiring.solrConnection(), clock);
    assertTrue(store.insertIfAbsent(EVENT, "replica 1", T0.plus(Duration.ofHours(1))).isPresent());
    assertEquals(
        Optional.empty(), other.insertIfAbsent(EVENT, "replica 2", T0.plus(Duration.ofHours(1))));
    assertEquals("replica 1", other.get(EVENT).orElseThrow().value());
    StateKey sub = new StateKey("digest_sub", "C1:all");
    other.put(sub, "{\"time\":\"09:00\"}", T0.plus(Duration.ofDays(1)));
    assertEquals(
        List.of("{\"time\":\"09:00\"}"),
        store.list("digest_sub").stream().map(r -> r.value()).toList());
  }

  @Test
  void anExpiredDocumentIsDeletedFromSolrWhenRead() throws Exception {
    store.put(EVENT, "short", T0.plus(Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), store.get(EVENT));
    SolrConnection c = wiring.solrConnection();
    org.apache.solr.common.SolrDocument raw =
        c.call("raw read", s -> s.getById(c.settings().stateCollection(), EVENT.documentId()));
    assertEquals(null, raw, "the expired document is gone from the collection");
  }

  @Test
  void aMissingStateCollectionIsNamedWithWhatToDo() {
    Wiring none = SolrTesting.wiring(cluster, "it_state_missing", dir.resolve("missing"));
    try {
      StateException e =
          assertThrows(
              StateException.class, () -> SolrStateStore.open(none.solrConnection(), clock));
      assertEquals(
          none.solrConnection().where()
              + " has no collection \"it_state_missing_state\" for the state"
              + " shared by replicas. Create it with `debrief solr init --shards N --replicas M`.",
          e.getMessage());
    } finally {
      none.close();
    }
  }
}
