package dev.debrief.config;

import dev.debrief.embed.EmbeddingModel;
import dev.debrief.model.AnswerProvider;
import java.util.List;

/**
 * Checks a {@link DebriefConfig}'s ranges and enumerations; the first bad value is a {@link
 * ConfigException} naming the origin, the dotted key and the value.
 */
final class ConfigValidation {
  private ConfigValidation() {}

  /**
   * Checks ranges and enumerations of {@code c}.
   *
   * @param origin a name for messages (the file path)
   * @throws ConfigException naming the first bad value
   */
  static void validate(DebriefConfig c, String origin) {
    DebriefConfig.Index index = c.index;
    DebriefConfig.Solr solr = c.solr;
    DebriefConfig.Embedding embedding = c.embedding;
    DebriefConfig.Ingest ingest = c.ingest;
    DebriefConfig.Retrieve retrieve = c.retrieve;
    DebriefConfig.AnswerSettings answer = c.answer;
    DebriefConfig.Web web = c.web;
    DebriefConfig.Slack slack = c.slack;
    DebriefConfig.Access access = c.access;
    require(index.dir != null && !index.dir.isBlank(), origin, "index.dir must not be empty");
    require(
        List.of("lucene", "solr").contains(index.backend),
        origin,
        "index.backend must be \"lucene\" or \"solr\", got \"" + index.backend + "\"");
    if ("solr".equals(index.backend)) {
      require(
          !solr.urls.isEmpty(),
          origin,
          "solr.urls must name at least one Solr node, e.g." + " [\"http://localhost:8983/solr\"]");
      for (String url : solr.urls) {
        require(
            url != null && url.matches("https?://[^/\\s]+(/.*)?"),
            origin,
            "solr.urls must be http(s) URLs of Solr nodes such as http://localhost:8983/solr, got \""
                + url
                + "\"");
      }
    }
    require(
        solr.collection != null && solr.collection.matches("[A-Za-z0-9_.-]{1,100}"),
        origin,
        "solr.collection must be a Solr collection name (letters, digits, _ . -), got \""
            + solr.collection
            + "\"");
    require(
        solr.stateCollection != null
            && solr.stateCollection.matches("[A-Za-z0-9_.-]{1,100}")
            && !solr.stateCollection.equals(solr.collection),
        origin,
        "solr.stateCollection must be a Solr collection name other than solr.collection, got \""
            + solr.stateCollection
            + "\"");
    require(
        solr.connectTimeoutMillis >= 1 && solr.requestTimeoutMillis >= 1,
        origin,
        "solr.connectTimeoutMillis and solr.requestTimeoutMillis must be >= 1");
    require(
        solr.attempts >= 1 && solr.attempts <= 10,
        origin,
        "solr.attempts must be in 1..10, got " + solr.attempts);
    require(
        solr.backoffMillis >= 0 && solr.backoffMillis <= 60_000,
        origin,
        "solr.backoffMillis must be in 0..60000, got " + solr.backoffMillis);
    require(
        EmbeddingModel.ids().contains(embedding.model),
        origin,
        "embedding.model must be one of "
            + EmbeddingModel.ids()
            + ", got \""
            + embedding.model
            + "\"");
    require(
        embedding.workers >= 0 && embedding.workers <= 64,
        origin,
        "embedding.workers must be in 0..64, got " + embedding.workers);
    require(
        ingest.passageMinWords >= 10 && ingest.passageMinWords <= ingest.passageMaxWords,
        origin,
        "ingest.passageMinWords must be in 10..passageMaxWords, got " + ingest.passageMinWords);
    require(
        ingest.commitIntervalMillis >= 0,
        origin,
        "ingest.commitIntervalMillis must be >= 0, got " + ingest.commitIntervalMillis);
    require(
        ingest.passageMaxWords <= 1000,
        origin,
        "ingest.passageMaxWords must be <= 1000, got " + ingest.passageMaxWords);
    require(
        retrieve.k >= 1 && retrieve.k <= 100,
        origin,
        "retrieve.k must be in 1..100, got " + retrieve.k);
    require(
        retrieve.bm25Depth >= 1 && retrieve.knnDepth >= 1, origin, "retrieve depths must be >= 1");
    require(retrieve.rrfK >= 1, origin, "retrieve.rrfK must be >= 1, got " + retrieve.rrfK);
    require(
        retrieve.maxQueryTerms >= 1 && retrieve.maxQueryTerms <= 512,
        origin,
        "retrieve.maxQueryTerms must be in 1..512, got " + retrieve.maxQueryTerms);
    require(
        AnswerProvider.find(answer.provider).isPresent(),
        origin,
        "answer.provider must be extractive, openai, anthropic or gemini, got \""
            + answer.provider
            + "\"");
    require(
        answer.timeoutSeconds >= 1,
        origin,
        "answer.timeoutSeconds must be >= 1, got " + answer.timeoutSeconds);
    require(
        answer.passages >= 1 && answer.passages <= 50,
        origin,
        "answer.passages must be in 1..50, got " + answer.passages);
    require(
        answer.maxSentences >= 1 && answer.maxSentences <= 10,
        origin,
        "answer.maxSentences must be in 1..10, got " + answer.maxSentences);
    require(
        answer.contextWindow >= 512,
        origin,
        "answer.contextWindow must be >= 512, got " + answer.contextWindow);
    require(
        web.port >= 0 && web.port <= 65535,
        origin,
        "web.port must be in 0..65535, got " + web.port);
    require(
        List.of("none", "slack").contains(web.auth),
        origin,
        "web.auth must be \"none\" or \"slack\", got \"" + web.auth + "\"");
    require(
        web.publicBaseUrl != null && web.publicBaseUrl.matches("https?://.+"),
        origin,
        "web.publicBaseUrl must be an http(s) URL, got \"" + web.publicBaseUrl + "\"");
    require(slack.maxQuestionChars >= 100, origin, "slack.maxQuestionChars must be >= 100");
    require(
        slack.stateDir != null && !slack.stateDir.isBlank(),
        origin,
        "slack.stateDir must not be empty");
    require(
        slack.threadMemoryDays >= 1,
        origin,
        "slack.threadMemoryDays must be >= 1, got " + slack.threadMemoryDays);
    require(access.maxDownloadBytes >= 1, origin, "access.maxDownloadBytes must be >= 1");
    require(
        access.signedLinkHours >= 1,
        origin,
        "access.signedLinkHours must be >= 1, got " + access.signedLinkHours);
    require(
        access.membershipCacheSeconds >= 0, origin, "access.membershipCacheSeconds must be >= 0");
    require(
        access.uploadsFile != null && !access.uploadsFile.isBlank(),
        origin,
        "access.uploadsFile must not be empty");
    require(
        access.connectTimeoutSeconds >= 1 && access.readTimeoutSeconds >= 1,
        origin,
        "access.connectTimeoutSeconds and access.readTimeoutSeconds must be >= 1");
  }

  private static void require(boolean ok, String origin, String message) {
    if (!ok) {
      throw new ConfigException(origin + ": " + message);
    }
  }
}
