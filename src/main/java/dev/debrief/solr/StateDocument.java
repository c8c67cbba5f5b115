package dev.debrief.solr;

import dev.debrief.state.StateKey;
import dev.debrief.state.StateRecord;
import java.time.Instant;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * One record of {@link SolrStateStore} as a document of the state collection: {@code id} is {@link
 * StateKey#documentId()}, {@code kind}, {@code expires_at} (epoch ms), {@code body_json} (the
 * value), {@code write_id} (who wrote it) and Solr's {@code _version_}.
 *
 * @param record the record as read, expired or not
 * @param writeId the unique id of the write that made this version ("" when absent)
 */
record StateDocument(StateRecord record, String writeId) {
  /** Field: the record's kind. */
  static final String KIND = "kind";

  /** Field: expiry, epoch milliseconds. */
  static final String EXPIRES_AT = "expires_at";

  /** Field: the value. */
  static final String BODY = "body_json";

  /** Field: the unique id of the write that made this version. */
  static final String WRITE_ID = "write_id";

  /** Solr's version field. */
  static final String VERSION = "_version_";

  /** Every field a read asks for ({@code fl}). */
  static final String FIELDS =
      SolrFields.ID + "," + KIND + "," + EXPIRES_AT + "," + BODY + "," + WRITE_ID + "," + VERSION;

  /**
   * The document to add for one write.
   *
   * @param expected the {@code _version_} Solr must find (-1: must not exist); 0 for an
   *     unconditional write, which sends no version
   */
  static SolrInputDocument input(
      StateKey key, String value, Instant expiresAt, String writeId, long expected) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(SolrFields.ID, key.documentId());
    doc.addField(KIND, key.kind());
    doc.addField(EXPIRES_AT, expiresAt.toEpochMilli());
    doc.addField(BODY, value);
    doc.addField(WRITE_ID, writeId);
    if (expected != 0) {
      doc.addField(VERSION, expected);
    }
    return doc;
  }

  /**
   * The record in a stored document, expired or not.
   *
   * @return null when the document is not one of ours (a field missing, or an id not under its
   *     kind)
   */
  static StateDocument from(SolrDocument d) {
    Object id = d.getFirstValue(SolrFields.ID);
    Object kind = d.getFirstValue(KIND);
    Object expires = d.getFirstValue(EXPIRES_AT);
    Object version = d.getFirstValue(VERSION);
    if (id == null
        || kind == null
        || !(expires instanceof Number e)
        || !(version instanceof Number v)) {
      return null;
    }
    String prefix = kind + "/";
    String docId = id.toString();
    if (!docId.startsWith(prefix)) {
      return null;
    }
    Object body = d.getFirstValue(BODY);
    Object writeId = d.getFirstValue(WRITE_ID);
    StateKey key = new StateKey(kind.toString(), docId.substring(prefix.length()));
    return new StateDocument(
        new StateRecord(
            key,
            body == null ? "" : body.toString(),
            v.longValue(),
            Instant.ofEpochMilli(e.longValue())),
        writeId == null ? "" : writeId.toString());
  }
}
