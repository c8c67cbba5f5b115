package dev.debrief.testing;

import dev.debrief.cli.Wiring;
import dev.debrief.config.DebriefConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A three-report corpus written as literal files, and a {@link Wiring} over a fresh index in a temp
 * folder. Topics are disjoint on purpose so expected ranks are exact.
 */
public final class TestCorpus {
  private TestCorpus() {}

  /** Report about the Kubernetes scheduler (event "Cloud Days 2024", dated 2024-03-10). */
  public static final String ALPHA =
      """
      ---
      title: Scheduler deep dive
      event: Cloud Days 2024
      date: 2024-03-10
      author: Ana Lima
      ---
      # Scheduler deep dive

      ## Filtering and scoring

      The Kubernetes scheduler assigns pods to nodes in two phases. Filtering removes nodes that cannot run
      the pod, and scoring ranks the remaining nodes with priority functions. The speaker showed a cluster of
      5000 nodes where scheduling latency stayed under ten milliseconds.
      """;

  /** Report about storage (event "Cloud Days 2024", dated 2024-03-11). */
  public static final String BETA =
      """
      ---
      title: Storage panel notes
      event: Cloud Days 2024
      date: 2024-03-11
      author: Ben Ode
      ---
      # Storage panel notes

      ## Dynamic provisioning

      Persistent volumes and dynamic provisioning were the focus of the panel. CSI drivers now cover every
      major cloud, and the panel agreed that snapshots are the feature operators ask for most often.
      """;

  /** Report about a closing keynote (event "Data Summit 2023", dated 2023-11-02). */
  public static final String GAMMA =
      """
      ---
      title: Closing keynote recap
      event: Data Summit 2023
      date: 2023-11-02
      author: Chen Wu
      ---
      # Closing keynote recap

      ## Numbers

      The closing keynote celebrated 1500 attendees and announced that next year's venue is Copenhagen.
      Ticket sales opened the same afternoon, with a discount for open source maintainers.
      """;

  /** Writes the three reports into {@code dir} as alpha.md, beta.md, gamma.md. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("alpha.md"), ALPHA, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("beta.md"), BETA, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("gamma.md"), GAMMA, StandardCharsets.UTF_8);
    return dir;
  }

  /**
   * The id of the indexed report that has a source named {@code name} (a file name, or a whole
   * source such as {@code slack:F1}).
   *
   * @throws AssertionError when none has
   */
  public static String idOf(Wiring w, String name) {
    return idOf(w.catalog(), name);
  }

  /** Like {@link #idOf(Wiring, String)} over any catalog. */
  public static String idOf(dev.debrief.index.ReportCatalog catalog, String name) {
    return catalog.list().stream()
        .filter(r -> r.sources().stream().anyMatch(s -> s.equals(name) || s.endsWith("/" + name)))
        .map(dev.debrief.model.ReportInfo::id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no indexed report has a source named " + name));
  }

  /** A wiring with default config over {@code indexDir}. */
  public static Wiring wiring(Path indexDir) {
    return new Wiring(DebriefConfig.defaults(), indexDir, Clock.systemUTC());
  }
}
