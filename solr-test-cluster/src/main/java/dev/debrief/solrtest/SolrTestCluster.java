package dev.debrief.solrtest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.security.Sha256AuthenticationProvider;

/**
 * A SolrCloud on this machine for Debrief's tests and for people trying the Solr backend: solr-test-framework's
 * {@link MiniSolrCloudCluster} (an embedded ZooKeeper and N Solr 9.10.1 nodes in this JVM).
 *
 * <p>Protocol, one line each on stdout (everything else goes to stderr):
 * <ul>
 *   <li>when every node is live: {@code SOLR_READY urls=URL1,URL2 zk=HOST:PORT/solr};</li>
 *   <li>stdin {@code stop I} (0-based node): stops that node, answers {@code SOLR_STOPPED node=I url=URL};</li>
 *   <li>stdin {@code start I}: starts it again on the same port, answers {@code SOLR_STARTED node=I url=URL}
 *       once it is live;</li>
 *   <li>stdin closed (end of file): shuts everything down, prints {@code SOLR_SHUTDOWN} and exits 0.</li>
 * </ul>
 * A parent process that dies closes the pipe, so the cluster never outlives it.
 *
 * <p>Options: {@code --nodes N} (2), {@code --port P} (0: free ports; else nodes on P, P+1, …),
 * {@code --dir DIR} (a new temporary folder, deleted at shutdown), {@code --basic-auth USER:PASSWORD} (Solr's
 * BasicAuthPlugin with that one user, every request must authenticate).
 */
public final class SolrTestCluster {
  private static final int LIVE_TIMEOUT_SECONDS = 120;

  private SolrTestCluster() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) throws Exception {
    int nodes = 2;
    int port = 0;
    Path dir = null;
    String auth = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--basic-auth" -> auth = args[++i];
        default -> {
          System.err.println("usage: SolrTestCluster [--nodes N] [--port P] [--dir DIR] [--basic-auth USER:PASSWORD]");
          System.exit(2);
        }
      }
    }
    boolean tempDir = dir == null;
    Path base = tempDir ? Files.createTempDirectory("debrief-solr-cluster") : dir;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    MiniSolrCloudCluster.Builder builder = new MiniSolrCloudCluster.Builder(0, base)
        .withTraceIdGenerationDisabled()
        .formatZkServer(true);
    if (auth != null) {
      builder.withSecurityJson(securityJson(auth));
    }
    MiniSolrCloudCluster cluster = builder.build();
    List<JettySolrRunner> runners = new ArrayList<>();
    try {
      for (int i = 0; i < nodes; i++) {
        JettyConfig config = JettyConfig.builder().setContext("/solr").setPort(port == 0 ? 0 : port + i)
            .stopAtShutdown(false).build();
        runners.add(cluster.startJettySolrRunner("node" + (i + 1), "/solr", config));
      }
      cluster.waitForAllNodes(LIVE_TIMEOUT_SECONDS);
      List<String> urls = runners.stream().map(r -> r.getBaseUrl().toString()).toList();
      out.println("SOLR_READY urls=" + String.join(",", urls) + " zk=" + cluster.getZkServer().getZkAddress());
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].matches("\\d+") || Integer.parseInt(parts[1]) >= runners.size()) {
          out.println("SOLR_ERROR unknown command: " + line);
          continue;
        }
        int node = Integer.parseInt(parts[1]);
        JettySolrRunner runner = runners.get(node);
        if (parts[0].equals("stop")) {
          runner.stop();
          out.println("SOLR_STOPPED node=" + node + " url=" + runner.getBaseUrl());
        } else if (parts[0].equals("start")) {
          runner.start(true);
          cluster.waitForNode(runner, LIVE_TIMEOUT_SECONDS);
          out.println("SOLR_STARTED node=" + node + " url=" + runner.getBaseUrl());
        } else {
          out.println("SOLR_ERROR unknown command: " + line);
        }
      }
    } finally {
      for (JettySolrRunner r : runners) {
        if (r.isRunning()) {
          try {
            r.stop();
          } catch (Exception e) {
            System.err.println("solr-test-cluster: stopping " + r.getNodeName() + ": " + e);
          }
        }
      }
      cluster.shutdown();
      if (tempDir) {
        deleteTree(base);
      }
      out.println("SOLR_SHUTDOWN");
    }
    System.exit(0);
  }

  /**
   * A security.json with Solr's BasicAuthPlugin (one user, every request authenticated) and the rule-based
   * authorization plugin giving that user the admin role for everything.
   */
  static String securityJson(String userAndPassword) {
    int colon = userAndPassword.indexOf(':');
    if (colon < 1 || colon == userAndPassword.length() - 1) {
      throw new IllegalArgumentException("--basic-auth needs USER:PASSWORD");
    }
    String user = userAndPassword.substring(0, colon);
    String hash = Sha256AuthenticationProvider.getSaltedHashedValue(userAndPassword.substring(colon + 1));
    return "{\"authentication\":{\"class\":\"solr.BasicAuthPlugin\",\"blockUnknown\":true,\"forwardCredentials\":false,"
        + "\"credentials\":{\"" + user + "\":\"" + hash + "\"}},"
        + "\"authorization\":{\"class\":\"solr.RuleBasedAuthorizationPlugin\","
        + "\"permissions\":[{\"name\":\"all\",\"role\":\"admin\"}],\"user-role\":{\"" + user + "\":\"admin\"}}}";
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (Exception e) {
      System.err.println("solr-test-cluster: could not delete " + dir + ": " + e);
    }
  }
}
