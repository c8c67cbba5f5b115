package dev.debrief.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code debrief solr ...}: the SolrCloud backend's administration (docs/scale-out.md). */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = "SolrCloud backend administration.",
    subcommands = {SolrCommand.Init.class})
final class SolrCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return Main.EXIT_USAGE;
  }

  /**
   * {@code debrief solr init --shards N --replicas M}: uploads the configsets of config/solr,
   * creates the report collection ({@code solr.collection}) and the shared-state collection ({@code
   * solr.stateCollection}), and stamps the first with the embedding model. Running it again changes
   * nothing; exit 3 when Solr cannot be reached or the collection holds another model's vectors.
   */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Upload the configsets and create both collections (idempotent).")
  static final class Init implements Callable<Integer> {
    @ParentCommand SolrCommand solr;

    @Option(
        names = "--shards",
        defaultValue = "2",
        description = "Shards of the report collection (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(
        names = "--replicas",
        defaultValue = "2",
        description =
            "Replicas per shard; 2 keeps answering when one node is lost (default: ${DEFAULT-VALUE}).")
    int replicas;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (shards < 1 || shards > 1024 || replicas < 1 || replicas > 16) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--shards must be in 1..1024 and --replicas in 1..16, got "
                + shards
                + " and "
                + replicas);
      }
      try (Wiring w = solr.main.wiring()) {
        w.solrAdmin(System.out::println)
            .init(shards, replicas, w.config().embedding.model, Wiring.DIMENSION);
        return 0;
      }
    }
  }
}
