package dev.debrief.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;

/**
 * The folder Debrief's relative default paths ({@code config/debrief.json}, {@code index/lucene},
 * {@code index/uploads.json}, …) are taken from, so that {@code java -jar
 * ~/debrief/target/debrief.jar ask …} finds the same index from any working directory.
 *
 * <p>In order: the {@code DEBRIEF_HOME} environment variable; the project folder of the running jar
 * (the jar's folder, or its parent when the jar sits in Maven's {@code target/}); the working
 * directory (classes run from an IDE or the test runner). Paths given on the command line ({@code
 * --index}, {@code --config}) stay relative to the working directory, as people expect of a
 * command-line argument.
 *
 * @param dir an absolute folder
 * @param origin how it was found, for messages: {@code "DEBRIEF_HOME"}, {@code "the jar's project
 *     folder"} or {@code "the working directory"}
 */
public record DebriefHome(Path dir, String origin) {
  /** The environment variable that names the home folder. */
  public static final String ENV = "DEBRIEF_HOME";

  public DebriefHome {
    if (dir == null || !dir.isAbsolute()) {
      throw new IllegalArgumentException("home folder must be an absolute path, got " + dir);
    }
  }

  /**
   * Finds the home folder.
   *
   * @param env the environment ({@value #ENV})
   * @param codeBase the jar or classes folder Debrief runs from (null when unknown)
   */
  public static DebriefHome locate(Map<String, String> env, Path codeBase) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new DebriefHome(Path.of(fromEnv.strip()).toAbsolutePath().normalize(), ENV);
    }
    if (codeBase != null && Files.isRegularFile(codeBase) && codeBase.toString().endsWith(".jar")) {
      Path folder = codeBase.toAbsolutePath().normalize().getParent();
      if (folder != null
          && folder.getFileName() != null
          && folder.getFileName().toString().equals("target")
          && folder.getParent() != null) {
        folder = folder.getParent();
      }
      if (folder != null) {
        return new DebriefHome(folder, "the jar's project folder");
      }
    }
    return new DebriefHome(Path.of("").toAbsolutePath(), "the working directory");
  }

  /** The jar or classes folder {@code type} was loaded from, or null. */
  public static Path codeBase(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source == null || source.getLocation() == null
          ? null
          : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code path} against the home folder (absolute paths unchanged). */
  public Path resolve(String path) {
    return dir.resolve(path).normalize();
  }
}
