package dev.debrief.testing;

import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IndexUnavailableException;
import dev.debrief.solr.SolrConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Configurations and wirings for tests on the Solr backend of a {@link SolrCluster}. */
public final class SolrTesting {
  /** Longest wait for a restarted node's replicas to serve again. */
  private static final Duration RECOVERY = Duration.ofSeconds(120);

  /** Pause between two tries while waiting for recovery. */
  private static final Duration POLL = Duration.ofMillis(200);

  private SolrTesting() {}

  /** The credentials the cluster admits, as the environment would hold them. */
  public static Map<String, String> env() {
    return Map.of(
        SolrConnection.ENV_USER,
        SolrCluster.USER,
        SolrConnection.ENV_PASSWORD,
        SolrCluster.PASSWORD);
  }

  /**
   * Defaults with {@code index.backend = solr} on the cluster and collection {@code collection}.
   */
  public static DebriefConfig config(SolrCluster cluster, String collection) {
    DebriefConfig c = DebriefConfig.defaults();
    c.index.backend = "solr";
    c.solr.urls = new java.util.ArrayList<>(cluster.urls());
    c.solr.collection = collection;
    c.solr.stateCollection = collection + "_state";
    return c;
  }

  /** A wiring on the Solr backend ({@code dir} only holds local files such as the ingest log). */
  public static Wiring wiring(SolrCluster cluster, String collection, Path dir) {
    return new Wiring(config(cluster, collection), dir, Clock.systemUTC()).withEnv(env());
  }

  /**
   * Calls {@code read} until the library answers again (a restarted node recovers), at most {@link
   * #RECOVERY}.
   */
  public static <T> T eventually(Supplier<T> read) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    while (true) {
      try {
        return read.get();
      } catch (IndexUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(POLL.toMillis());
      }
    }
  }
}
