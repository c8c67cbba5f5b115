package dev.debrief.index;

import dev.debrief.embed.KnownVectors;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The vectors the Lucene index holds, found by the {@link Fields#TEXT_HASH} of model id and text:
 * passage vectors (the ingest cache) and the sentence vectors stored ahead for answers ({@link
 * Fields#TYPE_SENTENCE}). One term lookup per text.
 */
public final class IndexedVectors implements KnownVectors {
  private final LuceneIndex index;

  /**
   * @param index the index read (its stamped model id is part of every key)
   */
  public IndexedVectors(LuceneIndex index) {
    this.index = index;
  }

  /** By text: the vectors stored for those of {@code texts} the index holds. */
  @Override
  public Map<String, float[]> find(Collection<String> texts) {
    Map<String, String> keys = new HashMap<>();
    for (String t : texts) {
      keys.put(Documents.textHash(index.modelId(), t), t);
    }
    Map<String, float[]> out = new HashMap<>();
    byKey(index, keys.keySet()).forEach((k, v) -> out.put(keys.get(k), v));
    return out;
  }

  /**
   * By cache key ({@link Documents#textHash}): the vectors stored for those of {@code keys} the
   * index holds. A cache: a read failure answers fewer (or no) vectors, never an error.
   */
  static Map<String, float[]> byKey(LuceneIndex index, Collection<String> keys) {
    Map<String, float[]> found = new HashMap<>();
    try (SearcherLease lease = index.acquire()) {
      IndexSearcher s = lease.searcher();
      if (s == null) {
        return found;
      }
      for (String key : keys) {
        if (found.containsKey(key)) {
          continue;
        }
        TopDocs top = s.search(new TermQuery(new Term(Fields.TEXT_HASH, key)), 1);
        if (top.scoreDocs.length > 0) {
          Document d = s.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.VECTOR_BYTES));
          found.put(key, Documents.fromBytes(d.getBinaryValue(Fields.VECTOR_BYTES)));
        }
      }
    } catch (IOException e) {
      return found; // the cache is an optimisation; embed instead
    }
    return found;
  }
}
