package dev.debrief.solr;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * The {@link SolrConnection}'s SolrJ client and each of its tries within a deadline. The client is
 * {@code CloudSolrClient.Builder(urls)} on SolrJ's JDK HTTP client ({@link #http}), created lazily
 * on the first try.
 *
 * <p>Each try has a deadline ({@link #deadline}): SolrJ 10.0.0 can wait without end for a cluster
 * state refresh whose HTTP request never completes (seen in SolrStateStoreIT: {@code
 * CloudSolrClient.waitForCollectionRefresh} parked on a JDK {@code HttpClient.send} that had no
 * timeout, the Solr node idle). A try that passes its deadline is interrupted, the client is
 * replaced by a new one (the stuck refresh stays with the old), and the try counts as failed.
 */
final class SolrTries implements AutoCloseable {
  /**
   * Requests one try may make within its deadline: the request itself, and the cluster state SolrJ
   * may fetch first (live nodes, the collection), with room for one more.
   */
  static final int REQUESTS_PER_TRY = 4;

  private final SolrConnection.Settings settings;
  private volatile CloudSolrClient client;

  /** Runs each try, so that a try past its deadline can be abandoned; closed by {@link #close}. */
  private final ExecutorService tries = Executors.newCachedThreadPool(SolrTries::daemon);

  /**
   * Contacts nothing: the client is created on the first {@link #run}.
   *
   * @param settings where and how
   */
  SolrTries(SolrConnection.Settings settings) {
    this.settings = settings;
  }

  /** The HTTP client every client of these settings uses: HTTP/1.1, timeouts, Basic auth. */
  static HttpJdkSolrClient.Builder http(SolrConnection.Settings settings) {
    HttpJdkSolrClient.Builder http =
        new HttpJdkSolrClient.Builder()
            .useHttp1_1(true)
            .withConnectionTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .withRequestTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (settings.user() != null) {
      http.withBasicAuthCredentials(settings.user(), settings.password());
    }
    return http;
  }

  /**
   * Longest a try may take: {@link #REQUESTS_PER_TRY} times the request timeout plus the connection
   * timeout (61 s with the defaults).
   */
  Duration deadline() {
    return settings.requestTimeout().multipliedBy(REQUESTS_PER_TRY).plus(settings.connectTimeout());
  }

  /** Runs one try within {@link #deadline}; past it, interrupts the try and replaces the client. */
  <T> T run(SolrConnection.Call<T> call) throws SolrServerException, IOException {
    CloudSolrClient c = client();
    Future<T> f = tries.submit(() -> call.run(c));
    try {
      return f.get(deadline().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      replace(c);
      throw new SolrServerException(
          String.format(Locale.ROOT, "no answer within %.1f s", deadline().toMillis() / 1000.0), e);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new SolrServerException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SolrServerException sse) {
        throw sse;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new SolrServerException(cause);
    }
  }

  /** Drops {@code stuck} (closed in the background: its own close may wait on the stuck try). */
  private void replace(CloudSolrClient stuck) {
    synchronized (this) {
      if (client == stuck) {
        client = null;
      }
    }
    tries.submit(
        () -> {
          stuck.close();
          return null;
        });
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "debrief-solr-try");
    t.setDaemon(true);
    return t;
  }

  private CloudSolrClient client() {
    CloudSolrClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client =
              new CloudSolrClient.Builder(settings.urls())
                  .withHttpClientBuilder(http(settings))
                  .withDefaultCollection(settings.collection())
                  .build();
        }
        c = client;
      }
    }
    return c;
  }

  /** Closes the client and stops the tries (an abandoned one is interrupted). */
  @Override
  public void close() {
    CloudSolrClient c = client;
    if (c != null) {
      c.close();
    }
    tries.shutdownNow();
  }
}
