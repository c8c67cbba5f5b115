package dev.debrief.config;

import com.google.gson.GsonBuilder;
import dev.debrief.model.AnswerProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All of Debrief's settings, with defaults. The JSON file mirrors this class: top-level objects
 * {@code index}, {@code solr}, {@code embedding}, {@code ingest}, {@code retrieve}, {@code answer},
 * {@code web}, {@code slack}, {@code digest}, {@code access}; any key not declared here is rejected
 * with its dotted path.
 *
 * <p>Reading is done by {@link ConfigReader}, checking by {@link ConfigValidation}. Why it is
 * longer than 300 lines: it is the config's public shape, one documented field per setting.
 */
public final class DebriefConfig {
  /** Which index backend, and where the Lucene index lives. */
  public Index index = new Index();

  /**
   * The SolrCloud backend ({@code index.backend = "solr"}); credentials come from the environment.
   */
  public Solr solr = new Solr();

  /** The embedding model and how it runs. */
  public Embedding embedding = new Embedding();

  /** How reports are cut into passages. */
  public Ingest ingest = new Ingest();

  /** Hybrid retrieval. */
  public Retrieve retrieve = new Retrieve();

  /** Answer generation: extractive default or an LLM provider. */
  public AnswerSettings answer = new AnswerSettings();

  /** The HTTP server (viewer, health, metrics, Slack endpoint). */
  public Web web = new Web();

  /** Slack behaviour (tokens come from the environment, never from here). */
  public Slack slack = new Slack();

  /** Digests and event summaries. */
  public Digest digest = new Digest();

  /** Adding reports from Slack and the web; access control. */
  public Access access = new Access();

  /** Index backend and location. */
  public static final class Index {
    /**
     * "lucene" (the index on disk, default) or "solr" (SolrCloud, see {@link Solr} and
     * docs/scale-out.md).
     */
    public String backend = "lucene";

    /**
     * Directory of the Lucene index; a relative path is taken from the {@link DebriefHome} folder.
     */
    public String dir = "index/lucene";
  }

  /**
   * SolrCloud. User and password for Solr's BasicAuthPlugin come from {@code DEBRIEF_SOLR_USER} and
   * {@code DEBRIEF_SOLR_PASSWORD}, never from this file.
   */
  public static final class Solr {
    /**
     * Base URLs of one or more Solr nodes ({@code http://host:8983/solr}); the client learns the
     * rest of the cluster from them (SolrJ's HTTP cluster state provider). ZooKeeper hosts are not
     * accepted: see docs/scale-out.md.
     */
    public List<String> urls = new ArrayList<>(List.of("http://localhost:8983/solr"));

    /** The collection holding reports and passages. */
    public String collection = "debrief";

    /**
     * The collection for state shared by several Debrief replicas (created by {@code debrief solr
     * init}).
     */
    public String stateCollection = "debrief_state";

    /** Connect timeout per request, in milliseconds. */
    public int connectTimeoutMillis = 2_000;

    /** Time for a whole request (search, update, admin call), in milliseconds. */
    public int requestTimeoutMillis = 15_000;

    /** Tries per request before the library counts as unreachable (the first try included). */
    public int attempts = 4;

    /** Wait before the second try, in milliseconds; doubled before each further try. */
    public int backoffMillis = 250;
  }

  /** Embedding settings. */
  public static final class Embedding {
    /**
     * One of {@link dev.debrief.embed.EmbeddingModel#ids()}; e5-small-v2-q by default (README,
     * "Embedding models").
     */
    public String model = "e5-small-v2-q";

    /** Worker threads, each running ONNX with one intra-op thread; 0 means one per core. */
    public int workers = 0;
  }

  /** Passage cutting. */
  public static final class Ingest {
    /**
     * A passage is cut at the first block boundary after this many words (unless the section ends).
     */
    public int passageMinWords = 80;

    /**
     * Hard upper bound of words per passage (a single longer paragraph is cut at sentence ends).
     */
    public int passageMaxWords = 200;

    /** Files larger than this many bytes are refused. */
    public long maxFileBytes = 20L * 1024 * 1024;

    /** Longest time between index commits during an ingest run, in milliseconds. */
    public long commitIntervalMillis = 5_000;
  }

  /** Retrieval settings. */
  public static final class Retrieve {
    /** Default number of hits returned by search. */
    public int k = 5;

    /** How many BM25 hits enter fusion. */
    public int bm25Depth = 50;

    /** How many kNN hits enter fusion. */
    public int knnDepth = 50;

    /** The k constant of reciprocal rank fusion (Cormack et al. 2009 use 60). */
    public int rrfK = 60;

    /** Weight of the kNN list in reciprocal rank fusion (BM25's weight is 1). */
    public double vectorWeight = 1.0;

    /**
     * At most this many distinct terms of a question reach the BM25 query (far below
     * maxClauseCount).
     */
    public int maxQueryTerms = 64;
  }

  /** Answer settings. */
  public static final class AnswerSettings {
    /**
     * An {@link AnswerProvider} id: "extractive" (offline default), "openai", "anthropic" or
     * "gemini". Read it as the enum with {@link #answerProvider()}.
     */
    public String provider = AnswerProvider.EXTRACTIVE.id();

