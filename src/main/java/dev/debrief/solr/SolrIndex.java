package dev.debrief.solr;

import dev.debrief.index.Fields;
import dev.debrief.index.IndexException;
import dev.debrief.index.IndexUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/**
 * The report collection of a SolrCloud, opened and checked: what {@link SolrRetrievalBackend},
 * {@link SolrReportCatalog} and {@link SolrReportWriter} share. Opening it ({@link #open}) fails
 * with a message naming the URLs and what is missing: the cluster does not answer, the collection
 * (or its configset) is absent, the collection holds no model stamp, or it was built with another
 * embedding model — as the Lucene index does for its commit data.
 *
 * <p>Counts and document frequencies are kept for {@link #STATS_TTL} (read by every question,
 * changed only by ingests); this process's own commits clear them at once.
 */
public final class SolrIndex {
  /**
   * How long term statistics are reused: a question reads up to 130 document frequencies (64 terms
   * in text and headings plus the composer's), which would be as many requests; an ingest by
   * another replica shows in IDF at most this late.
   */
  static final Duration STATS_TTL = Duration.ofSeconds(5);

  private final SolrConnection connection;
  private final String modelId;
  private final int dimension;
  private final Clock clock;
  private final Map<String, Cached> stats = new ConcurrentHashMap<>();

  private record Cached(long value, long expiresAtMillis) {}

  private SolrIndex(SolrConnection connection, String modelId, int dimension, Clock clock) {
    this.connection = connection;
    this.modelId = modelId;
    this.dimension = dimension;
    this.clock = clock;
  }

  /**
   * Opens the report collection and checks it.
   *
   * @param connection the cluster (its owner closes it)
   * @param modelId the embedding model of this configuration
   * @param dimension its vector dimension
   * @param clock for the statistics' expiry
   * @throws IndexUnavailableException when the cluster does not answer
   * @throws IndexException when the collection is absent, unstamped, built with another model or
   *     holds another schema version ({@link Fields#SCHEMA_VERSION})
   */
  public static SolrIndex open(
      SolrConnection connection, String modelId, int dimension, Clock clock) {
    SolrIndex index = new SolrIndex(connection, modelId, dimension, clock);
    index.check();
    return index;
  }

  private void check() {
    String collection = collection();
    List<String> collections;
    try {
      collections = connection.call("list collections", CollectionAdminRequest::listCollections);
    } catch (IndexUnavailableException e) {
      throw new IndexUnavailableException(
          "the report library is unreachable: "
              + e.getMessage()
              + ". Start the cluster (scripts/solr-dev-cluster starts one on this machine) or correct solr.urls.",
          e);
    }
    if (!collections.contains(collection)) {
      List<String> configSets =
          connection.call(
              "list configsets", c -> new ConfigSetAdminRequest.List().process(c).getConfigSets());
      String also =
          configSets.contains(SolrFields.CONFIGSET)
              ? ""
              : " (and no configset \"" + SolrFields.CONFIGSET + "\")";
      throw new IndexException(
          connection.where()
              + " has no collection \""
              + collection
              + "\""
              + also
              + ". Create it with `debrief solr init --shards N --replicas M`.");
    }
    SolrDocument meta =
        connection.call("read the model stamp", c -> c.getById(collection, SolrFields.META_ID));
    if (meta == null) {
      throw new IndexException(
          "the collection \""
              + collection
              + "\" at "
              + connection.where()
              + " has no model stamp (document "
              + SolrFields.META_ID
              + "): it was not made by `debrief solr init`."
              + " Run `debrief solr init` once.");
    }
    String built = String.valueOf(meta.getFirstValue(SolrFields.EMBEDDING_MODEL));
    String dim = String.valueOf(meta.getFirstValue(SolrFields.EMBEDDING_DIMENSION));
    if (!built.equals(modelId) || !dim.equals(String.valueOf(dimension))) {
      throw new IndexException(
          mismatch(collection, connection.where(), built, dim, modelId, dimension));
    }
    String schema = String.valueOf(meta.getFirstValue(SolrFields.SCHEMA_VERSION));
    if (!schema.equals(Fields.SCHEMA_VERSION)) {
      throw new IndexException(
          "the collection \""
              + collection
              + "\" at "
              + connection.where()
              + " holds schema"
              + " version "
              + schema
              + " but this Debrief writes version "
              + Fields.SCHEMA_VERSION
              + " (one report per"
              + " content, with every source). Create a new collection: set solr.collection to a new name, run"
              + " `debrief solr init` and `debrief ingest` again.");
    }
  }

