package dev.debrief.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code debrief config}: prints the effective configuration (after validation), and on stderr
 * which file it came from (or that none was found where it looked) and the home folder relative
 * defaults are taken from.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Print the effective configuration.")
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    dev.debrief.config.DebriefHome home = main.home();
    java.nio.file.Path file =
        main.config != null ? main.config : home.resolve("config/debrief.json");
    System.err.println(
        java.nio.file.Files.isRegularFile(file)
            ? "debrief: config from " + file.toAbsolutePath()
            : "debrief: no config file at " + file.toAbsolutePath() + "; built-in defaults");
    System.err.println(
        "debrief: relative paths are taken from " + home.dir() + " (" + home.origin() + ")");
    System.out.println(main.loadConfig().toJson());
    return 0;
  }
}
