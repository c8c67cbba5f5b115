package dev.debrief.solr;

import com.google.gson.Gson;
import dev.debrief.index.Documents;
import dev.debrief.index.Fields;
import dev.debrief.index.Indexer;
import dev.debrief.index.SourceEntry;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Maps reports and passages to Solr documents and back: the same fields and values as the Lucene
 * backend's {@code Documents}, plus {@link SolrFields#ID}. Vectors are stored in the vector field
 * itself (Solr returns them as a list of floats).
 */
final class SolrDocuments {
  private final Gson gson = new Gson();

  /**
   * The report document followed by one document per passage; {@code vectors} parallel the passages
   * and {@code sources} are every place the report was read from ({@code report.source()} is the
   * first).
   */
  List<SolrInputDocument> toDocuments(
      Report report,
      List<SourceEntry> sources,
      List<float[]> vectors,
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
    List<SolrInputDocument> docs = new ArrayList<>(report.passages().size() + 1);
    SolrInputDocument r = new SolrInputDocument();
    r.setField(SolrFields.ID, SolrFields.reportDocId(report.id()));
    r.setField(Fields.TYPE, Fields.TYPE_REPORT);
    r.setField(Fields.REPORT_ID, report.id());
    r.setField(Fields.SOURCE, sources.stream().map(SourceEntry::source).toList());
    r.setField(Fields.SOURCES_JSON, Documents.sourcesJson(sources));
    r.setField(Fields.CONTENT_HASH, report.contentHash());
    r.setField(Fields.INGESTED_AT, ingestedAt);
    r.setField(Fields.REPORT_JSON, gson.toJson(report));
    r.setField(Fields.INFO_JSON, gson.toJson(Documents.infoOf(report, sources, ingestedAt)));
    docs.add(r);
    String eventKey = Documents.eventKey(report.meta().event());
    for (int i = 0; i < report.passages().size(); i++) {
      Passage p = report.passages().get(i);
      SolrInputDocument d = new SolrInputDocument();
      d.setField(SolrFields.ID, SolrFields.passageDocId(report.id(), p.id()));
      d.setField(Fields.TYPE, Fields.TYPE_PASSAGE);
      d.setField(Fields.PASSAGE_ID, p.id());
      d.setField(Fields.REPORT_ID, report.id());
      d.setField(Fields.TEXT, p.text());
      d.setField(Fields.HEADING, String.join("\n", p.headingPath()));
      d.setField(Fields.TITLE, report.meta().title());
      d.setField(Fields.EVENT, report.meta().event());
      d.setField(Fields.EVENT_KEY, eventKey);
      d.setField(Fields.DATE, report.meta().date());
      d.setField(Fields.ANCHOR, p.anchor());
      boolean inSource =
          p.sectionOrdinal() < report.sections().size()
              && report.sections().get(p.sectionOrdinal()).anchorInSource();
      d.setField(Fields.ANCHOR_IN_SOURCE, inSource ? "1" : "0");
      d.setField(Fields.URL, report.meta().url());
      d.setField(Fields.FORMAT, report.format());
      d.setField(Fields.SECTION_ORDINAL, p.sectionOrdinal());
      d.setField(Fields.ORDINAL, p.ordinal());
      d.setField(Fields.START, p.start());
      d.setField(Fields.END, p.end());
      d.setField(Fields.VECTOR, toList(vectors.get(i)));
      d.setField(Fields.TEXT_HASH, Documents.textHash(modelId, Indexer.embeddingText(report, p)));
      if (report.meta().channels().isEmpty()) {
        d.setField(Fields.CHANNEL, List.of(Fields.CHANNEL_PUBLIC));
      } else {
        d.setField(Fields.CHANNEL, report.meta().channels());
      }
      docs.add(d);
    }
    return docs;
  }

  /** The meta document: which embedding model the collection's vectors come from. */
  static SolrInputDocument meta(String modelId, int dimension) {
    SolrInputDocument d = new SolrInputDocument();
    d.setField(SolrFields.ID, SolrFields.META_ID);
    d.setField(Fields.TYPE, SolrFields.TYPE_META);
    d.setField(SolrFields.EMBEDDING_MODEL, modelId);
    d.setField(SolrFields.EMBEDDING_DIMENSION, dimension);
    d.setField(SolrFields.SCHEMA_VERSION, Fields.SCHEMA_VERSION);
    return d;
  }

  static List<Float> toList(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float x : v) {
      out.add(x);
    }
    return out;
  }

  /** A stored vector as Solr returns it (a list of numbers), or null. */
  static float[] vector(SolrDocument d) {
    Collection<Object> values = d.getFieldValues(Fields.VECTOR);
    if (values == null || values.isEmpty()) {
      return null;
    }
    float[] v = new float[values.size()];
    int i = 0;
    for (Object o : values) {
      v[i++] = ((Number) o).floatValue();
    }
    return v;
  }

  /** The query-vector syntax of the knn parser and vectorSimilarity(): {@code [0.1,0.2,…]}. */
  static String vectorLiteral(float[] v) {
    StringBuilder b = new StringBuilder(v.length * 12).append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(v[i]);
    }
    return b.append(']').toString();
  }

  /** The sources of a report document, first one first. */
  static List<SourceEntry> sources(SolrDocument d) {
    return Documents.sourcesFromJson(string(d, Fields.SOURCES_JSON));
  }

  Report report(SolrDocument d) {
    return gson.fromJson(string(d, Fields.REPORT_JSON), Report.class);
  }

  ReportInfo info(SolrDocument d) {
    return gson.fromJson(string(d, Fields.INFO_JSON), ReportInfo.class);
  }

  /** The first value of a stored field as a string, "" when absent. */
  static String string(SolrDocument d, String field) {
    Object v = d.getFirstValue(field);
    return v == null ? "" : v.toString();
  }
}
