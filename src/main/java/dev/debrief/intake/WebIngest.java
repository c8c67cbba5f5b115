package dev.debrief.intake;

import dev.debrief.fetch.FetchException;
import dev.debrief.fetch.FetchedPage;
import dev.debrief.fetch.SafeFetcher;
import dev.debrief.index.Indexer;
import dev.debrief.index.IngestResult;
import java.util.List;

/**
 * Fetches a URL with {@link SafeFetcher} and ingests it with {@link Indexer#ingestBytes}; the final
 * URL after redirects becomes a source of the report (the same content from a file or another URL
 * is one report with both sources) and, when the report has no web address of its own, its URL, so
 * citations link to (anchors and text fragments on) the live page. HTML goes through the same jsoup
 * extraction as files (navigation, headers, footers, asides, scripts and cookie banners dropped).
 */
public final class WebIngest {
  /**
   * @param url the URL given
   * @param finalUrl where it was fetched from after redirects ("" when the fetch failed)
   * @param reportId the id of the report the page is ("" when the fetch or the ingest failed)
   * @param result counts, or one failure naming the URL and the reason
   */
  public record Result(String url, String finalUrl, String reportId, IngestResult result) {
    /** True when the report is indexed (new, updated or unchanged). */
    public boolean ok() {
      return result.ok();
    }

    /** The first failure's reason, or "". */
    public String reason() {
      return result.failures().isEmpty() ? "" : result.failures().get(0).reason();
    }
  }

  private final SafeFetcher fetcher;
  private final Indexer indexer;

  public WebIngest(SafeFetcher fetcher, Indexer indexer) {
    this.fetcher = fetcher;
    this.indexer = indexer;
  }

  /**
   * Fetches and ingests one URL. Never throws for a bad URL or page: the reason is in the result.
   *
   * @param restrictTo channels to restrict the report to (see {@link Indexer#ingestBytes(String,
   *     String, byte[], List)}), or empty
   * @throws dev.debrief.index.IndexException when the index cannot be written
   */
  public Result ingest(String url, List<String> restrictTo) {
    FetchedPage page;
    try {
      page = fetcher.fetch(url);
    } catch (FetchException e) {
      return new Result(url, "", "", IngestResult.failure(url, e.getMessage()));
    }
    String source = page.url().toString();
    IngestResult r = indexer.ingestBytes(source, page.fileName(), page.body(), restrictTo);
    List<IngestResult.Failure> failures =
        r.failures().stream().map(f -> new IngestResult.Failure(url, f.reason())).toList();
    List<IngestResult.Indexed> indexed =
        r.indexed().stream()
            .map(
                i -> new IngestResult.Indexed(url, i.source(), i.reportId(), i.title(), i.status()))
            .toList();
    String reportId = r.outcome(source).map(IngestResult.Indexed::reportId).orElse("");
    return new Result(
        url,
        source,
        reportId,
        new IngestResult(
            r.added(),
            r.updated(),
            r.unchanged(),
            r.removed(),
            r.passages(),
            r.embedded(),
            r.cached(),
            failures,
            r.reportIds(),
            indexed,
            r.skipped()));
  }
}
