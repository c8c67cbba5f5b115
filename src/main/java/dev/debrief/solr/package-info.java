/**
 * The SolrCloud backend ({@code index.backend = "solr"}): the same passages, reports, BM25 and kNN
 * as the Lucene index on disk, in a collection shared by several Debrief replicas. SolrJ 10 talks
 * to the cluster over its JDK HTTP client ({@code HttpJdkSolrClient} under {@code
 * CloudSolrClient}); SolrJ and Solr types stay inside this package.
 *
 * <ul>
 *   <li>{@link dev.debrief.solr.SolrConnection}: the client, credentials from the environment,
 *       bounded retries with exponential backoff; a cluster that does not answer becomes an {@link
 *       dev.debrief.index.IndexUnavailableException} naming its URLs; {@link
 *       dev.debrief.solr.SolrTries} holds the SolrJ client and gives each try a deadline.
 *   <li>{@link dev.debrief.solr.SolrIndex}: the opened collection, checked at start (reachable,
 *       collection and configset present, same embedding model), with short-lived term statistics.
 *   <li>{@link dev.debrief.solr.SolrRetrievalBackend}, {@link dev.debrief.solr.SolrReportCatalog},
 *       {@link dev.debrief.solr.SolrReportWriter}: the retrieval, catalog and indexer seams.
 *   <li>{@link dev.debrief.solr.SolrStateStore}: the {@link dev.debrief.state.StateStore} of the
 *       shared-state collection (Slack events taken, answers in progress, thread memory, digest
 *       subscriptions, uploads, leases), with Solr's optimistic concurrency ({@code _version_});
 *       {@link dev.debrief.solr.StateRequests} sends its requests.
 *   <li>{@link dev.debrief.solr.SolrAdmin}: {@code debrief solr init} (configsets from {@code
 *       config/solr}, both collections, the model stamp), idempotent.
 * </ul>
 *
 * Field names are {@link dev.debrief.index.Fields}'s; {@link dev.debrief.solr.SolrFields} adds the
 * Solr-only ones. The schemas are {@code config/solr/debrief/conf/schema.xml} and {@code
 * config/solr/debrief-state/conf/schema.xml}. See docs/scale-out.md.
 */
package dev.debrief.solr;
