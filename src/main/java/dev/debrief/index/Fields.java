package dev.debrief.index;

/**
 * Every Lucene field name Debrief uses, in one place (as Anserini does). Passage documents carry
 * {@code TYPE=passage}; report documents {@code TYPE=report}; the sentence vectors ingest stores
 * ahead for answers {@code TYPE=sentence} (only {@link #TYPE}, {@link #REPORT_ID}, {@link
 * #TEXT_HASH} and {@link #VECTOR_BYTES}: no text, no kNN vector, so no search ever finds them).
 */
public final class Fields {
  private Fields() {}

  /** "passage", "report" or "sentence" (StringField). */
  public static final String TYPE = "type";

  /** Value of {@link #TYPE} for passage documents. */
  public static final String TYPE_PASSAGE = "passage";

  /** Value of {@link #TYPE} for report documents. */
  public static final String TYPE_REPORT = "report";

  /**
   * Value of {@link #TYPE} for a sentence vector stored ahead ({@code model.SentenceTexts}), in the
   * block of its report: written, replaced and deleted with it.
   */
  public static final String TYPE_SENTENCE = "sentence";

  /** Passage id (StringField, stored). */
  public static final String PASSAGE_ID = "passage_id";

  /** Report id, on every document type (StringField, stored): the delete/update key. */
  public static final String REPORT_ID = "report_id";

  /** Passage text: BM25 with EnglishAnalyzer (TextField, stored). */
  public static final String TEXT = "text";

  /** The passage's heading path joined with newlines: BM25 (TextField, stored). */
  public static final String HEADING = "heading";

  /** The report title, repeated on each passage: BM25 (TextField, stored). */
  public static final String TITLE = "title";

  /** Event name as given (StoredField). */
  public static final String EVENT = "event";

  /** Event name lower-cased and trimmed, for exact filters (StringField). */
  public static final String EVENT_KEY = "event_key";

  /**
   * Report date yyyy-MM-dd or yyyy-MM (StringField, stored): range filters compare it as a string.
   */
  public static final String DATE = "date";

  /** The report's own web address (StoredField). */
  public static final String URL = "url";

  /** The report's format: markdown, html, text, rst, pdf (StoredField). */
  public static final String FORMAT = "format";

  /** "1" when the section anchor is an id the source HTML carries (StoredField). */
  public static final String ANCHOR_IN_SOURCE = "anchor_in_source";

  /** Section anchor (StoredField). */
  public static final String ANCHOR = "anchor";

  /** Section ordinal (StoredField). */
  public static final String SECTION_ORDINAL = "section_ordinal";

  /** Passage ordinal (StoredField). */
  public static final String ORDINAL = "ordinal";

  /** Passage start/end offsets into the report text (StoredField ints). */
  public static final String START = "start";

  /** See {@link #START}. */
  public static final String END = "end";

  /** The passage vector (KnnFloatVectorField, DOT_PRODUCT on unit vectors). */
  public static final String VECTOR = "vector";

  /** The same vector as little-endian bytes (StoredField), read back by the embedding cache. */
  public static final String VECTOR_BYTES = "vector_bytes";

  /**
   * SHA-256 of model id + the passage's (or sentence's) embedding text (StringField): the embedding
   * cache key.
   */
  public static final String TEXT_HASH = "text_hash";

  /**
   * Channels a restricted report is limited to (StringField, multi-valued); "*" when unrestricted.
   */
  public static final String CHANNEL = "channel";

  /** Value of {@link #CHANNEL} for unrestricted reports. */
  public static final String CHANNEL_PUBLIC = "*";

  /** Report document: the whole report as JSON (StoredField). */
  public static final String REPORT_JSON = "report_json";

  /** Report document: the {@code ReportInfo} as JSON (StoredField), for listings. */
  public static final String INFO_JSON = "info_json";

  /**
   * Report document: the content identity, SHA-256 of the normalized text (StringField, stored).
   */
  public static final String CONTENT_HASH = "content_hash";

  /**
   * Report document: every source the report was read from, path, URL or {@code slack:FILE_ID}
   * (StringField, stored, one value per source): the lookup key "which report does this file hold".
   */
  public static final String SOURCE = "source";

  /** Report document: the sources with their byte hashes and metadata, as JSON (StoredField). */
  public static final String SOURCES_JSON = "sources_json";

  /**
   * Report document: when indexed, epoch milliseconds (StoredField + NumericDocValues for sorting).
   */
  public static final String INGESTED_AT = "ingested_at";

  /** Commit user data: embedding model id. */
  public static final String META_MODEL = "debrief.embedding.model";

  /** Commit user data: vector dimension. */
  public static final String META_DIMENSION = "debrief.embedding.dimension";

  /** Commit user data: schema version of this class's layout. */
  public static final String META_SCHEMA = "debrief.schema";

  /**
   * Current schema version. 1: one report per source, id from the source. 2: one report per
   * content, id from the normalized text, with its list of sources ({@link #SOURCES_JSON}); a
   * version-1 index is migrated in place by the first writer ({@code SchemaMigration}).
   */
  public static final String SCHEMA_VERSION = "2";
}
