package dev.debrief.solr;

import dev.debrief.index.IndexException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.SolrDocument;

/**
 * {@code debrief solr init}: uploads the configsets of {@code config/solr} (packed into the jar),
 * creates the report collection and the shared-state collection, and stamps the report collection
 * with the embedding model. Idempotent: what exists is left as it is and said so; a collection
 * stamped with another model is refused with the same message as opening it.
 */
public final class SolrAdmin {
  /** Where the configsets sit on the classpath (the build copies {@code config/solr} there). */
  static final String CONFIGSET_RESOURCES = "/dev/debrief/solr/configsets/";

  /** The files of each configset, at the root of its upload zip as Solr's configset API expects. */
  private static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");

  /** Shards of the state collection: its documents are few and small (events, threads, leases). */
  private static final int STATE_SHARDS = 1;

  private final SolrConnection connection;
  private final Consumer<String> out;

  /**
   * @param connection the cluster
   * @param out receives one line per step ("created collection debrief: 2 shards x 2 replicas")
   */
  public SolrAdmin(SolrConnection connection, Consumer<String> out) {
    this.connection = connection;
    this.out = out;
  }

  /**
   * Makes sure both configsets, both collections and the model stamp exist.
   *
   * @param shards shards of a new report collection, at least 1
   * @param replicas replicas per shard of new collections (2 survives the loss of one node), at
   *     least 1
   * @param modelId embedding model to stamp
   * @param dimension its vector dimension
   * @throws IndexException when the collection is stamped with another model or Solr refuses a step
   */
  public void init(int shards, int replicas, String modelId, int dimension) {
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException(
          "--shards and --replicas must be >= 1, got " + shards + " and " + replicas);
    }
    String where = connection.where();
    List<String> configSets =
        connection.call(
            "list configsets", c -> new ConfigSetAdminRequest.List().process(c).getConfigSets());
    for (String name : List.of(SolrFields.CONFIGSET, SolrFields.STATE_CONFIGSET)) {
      if (configSets.contains(name)) {
        out.accept("configset " + name + " exists at " + where + "; left as it is");
      } else {
        upload(name);
        out.accept("uploaded configset " + name);
      }
    }
    List<String> collections =
        connection.call("list collections", CollectionAdminRequest::listCollections);
    String reports = connection.settings().collection();
    String state = connection.settings().stateCollection();
    ensureCollection(collections, reports, SolrFields.CONFIGSET, shards, replicas);
    ensureCollection(collections, state, SolrFields.STATE_CONFIGSET, STATE_SHARDS, replicas);
    SolrDocument meta =
        connection.call("read the model stamp", c -> c.getById(reports, SolrFields.META_ID));
    if (meta == null) {
      UpdateRequest stamp = new UpdateRequest();
      stamp.add(SolrDocuments.meta(modelId, dimension));
      stamp.setAction(UpdateRequest.ACTION.COMMIT, true, true);
      connection.call("write the model stamp", c -> stamp.process(c, reports));
      out.accept(
          "stamped "
              + reports
              + " with embedding model "
              + modelId
              + " ("
              + dimension
              + " dimensions)");
      return;
    }
    String built = String.valueOf(meta.getFirstValue(SolrFields.EMBEDDING_MODEL));
    String dim = String.valueOf(meta.getFirstValue(SolrFields.EMBEDDING_DIMENSION));
    if (!built.equals(modelId) || !dim.equals(String.valueOf(dimension))) {
      throw new IndexException(SolrIndex.mismatch(reports, where, built, dim, modelId, dimension));
    }
    out.accept(reports + " is stamped with embedding model " + modelId + "; nothing to change");
  }

  /** Deletes collections (the benchmark's temporary ones); absent ones are skipped. */
  public void delete(String... collections) {
    List<String> existing =
        connection.call("list collections", CollectionAdminRequest::listCollections);
    for (String name : collections) {
      if (existing.contains(name)) {
        connection.call(
            "delete collection " + name,
            c -> CollectionAdminRequest.deleteCollection(name).process(c));
        out.accept("deleted collection " + name);
      }
    }
  }

  private void ensureCollection(
      List<String> existing, String name, String configSet, int shards, int replicas) {
    if (existing.contains(name)) {
      out.accept(
          "collection "
              + name
              + " exists"
              + layout(name)
              + "; left as it is (--shards and --replicas apply"
              + " only when it is created)");
      return;
    }
    CollectionAdminResponse r =
        connection.call(
            "create collection " + name,
            c ->
                CollectionAdminRequest.createCollection(name, configSet, shards, replicas)
                    .process(c));
    if (!r.isSuccess()) {
      throw new IndexException(
          connection.where()
              + " could not create collection "
              + name
              + ": "
              + r.getErrorMessages());
    }
    out.accept(
        "created collection "
            + name
            + ": "
            + shards
            + (shards == 1 ? " shard" : " shards")
            + " x "
            + replicas
            + (replicas == 1 ? " replica" : " replicas")
            + ", configset "
            + configSet);
  }

  /** " (S shards x R replicas)" from the cluster status, or "" when it cannot be read. */
  private String layout(String collection) {
    try {
      var status =
          connection.call(
              "read cluster status",
              c ->
                  CollectionAdminRequest.getClusterStatus()
                      .setCollectionName(collection)
                      .process(c));
      Object shards = status.getResponse().asMap(8);
      for (String key : List.of("cluster", "collections", collection, "shards")) {
        shards = shards instanceof Map<?, ?> m ? m.get(key) : null;
      }
      if (shards instanceof Map<?, ?> map && !map.isEmpty()) {
        Object first = map.values().iterator().next();
        Object replicas = first instanceof Map<?, ?> s ? s.get("replicas") : null;
        int r = replicas instanceof Map<?, ?> rm ? rm.size() : 0;
        return " (" + map.size() + " shards x " + r + " replicas)";
      }
    } catch (RuntimeException e) {
      // the layout is only information
    }
    return "";
  }

  private void upload(String name) {
    Path zip;
    try {
      zip = Files.createTempFile("debrief-configset-" + name, ".zip");
      try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
        for (String file : CONFIG_FILES) {
          z.putNextEntry(new ZipEntry(file));
          z.write(resource(name + "/conf/" + file));
          z.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack configset " + name + ": " + e.getMessage(), e);
    }
    try {
      connection.call(
          "upload configset " + name,
          c ->
              new ConfigSetAdminRequest.Upload()
                  .setConfigSetName(name)
                  .setUploadFile(zip, "application/zip")
                  .process(c));
    } finally {
      try {
        Files.deleteIfExists(zip);
      } catch (IOException e) {
        // a temporary file
      }
    }
  }

  /** A configset file from the jar. */
  static byte[] resource(String path) throws IOException {
    try (InputStream in = SolrAdmin.class.getResourceAsStream(CONFIGSET_RESOURCES + path)) {
      if (in == null) {
        throw new IOException(
            "configset file " + path + " is missing from the build (config/solr/" + path + ")");
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    }
  }
}
