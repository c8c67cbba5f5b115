/**
 * Plain records shared along the pipeline: {@link dev.debrief.model.Report reports} with their
 * {@link dev.debrief.model.Section sections} and {@link dev.debrief.model.Passage passages}, search
 * {@link dev.debrief.model.Hit hits}, and {@link dev.debrief.model.Answer answers} with {@link
 * dev.debrief.model.Citation citations}; and one seam, {@link dev.debrief.model.SentenceTexts}, by
 * which the answer side tells ingest which sentence texts to embed ahead. Records validate in their
 * constructors and name the bad value (in the manner of Lucene's {@code TotalHits}); nothing here
 * depends on Lucene, LangChain4j or Bolt.
 */
package dev.debrief.model;
