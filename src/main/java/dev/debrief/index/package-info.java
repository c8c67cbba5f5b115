/**
 * The Lucene index on disk: one document per passage (BM25 text fields, a 384-dimension kNN vector,
 * filter fields) and one per report (its stored JSON). {@link dev.debrief.index.Fields} names every
 * field; {@link dev.debrief.index.LuceneIndex} owns the directory, the single writer and the
 * searcher; {@link dev.debrief.index.Indexer} turns files into indexed reports and writes them
 * through a {@link dev.debrief.index.ReportWriter} ({@link dev.debrief.index.LuceneReportWriter}
 * here, SolrCloud in {@code dev.debrief.solr}); {@link dev.debrief.index.ReportCatalog} is the read
 * side. Lucene types stay inside this package and {@code dev.debrief.retrieve}.
 */
package dev.debrief.index;
