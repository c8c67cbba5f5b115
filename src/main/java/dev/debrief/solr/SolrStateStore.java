package dev.debrief.solr;

import dev.debrief.state.StateException;
import dev.debrief.state.StateKey;
import dev.debrief.state.StateRecord;
import dev.debrief.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/**
 * A {@link StateStore} in the shared-state collection of a SolrCloud ({@code solr.stateCollection},
 * configset {@code config/solr/debrief-state}), so that every Debrief replica sees the same event
 * claims, answers in progress, thread memory, digest subscriptions, uploads and leases. One
 * document per record: {@code id} is {@link StateKey#documentId()}, {@code kind}, {@code
 * expires_at} (epoch ms), {@code body_json} (the value), {@code write_id} (who wrote it) and Solr's
 * {@code _version_}.
 *
 * <p>Solr's optimistic concurrency does the atomic part
 * (https://solr.apache.org/guide/solr/latest/indexing-guide/partial-document-updates.html#optimistic-concurrency):
 * an add with {@code _version_=-1} is refused with 409 when the id exists (insert-if-absent), an
 * add with {@code _version_=V} is refused with 409 unless the stored version is V
 * (compare-and-set). Versions come back with the add ({@code versions=true}). Reads are real-time
 * gets ({@code /get}), which see every acknowledged update before any commit; {@link #list} commits
 * softly first, so it sees them too.
 *
 * <p>Expiry is decided by this store's clock, not Solr's: a record whose {@code expires_at} is not
 * after {@code clock.instant()} is absent for every operation. An expired document met by a read is
 * deleted (only if it is still the version read), one met by {@link #insertIfAbsent} is replaced
 * with compare-and-set, and {@link #list} deletes every expired document at most once per {@link
 * #PURGE_INTERVAL}.
 *
 * <p>A request SolrJ retried after a timeout may have been applied the first time; its retry then
 * meets a 409 against its own write. Each write carries a unique {@code write_id}, so such a 409 is
 * recognised as success. Requests go through {@link SolrConnection#call} (bounded retries with
 * backoff); when the cluster does not answer, or refuses, the operation throws {@link
 * StateException} with the connection's message. The document's fields and their mapping to a
 * {@link StateRecord} are {@link StateDocument}'s; the requests themselves are {@link
 * StateRequests}'s.
 */
public final class SolrStateStore implements StateStore {
  /** {@code _version_} value meaning "the document must not exist". */
  private static final long MUST_NOT_EXIST = -1;

  /** Expired documents are deleted in bulk at most this often (by this store's clock). */
  static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

  /** Rounds of insert / replace-expired before giving up (each lost to another writer). */
  private static final int INSERT_ROUNDS = 20;

  private final StateRequests requests;
  private final Clock clock;
  private volatile Instant lastPurge = Instant.MIN;

  private SolrStateStore(SolrConnection connection, Clock clock) {
    this.requests = new StateRequests(connection);
    this.clock = clock;
  }

  /**
   * Opens the state collection and checks that it exists.
   *
   * @param connection the cluster (its owner closes it; {@link #close()} does not)
   * @param clock decides what has expired
   * @throws StateException when the cluster does not answer or the collection is absent (the
   *     message names the URLs and says to run {@code debrief solr init})
   */
  public static SolrStateStore open(SolrConnection connection, Clock clock) {
    SolrStateStore store = new SolrStateStore(connection, clock);
    List<String> collections =
        store.requests.call("list collections", CollectionAdminRequest::listCollections);
    if (!collections.contains(store.requests.collection())) {
      throw new StateException(
          connection.where()
              + " has no collection \""
              + store.requests.collection()
              + "\" for the state"
              + " shared by replicas. Create it with `debrief solr init --shards N --replicas M`.");
    }
    return store;
  }

  @Override
  public Optional<StateRecord> insertIfAbsent(StateKey key, String value, Instant expiresAt) {
    long expected = MUST_NOT_EXIST;
    for (int round = 0; round < INSERT_ROUNDS; round++) {
      Optional<StateRecord> written = requests.write(key, value, expiresAt, expected);
      if (written.isPresent()) {
        return written;
      }
      Optional<StateDocument> cur = requests.read(key);
      if (cur.isEmpty()) {
        expected = MUST_NOT_EXIST; // removed meanwhile
      } else if (!cur.get().record().expiredAt(clock.instant())) {
        return Optional.empty(); // taken by another writer (another replica)
      } else {
        expected = cur.get().record().version(); // expired: replace exactly that version
      }
    }
    throw new StateException(
        "the state record "
            + key.documentId()
            + " in "
            + requests.collection()
            + " kept changing; it"
            + " was not written");
  }

  @Override
  public Optional<StateRecord> get(StateKey key) {
    return requests.read(key).flatMap(this::liveOrPurge);
  }

  @Override
  public Optional<StateRecord> compareAndSet(
      StateKey key, long expectedVersion, String value, Instant expiresAt) {
    Optional<StateRecord> cur = get(key);
    if (cur.isEmpty() || cur.get().version() != expectedVersion) {
      return Optional.empty();
    }
    return requests.write(key, value, expiresAt, expectedVersion);
  }

  @Override
  public StateRecord put(StateKey key, String value, Instant expiresAt) {
    return requests
        .write(key, value, expiresAt, 0)
        .orElseThrow(
            () ->
                new StateException(
                    "Solr refused an unconditional"
                        + " write of "
                        + key.documentId()
                        + " with a version conflict"));
  }

  /**
   * Deletes the version read, so a record rewritten meanwhile is read again rather than lost
   * unseen.
   */
  @Override
  public boolean remove(StateKey key) {
    for (int round = 0; round < INSERT_ROUNDS; round++) {
      Optional<StateRecord> cur = get(key);
      if (cur.isEmpty()) {
        return false;
      }
      if (requests.deleteVersion(cur.get())) {
        return true;
      }
    }
    throw new StateException(
        "the state record "
            + key.documentId()
            + " in "
            + requests.collection()
            + " kept changing; it"
            + " was not removed");
  }

  @Override
  public List<StateRecord> list(String kind) {
    Instant now = clock.instant();
    purgeExpired(now);
    requests.softCommit();
    return requests.live(kind, now);
  }

  /** Nothing to release: the connection belongs to its owner (the wiring). Safe to call twice. */
  @Override
  public void close() {
    // the SolrConnection is shared with the report index and closed by its owner
  }

  private Optional<StateRecord> liveOrPurge(StateDocument doc) {
    StateRecord r = doc.record();
    if (!r.expiredAt(clock.instant())) {
      return Optional.of(r);
    }
    requests.deleteVersion(r); // false: rewritten meanwhile, not ours to delete
    return Optional.empty();
  }

  private void purgeExpired(Instant now) {
    if (lastPurge.plus(PURGE_INTERVAL).isAfter(now)) {
      return;
    }
    lastPurge = now;
    requests.deleteExpired(now);
  }
}
