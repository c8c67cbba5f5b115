package dev.debrief.cli;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.access.Uploads;
import dev.debrief.answer.AnswerComposer;
import dev.debrief.answer.AnswerService;
import dev.debrief.answer.AnswerWriter;
import dev.debrief.answer.Answerer;
import dev.debrief.answer.EvidenceSelector;
import dev.debrief.answer.ExtractiveComposer;
import dev.debrief.answer.Library;
import dev.debrief.answer.NameCheck;
import dev.debrief.answer.QuestionAnalyzer;
import dev.debrief.answer.RefusalPolicy;
import dev.debrief.answer.Synonyms;
import dev.debrief.cite.CitationLinks;
import dev.debrief.cite.CitationVerifier;
import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.DigestSubscriptions;
import dev.debrief.digest.EventSummarizer;
import dev.debrief.digest.IngestLog;
import dev.debrief.digest.LlmBrief;
import dev.debrief.embed.Embedder;
import dev.debrief.embed.EmbeddingModel;
import dev.debrief.embed.OnnxEmbedder;
import dev.debrief.embed.Vocabulary;
import dev.debrief.fetch.HostResolver;
import dev.debrief.fetch.SafeFetcher;
import dev.debrief.index.Indexer;
import dev.debrief.index.LuceneIndex;
import dev.debrief.index.LuceneReportWriter;
import dev.debrief.index.ReportCatalog;
import dev.debrief.index.ReportStore;
import dev.debrief.index.ReportWriter;
import dev.debrief.ingest.ReportReader;
import dev.debrief.intake.ReportIntake;
import dev.debrief.intake.WebIngest;
import dev.debrief.llm.LlmBriefModel;
import dev.debrief.llm.LlmClient;
import dev.debrief.llm.LlmProviders;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.retrieve.LuceneRetrievalBackend;
import dev.debrief.retrieve.RetrievalBackend;
import dev.debrief.retrieve.Retriever;
import dev.debrief.retrieve.TermStatistics;
import dev.debrief.slack.SlackDigests;
import dev.debrief.solr.SolrAdmin;
import dev.debrief.solr.SolrConnection;
import dev.debrief.solr.SolrIndex;
import dev.debrief.solr.SolrReportCatalog;
import dev.debrief.solr.SolrReportWriter;
import dev.debrief.solr.SolrRetrievalBackend;
import dev.debrief.solr.SolrStateStore;
import dev.debrief.state.FileStateStore;
import dev.debrief.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds Debrief's objects from a config, lazily (the embedding model loads only when needed). Not
 * thread-safe; build once, then share the built objects (which are).
 */
public final class Wiring implements AutoCloseable {
  /** Vector dimension of every embedding model. */
  public static final int DIMENSION = EmbeddingModel.DIMENSION;

  private final DebriefConfig config;
  private final Path indexDir;
  private final Clock clock;
  private int queryCacheSize = 256;
  private java.util.Map<String, String> env = System.getenv();
  private java.util.function.Consumer<String> warnings = System.err::println;
  private LuceneIndex index;
  private SolrConnection solrConnection;
  private SolrIndex solrIndex;
  private Embedder embedder;
  private HybridRetriever retriever;
  private RetrievalBackend retrievalBackend;
  private ExtractiveComposer extractive;
  private AnswerService answerer;
  private Library library;
  private QuestionAnalyzer questionAnalyzer;
  private AnswerComposer composer;
  private DigestService digestService;
  private EventSummarizer eventSummarizer;
  private DigestSubscriptions subscriptions;
  private HostResolver resolver = HostResolver.SYSTEM;
  private SafeFetcher fetcher;

  /** Runs LLM attempts (made on first use, shut down by {@link #close()}). */
  private java.util.concurrent.ExecutorService llmAttempts;

  /** The fetcher's body deadlines (made on first use, shut down by {@link #close()}). */
  private java.util.concurrent.ScheduledExecutorService fetchTimer;

  private SignedLinks signedLinks;
  private StateStore stateStore;

