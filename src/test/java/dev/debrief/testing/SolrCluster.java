package dev.debrief.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud for tests: {@code solr-test-cluster/} (solr-test-framework's
 * MiniSolrCloudCluster, two nodes, embedded ZooKeeper, Basic authentication) started as a child
 * JVM, whose classpath never meets ours. The build makes {@code
 * solr-test-cluster/target/classpath.txt} (exec-maven-plugin, phase process-test-classes). The
 * child prints {@code SOLR_READY urls=…}; it stops when its stdin closes, so it never outlives this
 * JVM. Its stderr goes to {@code target/solr-test-cluster-N.log}.
 */
public final class SolrCluster implements AutoCloseable {
  /** The Solr user the cluster admits. */
  public static final String USER = "debrief";

  /** Its password. */
  public static final String PASSWORD = "test-only-secret";

  /**
   * Longest wait for the nodes (two Solr nodes and ZooKeeper start in 20–60 s on 2 loaded cores).
   */
  private static final long START_SECONDS = 240;

  /** Longest wait for a node to stop or come back. */
  private static final long NODE_SECONDS = 120;

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines;
  private final List<String> urls;
  private final Path log;

  private SolrCluster(
      Process process, List<String> urls, Writer stdin, BlockingQueue<String> lines, Path log) {
    this.process = process;
    this.urls = urls;
    this.stdin = stdin;
    this.lines = lines;
    this.log = log;
  }

  /**
   * Starts a two-node cluster and waits until it is ready.
   *
   * @throws IllegalStateException when solr-test-cluster was not built or the cluster did not start
   */
  public static SolrCluster start() throws IOException, InterruptedException {
    Path project = Path.of("solr-test-cluster").toAbsolutePath();
    Path classpath = project.resolve("target/classpath.txt");
    if (!Files.exists(classpath)) {
      throw new IllegalStateException(
          classpath
              + " is missing: the build makes it (mvn verify runs"
              + " `mvn -f solr-test-cluster/pom.xml package` before the tests); run that command once");
    }
    String cp =
        project.resolve("target/classes")
            + java.io.File.pathSeparator
            + Files.readString(classpath).strip();
    Path log =
        Path.of("target")
            .toAbsolutePath()
            .resolve(
                "solr-test-cluster-"
                    + ProcessHandle.current().pid()
                    + "-"
                    + System.nanoTime()
                    + ".log");
    Files.createDirectories(log.getParent());
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                cp,
                "dev.debrief.solrtest.SolrTestCluster",
                "--nodes",
                "2",
                "--basic-auth",
                USER + ":" + PASSWORD)
            .redirectError(log.toFile())
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("SOLR_EOF " + e);
              }
              lines.add("SOLR_EOF");
            },
            "solr-test-cluster-stdout");
    reader.setDaemon(true);
    reader.start();
    Writer stdin = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
    String ready = await(lines, "SOLR_READY", START_SECONDS, p, log);
    List<String> urls = Arrays.asList(ready.replaceAll(".*urls=(\\S+).*", "$1").split(","));
    return new SolrCluster(p, List.copyOf(urls), stdin, lines, log);
  }

  private static String await(
      BlockingQueue<String> lines, String prefix, long seconds, Process p, Path log)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null || line.startsWith("SOLR_EOF") || line.startsWith("SOLR_ERROR")) {
        p.destroyForcibly();
        List<String> tail = Files.exists(log) ? Files.readAllLines(log) : List.of();
        throw new IllegalStateException(
            "the Solr test cluster did not print "
                + prefix
                + " ("
                + line
                + "); last log"
                + " lines of "
                + log
                + ":\n"
                + String.join("\n", tail.subList(Math.max(0, tail.size() - 30), tail.size())));
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Base URLs of the nodes, e.g. {@code http://127.0.0.1:41639/solr}. */
  public List<String> urls() {
    return urls;
  }

  /** Stops node {@code i} (0-based) and waits until it is down. */
  public void stopNode(int i) throws IOException, InterruptedException {
    command("stop " + i, "SOLR_STOPPED");
  }

  /** Starts node {@code i} again on the same port and waits until it is live. */
  public void startNode(int i) throws IOException, InterruptedException {
    command("start " + i, "SOLR_STARTED");
  }

  private synchronized void command(String command, String answer)
      throws IOException, InterruptedException {
    stdin.write(command + "\n");
    stdin.flush();
    await(lines, answer, NODE_SECONDS, process, log);
  }

  /**
   * Closes the child's stdin (it shuts down) and waits for it; kills it if it does not exit in
   * time.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(NODE_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(NODE_SECONDS, TimeUnit.SECONDS);
    }
  }
}
