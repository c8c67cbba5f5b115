/**
 * State that must survive a restart of {@code debrief serve}, independent of Slack's SDK: the
 * {@link dev.debrief.state.StateStore} interface (insert-if-absent, versioned read and
 * compare-and-set, put and remove, each record with an expiry: the operations a document store with
 * optimistic concurrency such as SolrCloud offers), its embedded implementation {@link
 * dev.debrief.state.FileStateStore} (a journal forced to disk) and {@link
 * dev.debrief.state.MemoryStateStore}, and the three kinds of record Debrief keeps: {@link
 * dev.debrief.state.EventClaims} (Slack event ids taken), {@link dev.debrief.state.PendingAnswers}
 * (messages taken on and how far their answers got) and {@link dev.debrief.state.ThreadMemory}
 * (threads answered, with their questions); and {@link dev.debrief.state.Lease}, which lets one of
 * several processes sharing a store act alone (the scheduled-digest poster). The SolrCloud
 * implementation shared by replicas is {@code dev.debrief.solr.SolrStateStore}.
 */
package dev.debrief.state;
