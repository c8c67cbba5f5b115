package dev.debrief.solr;

import dev.debrief.index.IndexException;
import dev.debrief.state.StateException;
import dev.debrief.state.StateKey;
import dev.debrief.state.StateRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * The requests {@link SolrStateStore} sends to the shared-state collection: a versioned add that
 * returns the new {@code _version_}, a real-time get, a delete of one version, a soft commit, the
 * live documents of one kind (cursor paging) and a delete of what has expired. Each write carries a
 * unique {@code write_id} ({@link #write}), so a 409 against a write SolrJ retried after it had
 * been applied is recognised as success. Every request goes through {@link SolrConnection#call};
 * when the cluster does not answer, or refuses, it throws {@link StateException} with the
 * connection's message.
 */
final class StateRequests {
  /** Documents per page of {@link #live}. */
  private static final int PAGE_ROWS = 500;

  private final SolrConnection connection;
  private final String collection;
  private final String writer = UUID.randomUUID().toString();
  private final AtomicLong writes = new AtomicLong();

  /**
   * Requests to {@code solr.stateCollection}; contacts nothing.
   *
   * @param connection the cluster (its owner closes it)
   */
  StateRequests(SolrConnection connection) {
    this.connection = connection;
    this.collection = connection.settings().stateCollection();
  }

  /** The state collection's name. */
  String collection() {
    return collection;
  }

  /**
   * Adds the document with {@code _version_ = expected} (0: unconditional). Empty on a version
   * conflict, unless the stored document is this very write (a retried request that had been
   * applied).
   */
  Optional<StateRecord> write(StateKey key, String value, Instant expiresAt, long expected) {
    String writeId = writer + ":" + writes.incrementAndGet();
    UpdateRequest add = new UpdateRequest();
    add.add(StateDocument.input(key, value, expiresAt, writeId, expected));
    add.setParam("versions", "true");
    Long version =
        call(
            "write state " + key.documentId(),
            c -> {
              try {
                UpdateResponse r = add.process(c, collection);
                return addedVersion(r.getResponse(), key.documentId());
              } catch (RuntimeException e) {
                if (SolrErrors.isConflict(e)) {
                  return null;
                }
                throw e;
              }
            });
    if (version == null || version <= 0) {
      Optional<StateDocument> stored = read(key);
      if (stored.isPresent() && writeId.equals(stored.get().writeId())) {
        return Optional.of(stored.get().record());
      }
      if (version == null) {
        return Optional.empty();
      }
      throw new StateException(
          "Solr did not return the version of " + key.documentId() + " (versions=true)");
    }
    return Optional.of(new StateRecord(key, value, version, expiresAt));
  }

  private static Long addedVersion(NamedList<Object> response, String id) {
    Object adds = response.get("adds");
    if (adds instanceof NamedList<?> list) {
      Object v = list.get(id);
      if (v instanceof Number n) {
        return n.longValue();
      }
    }
    return 0L;
  }

  /** The stored document by real-time get, expired or not. */
  Optional<StateDocument> read(StateKey key) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", StateDocument.FIELDS);
    SolrDocument d =
        call(
            "read state " + key.documentId(), c -> c.getById(collection, key.documentId(), params));
    return Optional.ofNullable(d == null ? null : StateDocument.from(d));
  }

  /** Deletes the document only while it is still this version; false when it changed (409). */
  boolean deleteVersion(StateRecord r) {
    UpdateRequest delete = new UpdateRequest();
    delete.deleteById(r.key().documentId(), r.version());
    return call(
        "remove state " + r.key().documentId(),
        c -> {
          try {
            delete.process(c, collection);
            return true;
          } catch (RuntimeException e) {
            if (SolrErrors.isConflict(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  /** Commits softly, so that a query sees every acknowledged update. */
  void softCommit() {
    UpdateRequest softCommit = new UpdateRequest();
    softCommit.setAction(UpdateRequest.ACTION.COMMIT, true, true, true);
    call("commit state", c -> softCommit.process(c, collection));
  }

  /**
   * Every document of {@code kind} not expired at {@code now}, in id order, {@link #PAGE_ROWS} per
   * request. Sees what the last {@link #softCommit} made visible.
   */
  List<StateRecord> live(String kind, Instant now) {
    List<StateRecord> out = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery("*:*");
      q.addFilterQuery(
          StateDocument.KIND
              + ":"
              + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(kind));
      q.addFilterQuery(StateDocument.EXPIRES_AT + ":{" + now.toEpochMilli() + " TO *]");
      q.setFields(StateDocument.FIELDS);
      q.setRows(PAGE_ROWS);
      q.setSort(SolrFields.ID, SolrQuery.ORDER.asc);
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = call("list state of kind " + kind, c -> c.query(collection, q));
      for (SolrDocument d : r.getResults()) {
        StateDocument doc = StateDocument.from(d);
        if (doc != null && !doc.record().expiredAt(now)) {
          out.add(doc.record());
        }
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return out;
      }
      cursor = next;
    }
  }

  /** Deletes every document expired at {@code now} (delete by query on {@code expires_at}). */
  void deleteExpired(Instant now) {
    UpdateRequest delete = new UpdateRequest();
    delete.deleteByQuery(StateDocument.EXPIRES_AT + ":[* TO " + now.toEpochMilli() + "]");
    call("purge expired state", c -> delete.process(c, collection));
  }

  /** Runs {@code call} through the connection; a failure becomes a {@link StateException}. */
  <T> T call(String what, SolrConnection.Call<T> call) {
    try {
      return connection.call(what + " in " + collection, call);
    } catch (IndexException e) {
      throw new StateException("the shared state is not available: " + e.getMessage(), e);
    }
  }
}
