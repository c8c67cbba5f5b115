package dev.debrief.index;

import com.google.gson.Gson;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Maps reports and passages to Lucene documents and back. Field names come from {@link Fields}. */
public final class Documents {
  private final Gson gson = new Gson();

  /**
   * The report document followed by one document per passage; {@code vectors} parallel the passages
   * and {@code sources} are every place the report was read from ({@code report.source()} is the
   * first).
   */
  List<Document> toDocuments(
      Report report,
      List<SourceEntry> sources,
      List<float[]> vectors,
      String modelId,
      long ingestedAt) {
    return toDocuments(report, sources, vectors, SentenceVectors.NONE, modelId, ingestedAt);
  }

  /**
   * Like {@link #toDocuments(Report, List, List, String, long)}, followed by one {@link
   * Fields#TYPE_SENTENCE} document per sentence vector.
   */
  List<Document> toDocuments(
      Report report,
      List<SourceEntry> sources,
      List<float[]> vectors,
      SentenceVectors sentences,
      String modelId,
      long ingestedAt) {
    if (vectors.size() != report.passages().size()) {
      throw new IllegalArgumentException(
          "need one vector per passage: "
              + vectors.size()
              + " vectors for "
              + report.passages().size()
              + " passages of "
              + report.id());
    }
    List<Document> docs = new ArrayList<>(report.passages().size() + 1);
    Document r = new Document();
    r.add(new StringField(Fields.TYPE, Fields.TYPE_REPORT, Field.Store.NO));
    r.add(new StringField(Fields.REPORT_ID, report.id(), Field.Store.YES));
    for (SourceEntry s : sources) {
      r.add(new StringField(Fields.SOURCE, s.source(), Field.Store.YES));
    }
    r.add(new StoredField(Fields.SOURCES_JSON, sourcesJson(sources)));
    r.add(new StringField(Fields.CONTENT_HASH, report.contentHash(), Field.Store.YES));
    r.add(new StoredField(Fields.INGESTED_AT, ingestedAt));
    r.add(new NumericDocValuesField(Fields.INGESTED_AT, ingestedAt));
    r.add(new StoredField(Fields.REPORT_JSON, gson.toJson(report)));
    r.add(new StoredField(Fields.INFO_JSON, gson.toJson(infoOf(report, sources, ingestedAt))));
    docs.add(r);
    String eventKey = eventKey(report.meta().event());
    for (int i = 0; i < report.passages().size(); i++) {
      Passage p = report.passages().get(i);
      float[] v = vectors.get(i);
      Document d = new Document();
      d.add(new StringField(Fields.TYPE, Fields.TYPE_PASSAGE, Field.Store.NO));
      d.add(new StringField(Fields.PASSAGE_ID, p.id(), Field.Store.YES));
      d.add(new StringField(Fields.REPORT_ID, report.id(), Field.Store.YES));
      d.add(new TextField(Fields.TEXT, p.text(), Field.Store.YES));
      d.add(new TextField(Fields.HEADING, String.join("\n", p.headingPath()), Field.Store.YES));
      d.add(new TextField(Fields.TITLE, report.meta().title(), Field.Store.YES));
      d.add(new StoredField(Fields.EVENT, report.meta().event()));
      d.add(new StringField(Fields.EVENT_KEY, eventKey, Field.Store.NO));
      d.add(new StringField(Fields.DATE, report.meta().date(), Field.Store.YES));
      d.add(new StoredField(Fields.ANCHOR, p.anchor()));
      boolean inSource =
          p.sectionOrdinal() < report.sections().size()
              && report.sections().get(p.sectionOrdinal()).anchorInSource();
      d.add(new StoredField(Fields.ANCHOR_IN_SOURCE, inSource ? "1" : "0"));
      d.add(new StoredField(Fields.URL, report.meta().url()));
      d.add(new StoredField(Fields.FORMAT, report.format()));
      d.add(new StoredField(Fields.SECTION_ORDINAL, p.sectionOrdinal()));
      d.add(new StoredField(Fields.ORDINAL, p.ordinal()));
      d.add(new StoredField(Fields.START, p.start()));
      d.add(new StoredField(Fields.END, p.end()));
      d.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT));
      d.add(new StoredField(Fields.VECTOR_BYTES, new BytesRef(toBytes(v))));
      d.add(
          new StringField(
              Fields.TEXT_HASH,
              textHash(modelId, Indexer.embeddingText(report, p)),
              Field.Store.NO));
      if (report.meta().channels().isEmpty()) {
        d.add(new StringField(Fields.CHANNEL, Fields.CHANNEL_PUBLIC, Field.Store.NO));
      } else {
        for (String c : report.meta().channels()) {
          d.add(new StringField(Fields.CHANNEL, c, Field.Store.YES));
        }
      }
      docs.add(d);
    }
    for (int i = 0; i < sentences.texts().size(); i++) {
      Document d = new Document();
      d.add(new StringField(Fields.TYPE, Fields.TYPE_SENTENCE, Field.Store.NO));
      d.add(new StringField(Fields.REPORT_ID, report.id(), Field.Store.YES));
      d.add(
          new StringField(
              Fields.TEXT_HASH, textHash(modelId, sentences.texts().get(i)), Field.Store.NO));
      d.add(
          new StoredField(Fields.VECTOR_BYTES, new BytesRef(toBytes(sentences.vectors().get(i)))));
      docs.add(d);
    }
    return docs;
  }

  /** The key events are filtered by: lower-cased, whitespace collapsed. */
  public static String eventKey(String event) {
    return event == null ? "" : event.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * The listing entry of a report read from {@code sources}, indexed at {@code ingestedAt} (epoch
   * milliseconds).
   */
  public static ReportInfo infoOf(Report report, List<SourceEntry> sources, long ingestedAt) {
    return new ReportInfo(
        report.id(),
        report.source(),
        report.format(),
        report.meta(),
        report.sections().size(),
        report.passages().size(),
        ingestedAt,
        report.contentHash(),
        sources.stream().map(SourceEntry::source).toList());
  }

  /**
   * The sources stored as {@link Fields#SOURCES_JSON}, first one first; empty for null or blank
   * JSON.
   */
  public static List<SourceEntry> sourcesFromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    SourceEntry[] entries = new Gson().fromJson(json, SourceEntry[].class);
    return entries == null ? List.of() : List.of(entries);
  }

  /** {@code sources} as the JSON of {@link Fields#SOURCES_JSON}. */
  public static String sourcesJson(List<SourceEntry> sources) {
    return new Gson().toJson(sources);
  }

  /** Embedding cache key: SHA-256 of model id, a NUL, and the text. */
  public static String textHash(String modelId, String text) {
    return dev.debrief.model.Hashes.sha256Hex(modelId + "\u0000" + text);
  }

  static byte[] toBytes(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.array();
  }

  static float[] fromBytes(BytesRef ref) {
    ByteBuffer b =
        ByteBuffer.wrap(ref.bytes, ref.offset, ref.length).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[ref.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  Report report(Document d) {
    return gson.fromJson(d.get(Fields.REPORT_JSON), Report.class);
  }

  ReportInfo info(Document d) {
    return gson.fromJson(d.get(Fields.INFO_JSON), ReportInfo.class);
  }

  /** The sources of a report document, first one first. */
  List<SourceEntry> sources(Document d) {
    return sourcesFromJson(d.get(Fields.SOURCES_JSON));
  }
}
