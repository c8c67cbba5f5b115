package dev.debrief.solr;

import dev.debrief.config.DebriefConfig;
import dev.debrief.index.IndexException;
import dev.debrief.index.IndexUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;

/**
 * One SolrJ client for a SolrCloud: {@code CloudSolrClient.Builder(urls)} (cluster state read over
 * HTTP from the given nodes, no ZooKeeper client) on SolrJ's JDK HTTP client ({@code
 * HttpJdkSolrClient}), with Basic authentication when {@code DEBRIEF_SOLR_USER} and {@code
 * DEBRIEF_SOLR_PASSWORD} are set.
 *
 * <p>{@link #call} runs a request with bounded retries and exponential backoff ({@code
 * solr.attempts} tries, {@code solr.backoffMillis} before the second, doubled each time):
 * connection failures, timeouts and 5xx answers are retried; when the tries are used up it throws
 * {@link IndexUnavailableException} naming the URLs. Answers that retrying cannot change (401/403:
 * credentials, 400, 404, 409) become an {@link IndexException} at once.
 *
 * <p>Each try has a deadline and a client that a stuck try cannot hold: see {@link SolrTries}.
 */
public final class SolrConnection implements AutoCloseable {
  /** Environment variable holding the Solr user (Basic authentication). */
  public static final String ENV_USER = "DEBRIEF_SOLR_USER";

  /** Environment variable holding the Solr password. */
  public static final String ENV_PASSWORD = "DEBRIEF_SOLR_PASSWORD";

  /**
   * Where and how to reach the cluster.
   *
   * @param urls Solr node base URLs, e.g. {@code http://localhost:8983/solr}
   * @param collection the report collection
   * @param stateCollection the shared-state collection
   * @param connectTimeout per connection
   * @param requestTimeout per request
   * @param attempts tries per request, at least 1
   * @param backoff wait before the second try (doubled before each further one)
   * @param user Basic-auth user, or null
   * @param password Basic-auth password, or null
   */
  public record Settings(
      List<String> urls,
      String collection,
      String stateCollection,
      Duration connectTimeout,
      Duration requestTimeout,
      int attempts,
      Duration backoff,
      String user,
      String password) {
    public Settings {
      urls = List.copyOf(urls);
      if (urls.isEmpty()) {
        throw new IllegalArgumentException("solr.urls is empty");
      }
      if (attempts < 1) {
        throw new IllegalArgumentException("solr.attempts must be >= 1, got " + attempts);
      }
      if ((user == null) != (password == null)) {
        throw new IllegalArgumentException(
            "set both " + ENV_USER + " and " + ENV_PASSWORD + ", or neither");
      }
    }

    /** From the {@code solr} config section and the environment (credentials). */
    public static Settings of(DebriefConfig.Solr solr, Map<String, String> env) {
      String user = blankToNull(env.get(ENV_USER));
      String password = blankToNull(env.get(ENV_PASSWORD));
      return new Settings(
          solr.urls,
          solr.collection,
          solr.stateCollection,
          Duration.ofMillis(solr.connectTimeoutMillis),
          Duration.ofMillis(solr.requestTimeoutMillis),
          solr.attempts,
          Duration.ofMillis(solr.backoffMillis),
          user,
          password);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  /** Waits between tries (tests pass one that records instead of sleeping). */
  public interface Sleeper {
    /** Waits {@code d}. */
    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep}. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());
  }

  /** One request against the cluster. */
  public interface Call<T> {
    /** Runs the request. */
    T run(SolrClient client) throws SolrServerException, IOException;
  }

  private final Settings settings;
  private final Sleeper sleeper;

  /** The client and each try within its deadline. */
  private final SolrTries tries;

  /**
   * Creates the client lazily: nothing is contacted until the first {@link #call}.
   *
   * @param settings where and how
   * @param sleeper waits between tries
   */
  public SolrConnection(Settings settings, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
    this.tries = new SolrTries(settings);
  }

  /** The settings. */
  public Settings settings() {
    return settings;
  }

  /** "Solr at URL1, URL2", for messages. */
  public String where() {
    return "Solr at " + String.join(", ", settings.urls());
  }

  /**
   * Runs {@code call} with bounded retries and backoff.
   *
   * @param what what is being done, for messages ("search", "write report r1…")
   * @throws IndexUnavailableException when every try failed for a reason a later try could cure
   * @throws IndexException when Solr refused the request for a reason retrying cannot change
   */
  public <T> T call(String what, Call<T> call) {
    return call(what, settings.attempts(), call);
  }

  /**
   * Like {@link #call(String, Call)} with its own number of tries (1: a probe that must not wait).
   */
  public <T> T call(String what, int attempts, Call<T> call) {
    Duration wait = settings.backoff();
    Exception last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return tries.run(call);
      } catch (SolrException e) {
        if (!SolrErrors.retryable(e)) {
          throw refused(what, e);
        }
        last = e;
      } catch (SolrServerException | IOException e) {
        last = e; // connection refused, timeouts: a later try may succeed
      } catch (RuntimeException e) {
        // SolrJ's cluster state provider wraps what its nodes answered ("Failed fetching live_nodes
        // …")
        SolrException answered = SolrErrors.solrCause(e);
        if (answered != null && !SolrErrors.retryable(answered)) {
          throw refused(what, answered);
        }
        last = e;
      }
      if (attempt < attempts) {
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
        wait = wait.multipliedBy(2);
      }
    }
    if (!(last instanceof SolrException)) {
      diagnose(
          what); // a refusal hidden behind "Failed fetching live_nodes" (bad credentials) says so
    }
    throw new IndexUnavailableException(
        where()
            + " did not answer ("
            + what
            + ", "
            + attempts
            + (attempts == 1 ? " try" : " tries")
            + "): "
            + SolrErrors.reason(last),
        last);
  }

  /**
   * Asks each node directly (one try, no cluster state) and throws what the first answering node
   * refused with; returns when no node answers at all.
   */
  private void diagnose(String what) {
    for (String url : settings.urls()) {
      try (HttpJdkSolrClient direct = SolrTries.http(settings).withBaseSolrUrl(url).build()) {
        new org.apache.solr.client.solrj.request.CollectionAdminRequest.List().process(direct);
        return; // it answers: the failure was elsewhere
      } catch (SolrException e) {
        if (!SolrErrors.retryable(e)) {
          throw refused(what, e);
        }
      } catch (SolrServerException | IOException | RuntimeException e) {
        // this node does not answer either
      }
    }
  }

  private IndexException refused(String what, SolrException e) {
    int code = e.code();
    if (code == 401 || code == 403) {
      return new IndexException(
          where()
              + " refused the credentials ("
              + what
              + ", HTTP "
              + code
              + "): set "
              + ENV_USER
              + " and "
              + ENV_PASSWORD
              + " to a Solr user allowed to read and write "
              + settings.collection(),
          e);
    }
    return new IndexException(
        where() + " refused " + what + " (HTTP " + code + "): " + SolrErrors.reason(e), e);
  }

  @Override
  public void close() {
    tries.close();
  }
}
