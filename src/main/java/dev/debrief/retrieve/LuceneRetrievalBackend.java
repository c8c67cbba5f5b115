package dev.debrief.retrieve;

import dev.debrief.index.Documents;
import dev.debrief.index.Fields;
import dev.debrief.index.IndexException;
import dev.debrief.index.LuceneIndex;
import dev.debrief.index.SearcherLease;
import dev.debrief.model.SearchFilters;
import dev.debrief.text.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * {@link RetrievalBackend} over the Lucene index on disk: BM25 as a {@code BooleanQuery} of boosted
 * {@code TermQuery} clauses, kNN as an exact scan up to {@link #EXACT_KNN_LIMIT} documents and
 * Lucene's HNSW ({@code KnnFloatVectorQuery}) beyond, filters as {@code FILTER} clauses of both.
 */
public final class LuceneRetrievalBackend implements RetrievalBackend {
  private static final Set<String> STORED =
      Set.of(
          Fields.PASSAGE_ID,
          Fields.REPORT_ID,
          Fields.TEXT,
          Fields.HEADING,
          Fields.TITLE,
          Fields.EVENT,
          Fields.DATE,
          Fields.ANCHOR,
          Fields.URL,
          Fields.FORMAT,
          Fields.CHANNEL,
          Fields.ANCHOR_IN_SOURCE);

  private final LuceneIndex index;

  /**
   * @param index the index to search (every call leases a searcher, {@link LuceneIndex#acquire()})
   */
  public LuceneRetrievalBackend(LuceneIndex index) {
    this.index = index;
  }

  @Override
  public List<String> bm25(
      List<String> terms, List<FieldBoost> fields, SearchFilters filters, int n) {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      if (searcher == null || terms.isEmpty()) {
        return List.of();
      }
      return ids(searcher, searcher.search(bm25Query(terms, fields, filterQuery(filters)), n));
    } catch (IOException e) {
      throw new IndexException("cannot search index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> knn(float[] vector, SearchFilters filters, int n) {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      if (searcher == null) {
        return List.of();
      }
      Query filter = filterQuery(filters);
      TopDocs nearest =
          searcher.getIndexReader().getDocCount(Fields.TEXT) <= EXACT_KNN_LIMIT
              ? exactKnn(searcher, filter, vector, n)
              : searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, n, filter), n);
      return ids(searcher, nearest);
    } catch (IOException e) {
      throw new IndexException("cannot search index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long passageCount() {
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      return searcher == null ? 0 : searcher.getIndexReader().getDocCount(Fields.TEXT);
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Integer> docFreqs(String field, Collection<String> terms) {
    Map<String, Integer> out = new HashMap<>();
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      if (searcher == null) {
        return out;
      }
      IndexReader r = searcher.getIndexReader();
      for (String t : terms) {
        out.put(t, r.docFreq(new Term(field, t)));
      }
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public Map<String, StoredPassage> passages(Collection<String> ids) {
    Map<String, StoredPassage> out = new HashMap<>();
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher searcher = lease.searcher();
      if (searcher == null) {
        return out;
      }
      for (String id : ids) {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.PASSAGE_ID, id)), 1);
        if (top.scoreDocs.length > 0) {
          out.put(id, stored(searcher.storedFields().document(top.scoreDocs[0].doc, STORED)));
        }
      }
    } catch (IOException e) {
      throw new IndexException("cannot read index " + index.dir() + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Exact nearest neighbours: the dot product with every passage vector that passes the filter.
   * Used up to {@code EXACT_KNN_LIMIT} documents, where it costs a few milliseconds and, unlike the
   * HNSW graph, gives the same answer whatever the segment layout (HNSW search is approximate and
   * depends on insertion order).
   */
  static TopDocs exactKnn(IndexSearcher searcher, Query filter, float[] vector, int k)
      throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    java.util.PriorityQueue<ScoreDoc> best =
        new java.util.PriorityQueue<>(
            k + 1,
            (a, b) ->
                a.score != b.score
                    ? Float.compare(a.score, b.score)
                    : Integer.compare(b.doc, a.doc));
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      Scorer scorer = weight.scorer(leaf);
      if (values == null || scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if ((live != null && !live.get(doc)) || values.advance(doc) != doc) {
          continue;
        }
        float dot = (float) Vectors.dot(values.vectorValue(), vector);
        best.add(new ScoreDoc(leaf.docBase + doc, dot));
        if (best.size() > k) {
          best.poll();
        }
      }
    }
    ScoreDoc[] out = new ScoreDoc[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = best.poll();
    }
    return new TopDocs(new TotalHits(out.length, TotalHits.Relation.EQUAL_TO), out);
  }

  /**
   * The BM25 query: each term in each field (boosted), all SHOULD, at least one must match; plus
   * the filter.
   */
  static Query bm25Query(List<String> terms, List<FieldBoost> fields, Query filter) {
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    for (String t : terms) {
      for (FieldBoost f : fields) {
        Query q = new TermQuery(new Term(f.field(), t));
        should.add(f.boost() == 1f ? q : new BoostQuery(q, f.boost()), BooleanClause.Occur.SHOULD);
      }
    }
    return new BooleanQuery.Builder()
        .add(should.build(), BooleanClause.Occur.MUST)
        .add(filter, BooleanClause.Occur.FILTER)
        .build();
  }

  /** Passage documents passing the filters. */
  static Query filterQuery(SearchFilters f) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!f.event().isEmpty()) {
      b.add(
          new TermQuery(new Term(Fields.EVENT_KEY, Documents.eventKey(f.event()))),
          BooleanClause.Occur.FILTER);
    }
    if (!f.scope().isEmpty()) {
      // a term set, not one clause per report: a scope may hold more reports than maxClauseCount
      // (1024)
      b.add(
          new org.apache.lucene.search.TermInSetQuery(
              Fields.REPORT_ID,
              f.scope().stream().map(org.apache.lucene.util.BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
    }
    if (!f.reportId().isEmpty()) {
      b.add(new TermQuery(new Term(Fields.REPORT_ID, f.reportId())), BooleanClause.Occur.FILTER);
    }
    if (!f.since().isEmpty()) {
      b.add(
          TermRangeQuery.newStringRange(Fields.DATE, f.since(), null, true, true),
          BooleanClause.Occur.FILTER);
    }
    if (f.allowedChannels() != null) {
      BooleanQuery.Builder access = new BooleanQuery.Builder();
      access.add(
          new TermQuery(new Term(Fields.CHANNEL, Fields.CHANNEL_PUBLIC)),
          BooleanClause.Occur.SHOULD);
      for (String c : f.allowedChannels()) {
        access.add(new TermQuery(new Term(Fields.CHANNEL, c)), BooleanClause.Occur.SHOULD);
      }
      b.add(access.build(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static List<String> ids(IndexSearcher searcher, TopDocs top) throws IOException {
    List<String> ids = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      ids.add(
          searcher
              .storedFields()
              .document(sd.doc, Set.of(Fields.PASSAGE_ID))
              .get(Fields.PASSAGE_ID));
    }
    return ids;
  }

  private static StoredPassage stored(Document d) {
    return new StoredPassage(
        d.get(Fields.PASSAGE_ID),
        d.get(Fields.REPORT_ID),
        d.get(Fields.TITLE),
        d.get(Fields.EVENT),
        d.get(Fields.DATE),
        d.get(Fields.HEADING),
        d.get(Fields.ANCHOR),
        d.get(Fields.URL),
        "1".equals(d.get(Fields.ANCHOR_IN_SOURCE)),
        d.getValues(Fields.CHANNEL).length > 0,
        d.get(Fields.TEXT));
  }
}
