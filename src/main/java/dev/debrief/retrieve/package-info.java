/**
 * Retrieval: hybrid search over the Lucene index. BM25 over passage text, headings and titles (Robertson &amp;
 * Zaragoza 2009) and kNN over MiniLM vectors (Lucene HNSW), fused by reciprocal rank fusion (Cormack, Clarke
 * &amp; Büttcher, SIGIR 2009). User text never reaches Lucene's query syntax: it is analyzed into terms and
 * the query is built from {@code TermQuery} objects.
 */
package dev.debrief.retrieve;
