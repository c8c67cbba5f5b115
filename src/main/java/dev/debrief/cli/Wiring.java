package dev.debrief.cli;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.access.Uploads;
import dev.debrief.answer.AnswerComposer;
import dev.debrief.answer.AnswerService;
import dev.debrief.answer.Answerer;
import dev.debrief.answer.ExtractiveComposer;
import dev.debrief.answer.Library;
import dev.debrief.answer.QuestionAnalyzer;
import dev.debrief.answer.SentenceContexts;
import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.digest.DigestService;
import dev.debrief.digest.DigestSubscriptions;
import dev.debrief.digest.EventSummarizer;
import dev.debrief.digest.IngestLog;
import dev.debrief.embed.Embedder;
import dev.debrief.embed.EmbeddingModel;
import dev.debrief.fetch.HostResolver;
import dev.debrief.fetch.SafeFetcher;
import dev.debrief.http.SignIn;
import dev.debrief.index.Indexer;
import dev.debrief.index.LuceneIndex;
import dev.debrief.index.ReportCatalog;
import dev.debrief.intake.ReportIntake;
import dev.debrief.intake.WebIngest;
import dev.debrief.model.Hit;
import dev.debrief.model.SentenceTexts;
import dev.debrief.retrieve.HybridRetriever;
import dev.debrief.retrieve.RetrievalBackend;
import dev.debrief.retrieve.TermStatistics;
import dev.debrief.slack.SlackDigests;
import dev.debrief.solr.SolrAdmin;
import dev.debrief.solr.SolrConnection;
import dev.debrief.solr.SolrIndex;
import dev.debrief.state.FileStateStore;
import dev.debrief.state.StateStore;
import dev.debrief.web.AskSite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Builds Debrief's objects from a config, lazily (the embedding model loads only when needed). Not
 * thread-safe; build once, then share the built objects (which are).
 *
 * <p>The top-level assembly: the settings every part reads ({@link #withEnv}, {@link
 * #withWarnings}, {@link #withResolver}, {@link #withQueryCache}) and one composition root per
 * concern, to which each method here delegates: {@link StorageWiring} (index, Solr, embedder,
 * catalog, state), {@link AccessWiring} (signed links, uploads, access policy), {@link
 * IntakeWiring} (indexer, fetcher, intake), {@link LlmWiring} (LLM composer and briefs), {@link
 * AnswerWiring} (retrieval and answers), {@link DigestWiring} (digests, briefs, subscriptions) and
 * {@link WebWiring} (the ask site).
 *
 * <p>Why it is longer than 300 lines: it is the one public face of the wiring, used by every
 * command and by tests in other packages; each method is a documented one-line delegate, and the
 * work lives in the package-private wirings above.
 */
public final class Wiring implements AutoCloseable {
  /** Vector dimension of every embedding model. */
  public static final int DIMENSION = EmbeddingModel.DIMENSION;

  /** Entries of the embedder's query cache unless {@link #withQueryCache} says otherwise. */
  private static final int DEFAULT_QUERY_CACHE = 256;

  private final DebriefConfig config;
  private final Clock clock;
  private int queryCacheSize = DEFAULT_QUERY_CACHE;
  private Map<String, String> env = System.getenv();
  private Consumer<String> warnings = System.err::println;
  private HostResolver resolver = HostResolver.SYSTEM;
  private final StorageWiring storage;
  private final AccessWiring access;
  private final IntakeWiring intake;
  private final LlmWiring llm;
  private final AnswerWiring answers;
  private final DigestWiring digests;
  private final WebWiring web;

  /**
   * @param config settings
   * @param indexDir the index directory (overrides {@code index.dir})
   * @param clock time source
   */
  public Wiring(DebriefConfig config, Path indexDir, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.storage = new StorageWiring(this, indexDir);
    this.access = new AccessWiring(this, storage);
    this.intake = new IntakeWiring(this, storage, access);
    this.llm = new LlmWiring(this);
    this.answers = new AnswerWiring(this, storage, access, llm);
    this.digests = new DigestWiring(this, storage, access, llm);
    this.web = new WebWiring(this, storage, access);
  }

  /** Sets the embedder's query-cache size before first use (0 for benchmarks). */
  public Wiring withQueryCache(int size) {
    this.queryCacheSize = size;
    return this;
  }

  /** Uses {@code env} instead of the process environment for API keys (tests). */
  public Wiring withEnv(Map<String, String> env) {
    this.env = env;
    return this;
  }

  /** Where one-line warnings go (stderr by default). */
  public Wiring withWarnings(Consumer<String> sink) {
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

  /** The environment API keys and secrets are read from. */
  Map<String, String> env() {
    return env;
  }

  /** Where one-line warnings go. */
  Consumer<String> warnings() {
    return warnings;
  }

  /** The DNS web fetches use. */
  HostResolver resolver() {
    return resolver;
  }

  /** The embedder's query-cache size (entries). */
  int queryCacheSize() {
    return queryCacheSize;
  }

  /** The index (opened, model stamp checked). */
  public LuceneIndex index() {
    return storage.index();
  }

  /** True when {@code index.backend} is "solr". */
  public boolean onSolr() {
    return storage.onSolr();
  }

  /**
   * The SolrCloud client ({@code solr.*}, credentials from the environment); nothing is contacted
   * yet.
   */
  public SolrConnection solrConnection() {
    return storage.solrConnection();
  }

  /** The Solr report collection, opened and checked (reachable, present, same embedding model). */
  public SolrIndex solrIndex() {
    return storage.solrIndex();
  }

  /** {@code debrief solr init}: configsets, collections, model stamp. */
  public SolrAdmin solrAdmin(Consumer<String> out) {
    return storage.solrAdmin(out);
  }

  /** Where the library is, for messages: the index folder, or the Solr collection and its nodes. */
  public String libraryLocation() {
    return storage.libraryLocation();
  }

  /**
   * True when the library holds at least one report (Solr) or the index folder has a commit
   * (Lucene).
   */
  public boolean indexExists() {
    return storage.indexExists();
  }

  /** The embedding model (loaded on first use, about a second). */
  public Embedder embedder() {
    return storage.embedder();
  }

  /** The catalog of indexed reports. */
  public ReportCatalog catalog() {
    return storage.catalog();
  }

  /**
   * The indexer. On Lucene the index's write lock is taken first, before the embedding model loads,
   * so a second writer is refused at once (an {@link dev.debrief.index.IndexException} naming the
   * holder). Folder walks never enter the Lucene index folder or the Slack state folder.
   */
  public Indexer indexer() {
    return intake.indexer();
  }

  /**
   * The sentence texts the indexer embeds ahead for answers: {@link SentenceContexts} on Lucene,
   * none on SolrCloud (which does not store them).
   */
  public SentenceTexts sentenceTexts() {
    return intake.sentenceTexts();
  }

  /** The SSRF-safe web fetcher ({@code access.allowHosts}, {@code access.maxDownloadBytes}). */
  public SafeFetcher fetcher() {
    return intake.fetcher();
  }

  /** Fetch a URL and ingest it. */
  public WebIngest webIngest() {
    return intake.webIngest();
  }

  /**
   * Signs viewer links to restricted reports ({@code DEBRIEF_LINK_SECRET}, {@code
   * access.signedLinkHours}).
   */
  public SignedLinks signedLinks() {
    return access.signedLinks();
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
    return storage.stateStore();
  }

  /**
   * Who added which report from Slack: on Solr in the shared {@link #stateStore()}, else in {@code
   * access.uploadsFile}.
   */
  public Uploads uploads() {
    return access.uploads();
  }

  /**
   * The access policy for Slack questions.
   *
   * @param membership channel member lookup (Slack conversations.members)
   */
  public AccessPolicy accessPolicy(AccessPolicy.Membership membership) {
    return access.accessPolicy(membership);
  }

  /** Adds and removes reports for people (Slack uploads, /debrief add and remove). */
  public ReportIntake intake() {
    return intake.intake();
  }

  /** Citation link builder (viewer links to restricted reports are signed). */
  public CitationLinks links() {
    return access.links();
  }

  /** What retrieval and term statistics read: the Lucene index or the Solr collection. */
  public RetrievalBackend retrievalBackend() {
    return storage.retrievalBackend();
  }

  /** The hybrid retriever. */
  public HybridRetriever retriever() {
    return answers.retriever();
  }

  /** Term analysis and IDF over the index. */
  public TermStatistics termStatistics() {
    return answers.termStatistics();
  }

  /** What the library holds, for question analysis (refreshed when the index changes). */
  public Library library() {
    return answers.library();
  }

  /** Reads questions: events, editions, names, subject. */
  public QuestionAnalyzer questionAnalyzer() {
    return answers.questionAnalyzer();
  }

  /** The offline extractive composer. */
  public ExtractiveComposer extractive() {
    return answers.extractive();
  }

  /**
   * The composer chosen by {@code answer.provider} (extractive unless an LLM is configured and
   * usable).
   */
  public AnswerComposer composer() {
    return answers.composer();
  }

  /**
   * The ask page, library and sign-in for the web side ({@code web.auth}).
   *
   * @param signIn Sign in with Slack, or null for {@code web.auth: none}
   * @param membership channel member lookup for signed-in people, or null for {@code web.auth:
   *     none}
   */
  public AskSite askSite(SignIn signIn, AccessPolicy.Membership membership) {
    return askSite(signIn, membership, answerer());
  }

  /** Like {@link #askSite(SignIn, AccessPolicy.Membership)}, answering with {@code answerer}. */
  public AskSite askSite(SignIn signIn, AccessPolicy.Membership membership, Answerer answerer) {
    return web.askSite(signIn, membership, answerer);
  }

  /** Retrieval plus the configured composer. */
  public AnswerService answerer() {
    return answers.answerer();
  }

  /**
   * Retrieval as answers do it (question analysis, event scope, follow-up sections), with one
   * choice of lists: for {@code debrief eval}, so recall@k measures what the composer is given.
   */
  public BiFunction<String, Integer, List<Hit>> scopedRetrieval(HybridRetriever.Mode mode) {
    return answers.scopedRetrieval(mode);
  }

  /** The ingest log inside the index folder (failures shown by digests). */
  public IngestLog ingestLog() {
    return digests.ingestLog();
  }

  /** Digests of what is new in a window. */
  public DigestService digestService() {
    return digests.digestService();
  }

  /**
   * Event briefs; rewritten by the configured LLM (map-reduce, verified citations) when {@code
   * answer.provider} names one that is usable, else extractive.
   */
  public EventSummarizer eventSummarizer() {
    return digests.eventSummarizer();
  }

  /** Where digest subscriptions are stored ({@code digest.subscriptionsFile}). */
  public Path subscriptionsFile() {
    return digests.subscriptionsFile();
  }

  /**
   * The digest subscriptions: on Solr in the shared {@link #stateStore()}, else read from {@link
   * #subscriptionsFile()}.
   */
  public DigestSubscriptions digestSubscriptions() {
    return digests.digestSubscriptions();
  }

  /** Digests, event briefs and subscriptions for the Slack app. */
  public SlackDigests slackDigests() {
    return digests.slackDigests();
  }

  /**
   * Closes what was made: the fetcher and its timer, the LLM attempt pool, then the embedder, the
   * index, the state store and the Solr client.
   */
  @Override
  public void close() {
    intake.close();
    llm.close();
    storage.close();
  }
}
