package dev.debrief.cli;

import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.DigestSubscriptions;
import dev.debrief.digest.EventSummarizer;
import dev.debrief.digest.IngestLog;
import dev.debrief.digest.LlmBrief;
import dev.debrief.slack.SlackDigests;
import java.nio.file.Path;

/**
 * Digests and event briefs: the ingest log, the digest service, the event summarizer (rewritten by
 * the LLM through {@link LlmWiring} when one is usable), the subscriptions, and their Slack side.
 * Not thread-safe (see {@link Wiring}).
 */
final class DigestWiring {
  private final Wiring root;
  private final DebriefConfig config;
  private final StorageWiring storage;
  private final AccessWiring access;
  private final LlmWiring llm;
  private DigestService digestService;
  private EventSummarizer eventSummarizer;
  private DigestSubscriptions subscriptions;

  /**
   * @param root the settings (clock)
   * @param storage the catalog, embedder and state store digests read
   * @param access the citation links digests carry
   * @param llm the LLM that rewrites event briefs
   */
  DigestWiring(Wiring root, StorageWiring storage, AccessWiring access, LlmWiring llm) {
    this.root = root;
    this.config = root.config();
    this.storage = storage;
    this.access = access;
    this.llm = llm;
  }

  IngestLog ingestLog() {
    return new IngestLog(storage.indexDir());
  }

  DigestService digestService() {
    if (digestService == null) {
      digestService =
          new DigestService(
              storage.catalog(), storage.embedder(), access.links(), ingestLog(), root.clock());
    }
    return digestService;
  }

  EventSummarizer eventSummarizer() {
    if (eventSummarizer == null) {
      LlmBrief brief = llm.brief(storage::embedder);
      eventSummarizer =
          new EventSummarizer(storage.catalog(), storage.embedder(), access.links(), brief);
    }
    return eventSummarizer;
  }

  Path subscriptionsFile() {
    return Path.of(config.digest.subscriptionsFile);
  }

  DigestSubscriptions digestSubscriptions() {
    if (subscriptions == null) {
      subscriptions =
          storage.onSolr()
              ? new DigestSubscriptions(storage.stateStore(), root.clock())
              : new DigestSubscriptions(subscriptionsFile(), root.clock());
    }
    return subscriptions;
  }

  SlackDigests slackDigests() {
    return new SlackDigests(
        digestService(),
        eventSummarizer(),
        digestSubscriptions(),
        root.clock(),
        config.digest.defaultWindow);
  }
}
