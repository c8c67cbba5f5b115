package dev.debrief.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code debrief config}: prints the effective configuration (after validation). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Print the effective configuration.")
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Override
  public Integer call() {
    System.out.println(main.loadConfig().toJson());
    return 0;
  }
}
