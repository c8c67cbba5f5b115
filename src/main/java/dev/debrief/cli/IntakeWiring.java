package dev.debrief.cli;

import dev.debrief.answer.SentenceContexts;
import dev.debrief.config.DebriefConfig;
import dev.debrief.fetch.SafeFetcher;
import dev.debrief.index.Indexer;
import dev.debrief.index.LuceneReportWriter;
import dev.debrief.index.ReportWriter;
import dev.debrief.ingest.ReportReader;
import dev.debrief.intake.ReportIntake;
import dev.debrief.intake.WebIngest;
import dev.debrief.model.SentenceTexts;
import dev.debrief.solr.SolrReportWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How reports get into the library: the indexer over the configured backend, the SSRF-safe web
 * fetcher and its deadline timer, web ingest, and the intake people use from Slack. {@link
 * #close()} closes the fetcher and shuts its timer down. Not thread-safe (see {@link Wiring}).
 */
final class IntakeWiring {
  private final Wiring root;
  private final DebriefConfig config;
  private final StorageWiring storage;
  private final AccessWiring access;
  private SafeFetcher fetcher;

  /** The fetcher's body deadlines (made on first use, shut down by {@link #close()}). */
  private ScheduledExecutorService fetchTimer;

  /**
   * @param root the settings (host resolver, clock)
   * @param storage the library the indexer writes to
   * @param access the uploads log and citation links intake uses
   */
  IntakeWiring(Wiring root, StorageWiring storage, AccessWiring access) {
    this.root = root;
    this.config = root.config();
    this.storage = storage;
    this.access = access;
  }

  Indexer indexer() {
    ReportWriter store;
    List<Path> neverWalk = new ArrayList<>(List.of(Path.of(config.slack.stateDir)));
    if (storage.onSolr()) {
      store = new SolrReportWriter(storage.solrIndex());
    } else {
      storage.index().writer();
      store = new LuceneReportWriter(storage.index());
      neverWalk.add(storage.index().dir());
    }
    return new Indexer(
        store,
        new ReportReader(config.ingest),
        storage.embedder(),
        root.clock(),
        config.ingest.maxFileBytes,
        config.ingest.commitIntervalMillis,
        neverWalk,
        sentenceTexts());
  }

  /** The sentence texts embedded ahead: none on SolrCloud, which does not store them. */
  SentenceTexts sentenceTexts() {
    return storage.onSolr() ? SentenceTexts.NONE : new SentenceContexts();
  }

  SafeFetcher fetcher() {
    if (fetcher == null) {
      fetcher =
          new SafeFetcher(
              new SafeFetcher.Settings(
                  Duration.ofSeconds(config.access.connectTimeoutSeconds),
                  Duration.ofSeconds(config.access.readTimeoutSeconds),
                  config.access.maxDownloadBytes,
                  config.access.allowHosts),
              root.resolver(),
              fetchTimer());
    }
    return fetcher;
  }

  private ScheduledExecutorService fetchTimer() {
    if (fetchTimer == null) {
      fetchTimer = SafeFetcher.newTimer();
    }
    return fetchTimer;
  }

  WebIngest webIngest() {
    return new WebIngest(fetcher(), indexer());
  }

  ReportIntake intake() {
    return new ReportIntake(
        this::indexer,
        this::webIngest,
        storage.catalog(),
        access.uploads(),
        access.links(),
        config.slack.admins,
        root.clock(),
        config.access.maxDownloadBytes);
  }

  /** Closes the fetcher, then shuts its timer down. */
  void close() {
    if (fetcher != null) {
      fetcher.close();
    }
    if (fetchTimer != null) {
      fetchTimer.shutdownNow();
    }
  }
}
