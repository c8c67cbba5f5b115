package dev.debrief.solr;

import dev.debrief.index.Documents;
import dev.debrief.index.Fields;
import dev.debrief.model.SearchFilters;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Filter queries ({@code fq}) and small query strings. User text never reaches Solr's query syntax:
 * values go through the {@code term}/{@code terms} query parsers or {@link
 * ClientUtils#escapeQueryChars}.
 */
final class SolrQueries {
  private SolrQueries() {}

  /** {@code {!term f=FIELD}VALUE}: one exact term, never parsed. */
  static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  /**
   * A filter query no document passes (a pure negative clause: Solr subtracts it from all
   * documents).
   */
  static final String NOTHING = "-*:*";

  /**
   * The filters of a passage search, as Solr filter queries: passages only, the event key, the
   * scope (a set of report ids, through the {@code terms} query parser like the Lucene backend's
   * TermInSetQuery), the report, the date range and the access rule (unrestricted reports or one of
   * the allowed channels) — the same clauses as the Lucene backend's filter query, applied by Solr
   * before ranking, to BM25 and kNN requests alike.
   */
  static List<String> passageFilters(SearchFilters f) {
    List<String> fq = new ArrayList<>();
    fq.add(term(Fields.TYPE, Fields.TYPE_PASSAGE));
    if (!f.event().isEmpty()) {
      fq.add(term(Fields.EVENT_KEY, Documents.eventKey(f.event())));
    }
    if (!f.scope().isEmpty()) {
      fq.add(scope(f.scope()));
    }
    if (!f.reportId().isEmpty()) {
      fq.add(term(Fields.REPORT_ID, f.reportId()));
    }
    if (!f.since().isEmpty()) {
      fq.add(Fields.DATE + ":[" + quoted(f.since()) + " TO *]");
    }
    if (f.allowedChannels() != null) {
      List<String> channels = new ArrayList<>();
      channels.add(Fields.CHANNEL_PUBLIC);
      for (String c : f.allowedChannels()) {
        if (!c.contains(",")) { // Slack channel ids never hold one; the terms parser splits on it
          channels.add(c);
        }
      }
      fq.add("{!terms f=" + Fields.CHANNEL + "}" + String.join(",", channels));
    }
    return fq;
  }

  /**
   * {@code {!terms f=report_id}ID,ID,...}: passages of these reports. Report ids are "r" and 12 hex
   * digits ({@code Report.idForSource}), so an id holding a comma (the terms parser's separator)
   * names no report and is left out; a scope left with no id lets nothing through, as an empty
   * TermInSetQuery does in Lucene.
   */
  static String scope(List<String> reportIds) {
    List<String> ids = reportIds.stream().filter(id -> !id.isEmpty() && !id.contains(",")).toList();
    return ids.isEmpty() ? NOTHING : "{!terms f=" + Fields.REPORT_ID + "}" + String.join(",", ids);
  }

  /** A quoted, escaped value for the standard query parser. */
  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Backslash-escapes every character the standard and edismax parsers treat as syntax. */
  static String escape(String value) {
    return ClientUtils.escapeQueryChars(value);
  }
}
