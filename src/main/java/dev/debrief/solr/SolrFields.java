package dev.debrief.solr;

/**
 * Field names and document ids that exist only in the Solr collection; every other field is named
 * in {@link dev.debrief.index.Fields} and has the same meaning there ({@code
 * config/solr/debrief/conf/schema.xml} declares them all).
 */
public final class SolrFields {
  private SolrFields() {}

  /**
   * The unique key: {@code REPORT_ID!PASSAGE_ID}, {@code REPORT_ID!report}, or {@link #META_ID}.
   */
  public static final String ID = "id";

  /** Value of {@code type} for the meta document. */
  public static final String TYPE_META = "meta";

  /** Id of the meta document. */
  public static final String META_ID = "debrief!meta";

  /** Meta document: the embedding model id the collection's vectors come from. */
  public static final String EMBEDDING_MODEL = "embedding_model";

  /** Meta document: the vector dimension. */
  public static final String EMBEDDING_DIMENSION = "embedding_dimension";

  /** Meta document: {@link dev.debrief.index.Fields#SCHEMA_VERSION} of the layout. */
  public static final String SCHEMA_VERSION = "schema_version";

  /** Name of the configset of the report collection (folder {@code config/solr/debrief}). */
  public static final String CONFIGSET = "debrief";

  /**
   * Name of the configset of the shared-state collection (folder {@code
   * config/solr/debrief-state}).
   */
  public static final String STATE_CONFIGSET = "debrief-state";

  /**
   * The document id of a passage: the report id routes it to the report's shard (compositeId
   * router).
   */
  public static String passageDocId(String reportId, String passageId) {
    return reportId + "!" + passageId;
  }

  /** The document id of a report's own document. */
  public static String reportDocId(String reportId) {
    return reportId + "!report";
  }
}