  /**
   * @param config settings
   * @param indexDir the index directory (overrides {@code index.dir})
   * @param clock time source
   */
  public Wiring(DebriefConfig config, Path indexDir, Clock clock) {
    this.config = config;
    this.indexDir = indexDir;
    this.clock = clock;
  }

  /** Sets the embedder's query-cache size before first use (0 for benchmarks). */
  public Wiring withQueryCache(int size) {
    this.queryCacheSize = size;
    return this;
  }

  /** Uses {@code env} instead of the process environment for API keys (tests). */
  public Wiring withEnv(java.util.Map<String, String> env) {
    this.env = env;
    return this;
  }

  /** Where one-line warnings go (stderr by default). */
  public Wiring withWarnings(java.util.function.Consumer<String> sink) {
    this.warnings = sink;
    return this;
  }

  /** Uses {@code resolver} for web fetches instead of the system's DNS (tests). */
  public Wiring withResolver(HostResolver resolver) {
    this.resolver = resolver;
    return this;
  }

  /** The config. */
  public DebriefConfig config() {
    return config;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The index (opened, model stamp checked). */
  public LuceneIndex index() {
    if (index == null) {
      index = new LuceneIndex(indexDir, config.embedding.model, DIMENSION);
    }
    return index;
  }

  /** True when {@code index.backend} is "solr". */
  public boolean onSolr() {
    return "solr".equals(config.index.backend);
  }

  /**
   * The SolrCloud client ({@code solr.*}, credentials from the environment); nothing is contacted
   * yet.
   */
  public SolrConnection solrConnection() {
    if (solrConnection == null) {
      solrConnection =
          new SolrConnection(
              SolrConnection.Settings.of(config.solr, env), SolrConnection.Sleeper.THREAD);
    }
    return solrConnection;
  }

  /** The Solr report collection, opened and checked (reachable, present, same embedding model). */
  public SolrIndex solrIndex() {
    if (solrIndex == null) {
      solrIndex = SolrIndex.open(solrConnection(), config.embedding.model, DIMENSION, clock);
    }
    return solrIndex;
  }

  /** {@code debrief solr init}: configsets, collections, model stamp. */
  public SolrAdmin solrAdmin(java.util.function.Consumer<String> out) {
    return new SolrAdmin(solrConnection(), out);
  }

  /**
   * True when the configured backend holds an index (Lucene: a commit exists; Solr: a report is
   * indexed).
   */
  /** Where the library is, for messages: the index folder, or the Solr collection and its nodes. */
  public String libraryLocation() {
    return onSolr()
        ? "Solr collection " + config.solr.collection + " at " + String.join(", ", config.solr.urls)
        : indexDir.toAbsolutePath().normalize().toString();
  }

  /**
   * True when the library holds at least one report (Solr) or the index folder has a commit
   * (Lucene).
   */
  public boolean indexExists() {
    return onSolr() ? solrIndex().reportCount() > 0 : index().exists();
  }

  /** The embedding model (loaded on first use, about a second). */
  public Embedder embedder() {
    if (embedder == null) {
      if (onSolr()) {
        solrIndex(); // fail fast on an unreachable cluster or a model mismatch before loading the
        // model
      } else {
        index(); // fail fast on a model mismatch before loading the model
      }
      embedder = new OnnxEmbedder(config.embedding.model, config.embedding.workers, queryCacheSize);
    }
    return embedder;
  }

  /** The catalog of indexed reports. */
  public ReportCatalog catalog() {
    return onSolr() ? new SolrReportCatalog(solrIndex(), clock) : new ReportStore(index());
  }

  /**
   * The indexer. On Lucene the index's write lock is taken first, before the embedding model loads,
   * so a second writer is refused at once (an {@link dev.debrief.index.IndexException} naming the
   * holder). Folder walks never enter the Lucene index folder or the Slack state folder.
   */
  public Indexer indexer() {
    ReportWriter store;
    List<Path> neverWalk = new java.util.ArrayList<>(List.of(Path.of(config.slack.stateDir)));
    if (onSolr()) {
      store = new SolrReportWriter(solrIndex());
    } else {
      index().writer();
      store = new LuceneReportWriter(index());
      neverWalk.add(index().dir());
    }
    return new Indexer(
        store,
        new ReportReader(config.ingest),
        embedder(),
        clock,
        config.ingest.maxFileBytes,
        config.ingest.commitIntervalMillis,
        neverWalk);
  }

  /** The SSRF-safe web fetcher ({@code access.allowHosts}, {@code access.maxDownloadBytes}). */
  public SafeFetcher fetcher() {
    if (fetcher == null) {
      fetcher =
          new SafeFetcher(
              new SafeFetcher.Settings(
                  Duration.ofSeconds(config.access.connectTimeoutSeconds),
                  Duration.ofSeconds(config.access.readTimeoutSeconds),
                  config.access.maxDownloadBytes,
                  config.access.allowHosts),
              resolver,
              fetchTimer());
    }
    return fetcher;
  }

  private java.util.concurrent.ScheduledExecutorService fetchTimer() {
    if (fetchTimer == null) {
      fetchTimer = SafeFetcher.newTimer();
    }
    return fetchTimer;
  }

  /** The pool every LLM client's attempts run on; shut down by {@link #close()}. */
  private java.util.concurrent.ExecutorService llmAttempts() {
    if (llmAttempts == null) {
      llmAttempts = LlmClient.newAttemptPool();
    }
    return llmAttempts;
  }

  /** Fetch a URL and ingest it. */
  public WebIngest webIngest() {
    return new WebIngest(fetcher(), indexer());
  }

  /**
   * Signs viewer links to restricted reports ({@code DEBRIEF_LINK_SECRET}, {@code
   * access.signedLinkHours}).
   */
  public SignedLinks signedLinks() {
    if (signedLinks == null) {
      signedLinks =
          SignedLinks.fromEnv(
              env, clock, Duration.ofHours(config.access.signedLinkHours), warnings);
    }
    return signedLinks;
  }

  /**
   * The state {@code serve} keeps across restarts (event claims, answers in progress, thread
   * memory, the digest lease): with {@code index.backend = solr} the state collection ({@code
   * solr.stateCollection}), shared by every replica; else a {@link FileStateStore} in {@code
   * slack.stateDir}, owned by this process.
   *
   * @throws dev.debrief.state.StateException when the folder is held by another process, or the
   *     cluster or the state collection is absent
   */
  public StateStore stateStore() {
    if (stateStore == null) {
      stateStore =
          onSolr()
              ? SolrStateStore.open(solrConnection(), clock)
              : new FileStateStore(Path.of(config.slack.stateDir), clock);
    }
    return stateStore;
  }

  /**
   * Who added which report from Slack: on Solr in the shared {@link #stateStore()}, else in {@code
   * access.uploadsFile}.
   */
  public Uploads uploads() {
    return onSolr() ? new Uploads(stateStore()) : new Uploads(Path.of(config.access.uploadsFile));
  }

  /**
   * The access policy for Slack questions.
   *
   * @param membership channel member lookup (Slack conversations.members)
   */
  public AccessPolicy accessPolicy(AccessPolicy.Membership membership) {
    ReportCatalog catalog = catalog();
    return new AccessPolicy(
        () -> catalog.list().stream().flatMap(r -> r.meta().channels().stream()).toList(),
        membership,
        clock,
        Duration.ofSeconds(config.access.membershipCacheSeconds),
        warnings);
  }

  /** Adds and removes reports for people (Slack uploads, /debrief add and remove). */
  public ReportIntake intake() {
    return new ReportIntake(
        this::indexer,
        this::webIngest,
        catalog(),
        uploads(),
        links(),
        config.slack.admins,
        clock,
        config.access.maxDownloadBytes);
  }

  /** Citation link builder (viewer links to restricted reports are signed). */
  public CitationLinks links() {
    return new CitationLinks(config.web.publicBaseUrl, signedLinks());
  }

  /** What retrieval and term statistics read: the Lucene index or the Solr collection. */
  public RetrievalBackend retrievalBackend() {
    if (retrievalBackend == null) {
      retrievalBackend =
          onSolr() ? new SolrRetrievalBackend(solrIndex()) : new LuceneRetrievalBackend(index());
    }
    return retrievalBackend;
  }

  /** The hybrid retriever. */
  public HybridRetriever retriever() {
    if (retriever == null) {
      retriever =
          new HybridRetriever(
              retrievalBackend(),
              embedder(),
              links(),
              config.retrieve.rrfK,
              config.retrieve.bm25Depth,
              config.retrieve.knnDepth,
              config.retrieve.maxQueryTerms,
              config.retrieve.vectorWeight);
    }
    return retriever;
  }

  /** Term analysis and IDF over the index. */
  public TermStatistics termStatistics() {
    return new TermStatistics(retrievalBackend());
  }

  /** What the library holds, for question analysis (refreshed when the index changes). */
  public Library library() {
    if (library == null) {
      dev.debrief.index.ReportCatalog catalog = catalog();
      RetrievalBackend backend = retrievalBackend();
      library =
          new Library(
              catalog::list,
              backend::passageCount,
              Vocabulary.of(EmbeddingModel.of(config.embedding.model)),
              clock);
    }
    return library;
  }

  /** Reads questions: events, editions, names, subject. */
  public QuestionAnalyzer questionAnalyzer() {
    if (questionAnalyzer == null) {
      Library lib = library();
      questionAnalyzer = new QuestionAnalyzer(termStatistics(), Synonyms.standard(), lib::events);
    }
    return questionAnalyzer;
  }

  /** The offline extractive composer. */
  public ExtractiveComposer extractive() {
    if (extractive == null) {
      extractive =
          new ExtractiveComposer(
              questionAnalyzer(),
              new EvidenceSelector(embedder(), termStatistics(), EvidenceSelector.Weights.DEFAULT),
              RefusalPolicy.DEFAULT,
              new AnswerWriter(links()),
              config.answer.maxSentences);
    }
    return extractive;
  }

  /**
   * The composer chosen by {@code answer.provider} (extractive unless an LLM is configured and
   * usable).
   */
  public AnswerComposer composer() {
    if (composer == null) {
      LlmProviders.ComposerSetup setup =
          LlmProviders.composer(
              config.answer, env, embedder(), extractive(), clock, true, llmAttempts());
      setup.warning().ifPresent(warnings);
      composer = setup.composer();
    }
    return composer;
  }

  /**
   * The ask page, library and sign-in for the web side ({@code web.auth}).
   *
   * @param signIn Sign in with Slack, or null for {@code web.auth: none}
   * @param membership channel member lookup for signed-in people, or null for {@code web.auth:
   *     none}
   */
  public dev.debrief.web.AskSite askSite(
      dev.debrief.http.SignIn signIn, AccessPolicy.Membership membership) {
    return askSite(signIn, membership, answerer());
  }

  /**
   * Like {@link #askSite(dev.debrief.http.SignIn, AccessPolicy.Membership)}, answering with {@code
   * answerer}.
   */
  public dev.debrief.web.AskSite askSite(
      dev.debrief.http.SignIn signIn, AccessPolicy.Membership membership, Answerer answerer) {
    boolean slack = "slack".equals(config.web.auth);
    dev.debrief.web.Sessions sessions =
        slack ? new dev.debrief.web.Sessions(sessionKey(), clock) : null;
    return new dev.debrief.web.AskSite(
        answerer,
        catalog(),
        config.web.publicBaseUrl,
        slack ? dev.debrief.web.AskSite.Auth.SLACK : dev.debrief.web.AskSite.Auth.NONE,
        slack ? signIn : null,
        sessions,
        slack ? accessPolicy(membership) : null,
        index().dir().toAbsolutePath().toString());
  }

  /**
   * The key of web session cookies: derived from {@code DEBRIEF_LINK_SECRET} when set (sessions
   * survive a restart), else random for this process.
   */
  private byte[] sessionKey() {
    String secret = env.get(SignedLinks.ENV);
    if (secret != null && secret.strip().length() >= 32) {
      return dev.debrief.model.Hashes.sha256Hex("debrief web session\n" + secret.strip())
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return key;
  }

  /** Retrieval plus the configured composer. */
  public AnswerService answerer() {
    if (answerer == null) {
      answerer = answerService(retriever(), composer());
    }
    return answerer;
  }

  private AnswerService answerService(Retriever r, AnswerComposer c) {
    return new AnswerService(
        r,
        c,
        questionAnalyzer(),
        new NameCheck(retrievalBackend(), termStatistics(), library()),
        config.answer.passages,
        config.slack.maxQuestionChars);
  }

  /**
   * Retrieval as answers do it (question analysis, event scope, follow-up sections), with one
   * choice of lists: for {@code debrief eval}, so recall@k measures what the composer is given.
   */
  public java.util.function.BiFunction<String, Integer, java.util.List<dev.debrief.model.Hit>>
      scopedRetrieval(HybridRetriever.Mode mode) {
    AnswerService s = answerService(retriever().withMode(mode), composer());
    return (q, k) -> s.retrieve(dev.debrief.model.Question.of(q), k);
  }

  /** The ingest log inside the index folder (failures shown by digests). */
  public IngestLog ingestLog() {
    return new IngestLog(indexDir);
  }

  /** Digests of what is new in a window. */
  public DigestService digestService() {
    if (digestService == null) {
      digestService = new DigestService(catalog(), embedder(), links(), ingestLog(), clock);
    }
    return digestService;
  }

  /**
   * Event briefs; rewritten by the configured LLM (map-reduce, verified citations) when {@code
   * answer.provider} names one that is usable, else extractive.
   */
  public EventSummarizer eventSummarizer() {
    if (eventSummarizer == null) {
      LlmBrief llm = null;
      if (config.answer.answerProvider().isLlm()) {
        LlmProviders.Setup setup =
            LlmProviders.create(config.answer, env, clock, true, llmAttempts());
        setup.warning().ifPresent(warnings);
        if (setup.client().isPresent()) {
          LlmClient client = setup.client().get();
          llm =
              new LlmBrief(
                  new LlmBriefModel(client),
                  new CitationVerifier(embedder()),
                  java.time.Duration.ofSeconds(config.answer.timeoutSeconds));
        }
      }
      eventSummarizer = new EventSummarizer(catalog(), embedder(), links(), llm);
    }
    return eventSummarizer;
  }

  /** Where digest subscriptions are stored ({@code digest.subscriptionsFile}). */
  public Path subscriptionsFile() {
    return Path.of(config.digest.subscriptionsFile);
  }

  /**
   * The digest subscriptions: on Solr in the shared {@link #stateStore()}, else read from {@link
   * #subscriptionsFile()}.
   */
  public DigestSubscriptions digestSubscriptions() {
    if (subscriptions == null) {
      subscriptions =
          onSolr()
              ? new DigestSubscriptions(stateStore(), clock)
              : new DigestSubscriptions(subscriptionsFile(), clock);
    }
    return subscriptions;
  }

  /** Digests, event briefs and subscriptions for the Slack app. */
  public SlackDigests slackDigests() {
    return new SlackDigests(
        digestService(),
        eventSummarizer(),
        digestSubscriptions(),
        clock,
        config.digest.defaultWindow);
  }

  @Override
  public void close() {
    if (fetcher != null) {
      fetcher.close();
    }
    if (fetchTimer != null) {
      fetchTimer.shutdownNow();
    }
    if (llmAttempts != null) {
      llmAttempts.shutdownNow();
    }
    if (embedder != null) {
      embedder.close();
    }
    if (index != null) {
      index.close();
    }
    if (stateStore != null) {
      stateStore.close();
    }
    if (solrConnection != null) {
      solrConnection.close();
    }
  }
}