    /**
     * {@link #provider} as the enum: the one place the config's provider string is parsed.
     *
     * @throws IllegalArgumentException naming the bad value (a loaded config was validated already)
     */
    public AnswerProvider answerProvider() {
      return AnswerProvider.parse(provider);
    }

    /** Model name for the LLM provider ("" picks the provider's usual default). */
    public String model = "";

    /** Base URL for OpenAI-compatible servers (vLLM, llama.cpp, LM Studio, Ollama's /v1). */
    public String baseUrl = "";

    /** Sampling temperature for LLM answers. */
    public double temperature = 0.0;

    /** Maximum tokens the LLM may write. */
    public int maxOutputTokens = 600;

    /** The model's context window in tokens; the prompt is trimmed to fit. */
    public int contextWindow = 8192;

    /** One time budget in seconds for an LLM answer, retries included. */
    public int timeoutSeconds = 20;

    /** Passages handed to the answerer. */
    public int passages = 8;

    /** Sentences in an extractive answer: at most this many. */
    public int maxSentences = 5;

    /** Mark unsupported LLM sentences "unverified" instead of removing them. */
    public boolean markUnverified = false;
  }

  /** HTTP server settings. */
  public static final class Web {
    /**
     * Base URL under which the viewer is reachable; citation links use it when a report has no URL.
     */
    public String publicBaseUrl = "http://localhost:3000";

    /** Default port (overridden by --port or PORT). */
    public int port = 3000;

    /**
     * Who may use the ask page: "none" (anyone who reaches it; unrestricted reports only) or
     * "slack" (people sign in with Slack and get the reports of their channels too; needs
     * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_BOT_TOKEN).
     */
    public String auth = "none";
  }

  /** Slack settings. */
  public static final class Slack {
    /** JSON Lines file that 👍/👎 feedback is appended to. */
    public String feedbackLog = "index/feedback.jsonl";

    /** Longest question accepted, in characters; longer ones are trimmed with a note. */
    public int maxQuestionChars = 4000;

    /** Slack user ids allowed to remove any report. */
    public List<String> admins = new ArrayList<>();

    /**
     * Folder of the Slack state that survives restarts: event ids taken, answers in progress,
     * thread memory (dev.debrief.state); never walked by {@code ingest}.
     */
    public String stateDir = "index/slack-state";

    /**
     * How long Debrief remembers a thread it answered, so follow-ups there need no mention, in
     * days.
     */
    public int threadMemoryDays = 30;
  }

  /** Digest settings. */
  public static final class Digest {
    /** Where digest subscriptions are stored. */
    public String subscriptionsFile = "index/subscriptions.json";

    /** Default window of /digest without an argument. */
    public String defaultWindow = "24h";
  }

  /** Access control and web ingest. */
  public static final class Access {
    /** Hosts that may be fetched even though they resolve to private addresses. */
    public List<String> allowHosts = new ArrayList<>();

    /** Largest file or page accepted from Slack or the web, in bytes. */
    public long maxDownloadBytes = 20L * 1024 * 1024;

    /** How long a signed viewer link to a restricted report stays valid, in hours. */
    public int signedLinkHours = 168;

    /** How long a channel's member list is reused for DM access decisions, in seconds. */
    public int membershipCacheSeconds = 60;

    /** Who added which report from Slack (for /debrief remove). */
    public String uploadsFile = "index/uploads.json";

    /** Connect timeout of web fetches, in seconds. */
    public int connectTimeoutSeconds = 10;

    /** Time for a fetched page's response head, and again for its body, in seconds. */
    public int readTimeoutSeconds = 30;
  }

  /** All defaults. */
  public static DebriefConfig defaults() {
    return new DebriefConfig();
  }

  /**
   * Reads a config file. A missing file gives the defaults only when {@code optional} is true.
   *
   * @throws ConfigException on unreadable files, malformed JSON, unknown keys or bad values
   */
  public static DebriefConfig load(Path file, boolean optional) {
    return ConfigReader.load(file, optional);
  }

  /**
   * Parses config JSON.
   *
   * @param origin a name for messages (the file path)
   * @throws ConfigException on malformed JSON, unknown keys or bad values
   */
  public static DebriefConfig parse(String json, String origin) {
    return ConfigReader.parse(json, origin);
  }

  /**
   * Checks ranges and enumerations.
   *
   * @param origin a name for messages (the file path)
   * @throws ConfigException naming the first bad value
   */
  public void validate(String origin) {
    ConfigValidation.validate(this, origin);
  }

  /**
   * Makes the file and folder settings that are relative paths ({@code index.dir}, {@code
   * slack.feedbackLog}, {@code digest.subscriptionsFile}, {@code access.uploadsFile}) absolute
   * against {@code home}.
   */
  public void resolvePaths(DebriefHome home) {
    index.dir = home.resolve(index.dir).toString();
    slack.feedbackLog = home.resolve(slack.feedbackLog).toString();
    digest.subscriptionsFile = home.resolve(digest.subscriptionsFile).toString();
    access.uploadsFile = home.resolve(access.uploadsFile).toString();
  }

  /** The config as pretty JSON (for {@code debrief config}). */
  public String toJson() {
    return new GsonBuilder().setPrettyPrinting().create().toJson(this);
  }
}
