package dev.debrief.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Small records that must outlive the process and be shared by every process serving one Slack app: the
 * Slack event ids taken, the answers in progress, thread memory, digest subscriptions, Slack uploads and
 * leases ({@link Lease}). Four operations, each atomic per key, chosen
 * so that a document store with optimistic concurrency implements them directly:
 *
 * <table>
 *   <caption>The operations and their SolrCloud form (issue 11)</caption>
 *   <tr><th>operation</th><th>Solr</th></tr>
 *   <tr><td>{@link #insertIfAbsent}</td><td>add the document with {@code _version_=-1}: Solr answers 409 when a
 *       document with that id exists. Expired documents are removed lazily (expiry is judged by the store's
 *       clock, not Solr's), so on a 409 read the document and, when it has expired, replace it with
 *       {@code _version_} set to the version read (a conflict then means another writer won)</td></tr>
 *   <tr><td>{@link #get}</td><td>real-time get by id, {@code /get?id=…}, treating a document past its expiry
 *       field as absent</td></tr>
 *   <tr><td>{@link #compareAndSet}</td><td>add with {@code _version_} = the version read: 409 on a
 *       mismatch</td></tr>
 *   <tr><td>{@link #put}, {@link #remove}</td><td>plain add (no {@code _version_}), delete by id</td></tr>
 *   <tr><td>{@link #list}</td><td>soft commit, then query {@code kind:K AND expires_at:{now TO *]}</td></tr>
 * </table>
 *
 * <p>Every record has an expiry ({@code expiresAt}); an expired record is absent for every operation, and a
 * store may drop it at any time. Versions are positive and change with every write of a key; nothing else
 * about them is promised (Solr's are large and not consecutive). Writes are durable when the call returns
 * (the embedded {@link FileStateStore} forces them to disk; Solr commits to its transaction log), so an
 * acknowledged Slack event survives a SIGKILL that follows.
 *
 * <p>Implementations are thread-safe. {@code StateStoreContract} in the tests states all of this as tests that
 * any implementation must pass.
 */
public interface StateStore extends AutoCloseable {
  /**
   * The expiry of records that live until removed (digest subscriptions, uploads): far beyond any
   * run.
   */
  Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  /**
   * Writes a record only when no live record has this key.
   *
   * @return the record written (with its version), or empty when a live record exists
   * @throws StateException when the store cannot be written
   */
  Optional<StateRecord> insertIfAbsent(StateKey key, String value, Instant expiresAt);

  /** The live record of a key, or empty. @throws StateException when the store cannot be read */
  Optional<StateRecord> get(StateKey key);

  /**
   * Replaces a record only when its current version is {@code expectedVersion}.
   *
   * @return the new record, or empty when the record changed, expired or was removed since that
   *     version
   * @throws StateException when the store cannot be written
   */
  Optional<StateRecord> compareAndSet(
      StateKey key, long expectedVersion, String value, Instant expiresAt);

  /** Writes a record whatever is there. @throws StateException when the store cannot be written */
  StateRecord put(StateKey key, String value, Instant expiresAt);

  /**
   * Removes a record; false when there was no live one. @throws StateException when the store
   * cannot be written
   */
  boolean remove(StateKey key);

  /**
   * Every live record of a kind, in no particular order. @throws StateException when the store
   * cannot be read
   */
  List<StateRecord> list(String kind);

  /** Releases files or connections; the store is unusable afterwards. */
  @Override
  void close();
}