  /** The message for a collection built with another model (also used by {@code solr init}). */
  static String mismatch(
      String collection, String where, String built, String dim, String modelId, int dimension) {
    return "the collection \""
        + collection
        + "\" at "
        + where
        + " was built with embedding model "
        + built
        + " ("
        + dim
        + " dimensions) but this configuration uses "
        + modelId
        + " ("
        + dimension
        + " dimensions). Rebuild"
        + " it: delete the collection, run `debrief solr init` and `debrief ingest` again, or set embedding.model"
        + " to \""
        + built
        + "\".";
  }

  /** The connection. */
  public SolrConnection connection() {
    return connection;
  }

  /** The report collection's name. */
  public String collection() {
    return connection.settings().collection();
  }

  /** The embedding model id. */
  public String modelId() {
    return modelId;
  }

  /** The vector dimension. */
  public int dimension() {
    return dimension;
  }

  /** Passage documents (cached for {@link #STATS_TTL}). */
  public long passageCount() {
    return cached("count:passage", () -> count(Fields.TYPE_PASSAGE));
  }

  /** Report documents (cached for {@link #STATS_TTL}); 0 means nothing has been ingested. */
  public long reportCount() {
    return cached("count:report", () -> count(Fields.TYPE_REPORT));
  }

  /**
   * Every document, reports and the meta document included: what the Lucene backend's maxDoc
   * counts.
   */
  long documentCount() {
    return cached(
        "count:all",
        () ->
            connection.call(
                "count documents",
                c ->
                    c.query(collection(), new SolrQuery("*:*").setRows(0))
                        .getResults()
                        .getNumFound()));
  }

  private long count(String type) {
    SolrQuery q = new SolrQuery("*:*").setRows(0);
    q.addFilterQuery(SolrQueries.term(Fields.TYPE, type));
    return connection.call(
        "count " + type + " documents", c -> c.query(collection(), q).getResults().getNumFound());
  }

  /**
   * Passage document frequencies of analyzed terms in one field (live documents), cached per term.
   */
  Map<String, Integer> docFreqs(String field, Collection<String> terms) {
    Map<String, Integer> out = new java.util.HashMap<>();
    List<String> missing = new ArrayList<>();
    long now = clock.millis();
    for (String t : terms) {
      Cached c = stats.get("df:" + field + ":" + t);
      if (c != null && c.expiresAtMillis() > now) {
        out.put(t, (int) c.value());
      } else if (!missing.contains(t)) {
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    SolrQuery q = new SolrQuery("*:*").setRows(0);
    q.addFilterQuery(SolrQueries.term(Fields.TYPE, Fields.TYPE_PASSAGE));
    q.setFacet(true);
    for (int i = 0; i < missing.size(); i++) {
      q.addFacetQuery("{!term f=" + field + " v=$t" + i + "}");
      q.set("t" + i, missing.get(i));
    }
    QueryResponse r =
        connection.call(
            "read document frequencies",
            c -> c.query(collection(), q, org.apache.solr.client.solrj.SolrRequest.METHOD.POST));
    Map<String, Integer> counts = r.getFacetQuery();
    long expires = clock.millis() + STATS_TTL.toMillis();
    for (int i = 0; i < missing.size(); i++) {
      Integer df = counts == null ? null : counts.get("{!term f=" + field + " v=$t" + i + "}");
      int value = df == null ? 0 : df;
      out.put(missing.get(i), value);
      stats.put("df:" + field + ":" + missing.get(i), new Cached(value, expires));
    }
    return out;
  }

  private long cached(String key, java.util.function.LongSupplier read) {
    long now = clock.millis();
    Cached c = stats.get(key);
    if (c != null && c.expiresAtMillis() > now) {
      return c.value();
    }
    long value = read.getAsLong();
    stats.put(key, new Cached(value, clock.millis() + STATS_TTL.toMillis()));
    return value;
  }

  /** Forgets cached counts and frequencies (after this process committed). */
  void invalidate() {
    stats.clear();
  }
}
