package dev.debrief.cli;

import dev.debrief.config.DebriefConfig;
import dev.debrief.embed.Embedder;
import dev.debrief.embed.KnownVectorsEmbedder;
import dev.debrief.embed.OnnxEmbedder;
import dev.debrief.index.IndexedVectors;
import dev.debrief.index.LuceneIndex;
import dev.debrief.index.ReportCatalog;
import dev.debrief.index.ReportStore;
import dev.debrief.retrieve.LuceneRetrievalBackend;
import dev.debrief.retrieve.RetrievalBackend;
import dev.debrief.solr.SolrAdmin;
import dev.debrief.solr.SolrConnection;
import dev.debrief.solr.SolrIndex;
import dev.debrief.solr.SolrReportCatalog;
import dev.debrief.solr.SolrRetrievalBackend;
import dev.debrief.solr.SolrStateStore;
import dev.debrief.state.FileStateStore;
import dev.debrief.state.StateStore;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the library and the server's state live ({@code index.backend}): the Lucene index folder or
 * the SolrCloud collections, the embedding model checked against them, the catalog, what retrieval
 * reads, and the state store. Each is made on first use; {@link #close()} closes what was made. Not
 * thread-safe (see {@link Wiring}).
 */
final class StorageWiring {
  private final Wiring root;
  private final DebriefConfig config;
  private final Path indexDir;
  private LuceneIndex index;
  private SolrConnection solrConnection;
  private SolrIndex solrIndex;
  private Embedder embedder;
  private RetrievalBackend retrievalBackend;
  private StateStore stateStore;

  /**
   * @param root the settings (environment, query-cache size, clock)
   * @param indexDir the index directory (overrides {@code index.dir})
   */
  StorageWiring(Wiring root, Path indexDir) {
    this.root = root;
    this.config = root.config();
    this.indexDir = indexDir;
  }

  /** The index directory this wiring was given. */
  Path indexDir() {
    return indexDir;
  }

  LuceneIndex index() {
    if (index == null) {
      index = new LuceneIndex(indexDir, config.embedding.model, Wiring.DIMENSION);
    }
    return index;
  }

  boolean onSolr() {
    return "solr".equals(config.index.backend);
  }

  SolrConnection solrConnection() {
    if (solrConnection == null) {
      solrConnection =
          new SolrConnection(
              SolrConnection.Settings.of(config.solr, root.env()), SolrConnection.Sleeper.THREAD);
    }
    return solrConnection;
  }

  SolrIndex solrIndex() {
    if (solrIndex == null) {
      solrIndex =
          SolrIndex.open(solrConnection(), config.embedding.model, Wiring.DIMENSION, root.clock());
    }
    return solrIndex;
  }

  SolrAdmin solrAdmin(Consumer<String> out) {
    return new SolrAdmin(solrConnection(), out);
  }

  String libraryLocation() {
    return onSolr()
        ? "Solr collection " + config.solr.collection + " at " + String.join(", ", config.solr.urls)
        : indexDir.toAbsolutePath().normalize().toString();
  }

  boolean indexExists() {
    return onSolr() ? solrIndex().reportCount() > 0 : index().exists();
  }

  Embedder embedder() {
    if (embedder == null) {
      if (onSolr()) {
        solrIndex(); // fail fast on an unreachable cluster or a model mismatch before loading the
        // model
      } else {
        index(); // fail fast on a model mismatch before loading the model
      }
      embedder =
          new OnnxEmbedder(config.embedding.model, config.embedding.workers, root.queryCacheSize());
    }
    return embedder;
  }

  /**
   * The embedder answers score sentences with: on Lucene it takes the sentence vectors ingest
   * stored ({@link IndexedVectors}) and embeds only what is missing; on SolrCloud it embeds them
   * all.
   */
  Embedder sentenceEmbedder() {
    return onSolr()
        ? embedder()
        : new KnownVectorsEmbedder(embedder(), new IndexedVectors(index()));
  }

  ReportCatalog catalog() {
    return onSolr() ? new SolrReportCatalog(solrIndex(), root.clock()) : new ReportStore(index());
  }

  RetrievalBackend retrievalBackend() {
    if (retrievalBackend == null) {
      retrievalBackend =
          onSolr() ? new SolrRetrievalBackend(solrIndex()) : new LuceneRetrievalBackend(index());
    }
    return retrievalBackend;
  }

  StateStore stateStore() {
    if (stateStore == null) {
      stateStore =
          onSolr()
              ? SolrStateStore.open(solrConnection(), root.clock())
              : new FileStateStore(Path.of(config.slack.stateDir), root.clock());
    }
    return stateStore;
  }

  /** Closes the embedder, the index, the state store and the Solr client, in that order. */
  void close() {
    if (embedder != null) {
      embedder.close();
    }
    if (index != null) {
      index.close();
    }
    if (stateStore != null) {
      stateStore.close();
    }
    if (solrConnection != null) {
      solrConnection.close();
    }
  }
}
