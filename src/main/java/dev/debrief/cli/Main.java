package dev.debrief.cli;

import dev.debrief.config.ConfigException;
import dev.debrief.config.DebriefConfig;
import dev.debrief.config.DebriefHome;
import dev.debrief.index.IndexException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code debrief}: the command line. Exit codes: 0 ok, 1 some input failed, 2 usage error
 * (picocli's default for bad options), 3 the index or config cannot be used.
 */
@Command(
    name = "debrief",
    mixinStandardHelpOptions = true,
    version = "debrief 0.1.0",
    description = "Answers questions about event reports, with citations.",
    subcommands = {
      IngestCommand.class,
      SearchCommand.class,
      AskCommand.class,
      EvalCommand.class,
      ServeCommand.class,
      WebCommand.class,
      ServeCommand.BenchSlack.class,
      EvalCitationsCommand.class,
      BenchCommand.class,
      ReportsCommand.class,
      ConfigCommand.class,
      DigestCommand.class,
      SummarizeCommand.class,
      SolrCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  /** Exit code when some inputs failed. */
  public static final int EXIT_INPUT_FAILED = 1;

  /** Exit code for usage errors. */
  public static final int EXIT_USAGE = 2;

  /** Exit code when the index or config cannot be used. */
  public static final int EXIT_UNUSABLE = 3;

  @Option(
      names = "--index",
      description =
          "Index directory (default: index.dir from the config, index/lucene in"
              + " the Debrief folder: DEBRIEF_HOME, else the project folder of the jar).",
      scope = CommandLine.ScopeType.INHERIT)
  Path index;

  @Option(
      names = "--config",
      description =
          "Config file (default: config/debrief.json in the Debrief folder;"
              + " built-in defaults when that file is absent).",
      scope = CommandLine.ScopeType.INHERIT)
  Path config;

  @Option(
      names = "--provider",
      description =
          "Answer provider: extractive, openai, anthropic or gemini"
              + " (overrides answer.provider).",
      scope = CommandLine.ScopeType.INHERIT)
  String provider;

  @Option(
      names = "--model",
      description = "LLM model name (overrides answer.model).",
      scope = CommandLine.ScopeType.INHERIT)
  String model;

  @Option(
      names = "--base-url",
      description =
          "Base URL of an OpenAI-compatible server, e.g."
              + " http://localhost:11434/v1 for Ollama (overrides answer.baseUrl).",
      scope = CommandLine.ScopeType.INHERIT)
  String baseUrl;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The environment secrets are read from (Solr credentials, API keys). */
  java.util.Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return EXIT_USAGE;
  }

  /** The folder relative default paths are taken from ({@link DebriefHome#locate}). */
  DebriefHome home() {
    return DebriefHome.locate(System.getenv(), DebriefHome.codeBase(Main.class));
  }

  /**
   * Loads the config named by {@code --config}, or {@code config/debrief.json} in the home folder
   * when it exists; relative paths in it are made absolute against the home folder.
   */
  DebriefConfig loadConfig() {
    DebriefHome home = home();
    DebriefConfig c =
        config != null
            ? DebriefConfig.load(config, false)
            : DebriefConfig.load(home.resolve("config/debrief.json"), true);
    c.resolvePaths(home);
    if (provider != null) {
      c.answer.provider = provider;
    }
    if (model != null) {
      c.answer.model = model;
    }
    if (baseUrl != null) {
      c.answer.baseUrl = baseUrl;
    }
    c.validate("command line");
    return c;
  }

  /** A wiring for the chosen config and index. */
  Wiring wiring() {
    DebriefConfig c = loadConfig();
    Path dir = index != null ? index : Path.of(c.index.dir);
    return new Wiring(c, dir, Clock.systemUTC()).withEnv(env);
  }

  /** Runs the CLI with {@code args} and returns the exit code. */
  public static int run(String... args) {
    return run(System.getenv(), args);
  }

  /**
   * Like {@link #run(String...)} with {@code env} as the environment secrets are read from (tests).
   */
  public static int run(java.util.Map<String, String> env, String... args) {
    Main main = new Main();
    main.env = env;
    CommandLine cmd = new CommandLine(main);
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException || ex instanceof IndexException) {
            commandLine.getErr().println("debrief: " + ex.getMessage());
            return EXIT_UNUSABLE;
          }
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("debrief: " + ex.getMessage());
            return EXIT_USAGE;
          }
          commandLine.getErr().println("debrief: unexpected error: " + ex);
          return EXIT_UNUSABLE;
        });
    return cmd.execute(args);
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(args));
  }
}
