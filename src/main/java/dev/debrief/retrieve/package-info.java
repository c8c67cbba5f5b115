/**
 * Retrieval: hybrid search. BM25 over passage text, headings and titles (Robertson &amp; Zaragoza
 * 2009) and kNN over MiniLM vectors, fused by reciprocal rank fusion (Cormack, Clarke &amp;
 * Büttcher, SIGIR 2009). {@link dev.debrief.retrieve.HybridRetriever} is backend-neutral (query
 * terms, fusion, the rare-term pin, hits); {@link dev.debrief.retrieve.RetrievalBackend} is what it
 * asks an index for, implemented here over the Lucene index ({@link
 * dev.debrief.retrieve.LuceneRetrievalBackend}: Lucene HNSW or an exact scan). User text never
 * reaches a query syntax: it is analyzed into terms and the query is built from {@code TermQuery}
 * objects. A hit's link comes from {@link dev.debrief.cite.CitationLinks}; retrieval itself signs
 * nothing.
 */
package dev.debrief.retrieve;
