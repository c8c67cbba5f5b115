package dev.debrief.index;

import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an index of schema version 1 (one report per source, id from the source) to version 2 (one
 * report per content, id from the normalized text, with its sources), in place and in one commit,
 * reusing the stored vectors: nothing is re-parsed or re-embedded, and a killed migration leaves
 * version 1 to migrate again. Reports of equal text become one, with the oldest as its first
 * source. Runs under the write lock, before the first write of a process.
 */
final class SchemaMigration {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
  private static final String VERSION_1 = "1";

  private SchemaMigration() {}

  /** A version-1 report document and the vectors of its passages. */
  private record Old(
      Report report, String source, String hash, long ingestedAt, Map<String, float[]> vectors) {}

  /**
   * Migrates when the latest commit says version 1.
   *
   * @return true when it migrated (and committed)
   * @throws IndexException on I/O failure
   */
  static boolean migrateIfNeeded(LuceneIndex index, Documents documents) {
    if (!VERSION_1.equals(index.commitData().get(Fields.META_SCHEMA))) {
      return false;
    }
    synchronized (index.writeOps()) {
      index.refresh();
      List<Old> old = readAll(index, documents);
      Map<String, List<Old>> byContent = new LinkedHashMap<>();
      for (Old o : old) {
        byContent
            .computeIfAbsent(Report.idForContent(o.report().text()), k -> new ArrayList<>())
            .add(o);
      }
      try {
        for (Map.Entry<String, List<Old>> group : byContent.entrySet()) {
          List<Old> members = new ArrayList<>(group.getValue());
          members.sort(Comparator.comparingLong(Old::ingestedAt));
          for (Old o : members) {
            index.writer().deleteDocuments(new Term(Fields.REPORT_ID, o.report().id()));
          }
          write(index, documents, group.getKey(), members);
        }
      } catch (IOException e) {
        throw new IndexException("cannot migrate index " + index.dir() + ": " + e.getMessage(), e);
      }
      index.commit();
      index.refresh();
      LOG.warn(
          "Migrated the index in {} to schema {}: {} reports by source became {} reports by content",
          index.dir(),
          Fields.SCHEMA_VERSION,
          old.size(),
          byContent.size());
      return true;
    }
  }

  private static void write(LuceneIndex index, Documents documents, String id, List<Old> members)
      throws IOException {
    Old first = members.get(0);
    Report r = first.report();
    List<Passage> passages = new ArrayList<>(r.passages().size());
    List<float[]> vectors = new ArrayList<>(r.passages().size());
    for (Passage p : r.passages()) {
      passages.add(
          new Passage(
              Passage.idOf(id, p.ordinal()),
              id,
              p.ordinal(),
              p.sectionOrdinal(),
              p.headingPath(),
              p.anchor(),
              p.text(),
              p.start(),
              p.end()));
      float[] v = first.vectors().get(p.id());
      if (v == null) {
        throw new IndexException(
            "cannot migrate index "
                + index.dir()
                + ": passage "
                + p.id()
                + " has no stored"
                + " vector; delete the folder and ingest again");
      }
      vectors.add(v);
    }
    List<SourceEntry> sources = new ArrayList<>();
    for (Old o : members) {
      sources.add(new SourceEntry(o.source(), o.hash(), o.report().meta(), o.ingestedAt()));
    }
    Report migrated =
        new Report(
            id,
            first.source(),
            r.format(),
            SourceEntry.effectiveMeta(sources),
            r.text(),
            r.sections(),
            passages,
            Report.contentHashOf(r.text()));
    index
        .writer()
        .addDocuments(
            documents.toDocuments(migrated, sources, vectors, index.modelId(), first.ingestedAt()));
  }

  private static List<Old> readAll(LuceneIndex index, Documents documents) {
    List<Old> out = new ArrayList<>();
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return out;
      }
      Query q = ReportStore.allReports();
      TopDocs top = s.search(q, Math.max(1, s.count(q)));
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = s.storedFields().document(sd.doc);
        Report report = documents.report(d);
        out.add(
            new Old(
                report,
                d.get(Fields.SOURCE),
                d.get(Fields.CONTENT_HASH),
                d.getField(Fields.INGESTED_AT).numericValue().longValue(),
                vectors(s, report.id())));
      }
      return out;
    } catch (IOException e) {
      throw new IndexException(
          "cannot read index " + index.dir() + " to migrate it: " + e.getMessage(), e);
    }
  }

  private static Map<String, float[]> vectors(IndexSearcher s, String reportId) throws IOException {
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.REPORT_ID, reportId)), BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
                BooleanClause.Occur.FILTER)
            .build();
    Map<String, float[]> out = new LinkedHashMap<>();
    TopDocs top = s.search(q, Math.max(1, s.count(q)));
    for (ScoreDoc sd : top.scoreDocs) {
      Document d =
          s.storedFields().document(sd.doc, Set.of(Fields.PASSAGE_ID, Fields.VECTOR_BYTES));
      if (d.getBinaryValue(Fields.VECTOR_BYTES) != null) {
        out.put(
            d.get(Fields.PASSAGE_ID), Documents.fromBytes(d.getBinaryValue(Fields.VECTOR_BYTES)));
      }
    }
    return out;
  }
}
