package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.config.DebriefConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code target/debrief.jar} as a user would (a child JVM, no config file, so every
 * setting is the built-in default): the default embedding model must load from the jar, office
 * documents must ingest and answer, the ask page must answer over HTTP (Javalin and Jetty as the
 * jar carries them), every service provider the jar lists must be a class it carries (the shade
 * filters leave classes out), and the jar must stay within its size limit with only the natives it
 * is meant to carry. Run by maven-failsafe after {@code package} (the pom passes {@code
 * debrief.jar} and {@code debrief.jar.maxBytes}).
 */
class ShadedJarCheck {
  private static final Path JAR = Path.of(System.getProperty("debrief.jar", "target/debrief.jar"));
  private static final long MAX_BYTES = Long.getLong("debrief.jar.maxBytes", 80_000_000L);
  private static final Path OFFICE =
      Path.of("src/test/resources/dev/debrief/ingest/office").toAbsolutePath();

  /**
   * A child JVM loads the model and ingests five small files in about 10 s on this 2-core machine.
   */
  private static final long CHILD_TIMEOUT_SECONDS = 300;

  @TempDir Path home;

  record Run(int code, String out, String err) {}

  private Run debrief(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(home.toFile())
            .redirectOutput(home.resolve("out.txt").toFile())
            .redirectError(home.resolve("err.txt").toFile());
    pb.environment().put("DEBRIEF_HOME", home.toString());
    Process p = pb.start();
    if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "debrief "
              + String.join(" ", args)
              + " did not finish in "
              + CHILD_TIMEOUT_SECONDS
              + " s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(home.resolve("out.txt")),
        Files.readString(home.resolve("err.txt")));
  }

  @Test
  void theJarIsWithinItsSizeLimitAndCarriesLinuxNativesOnly() throws IOException {
    long size = Files.size(JAR);
    assertTrue(size <= MAX_BYTES, JAR + " is " + size + " bytes; the limit is " + MAX_BYTES);
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      List<String> names = zip.stream().map(e -> e.getName()).toList();
      for (String needed :
          List.of(
              "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
              "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
              "native/lib/linux-x86_64/cpu/libtokenizers.so",
              "native/lib/linux-aarch64/cpu/libtokenizers.so",
              "com/knuddels/jtokkit/cl100k_base.tiktoken")) {
        assertTrue(names.contains(needed), "missing " + needed);
      }
      assertFalse(
          names.stream().anyMatch(n -> n.endsWith(".pdb") || n.contains(".dSYM/")),
          "debug symbols");
      assertEquals(
          1, names.stream().filter(n -> n.endsWith(".onnx")).count(), "one embedding model");
      assertEquals(
          1,
          names.stream().filter(n -> n.endsWith("tokenizer.json")).count(),
          "one tokenizer file");
    }
  }

  /**
   * Every provider named in the jar's {@code META-INF/services} files loads from the jar alone (its
   * superclass and interfaces are there too), and Lucene's analysis factories each resolve by name,
   * as {@code TokenFilterFactory.forName} would look them up.
   */
  @Test
  void everyServiceProviderTheJarListsLoadsFromTheJar() throws Exception {
    List<String> missing = new ArrayList<>();
    int providers = 0;
    try (ZipFile zip = new ZipFile(JAR.toFile());
        URLClassLoader loader =
            new URLClassLoader(
                new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (ZipEntry e :
          zip.stream()
              .filter(e -> e.getName().startsWith("META-INF/services/") && !e.isDirectory())
              .toList()) {
        String text;
        try (InputStream in = zip.getInputStream(e)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\\R")) {
          String name = line.replaceFirst("#.*", "").strip();
          if (name.isEmpty()) {
            continue;
          }
          providers++;
          try {
            Class.forName(name, false, loader);
          } catch (ClassNotFoundException | LinkageError err) {
            missing.add(
                e.getName().substring("META-INF/services/".length())
                    + ": "
                    + name
                    + " ("
                    + err
                    + ")");
          }
        }
      }
      assertTrue(missing.isEmpty(), "service providers the jar cannot load: " + missing);
      assertTrue(providers > 50, providers + " providers");
      for (String kind : List.of("Tokenizer", "TokenFilter", "CharFilter")) {
        Class<?> factory =
            Class.forName("org.apache.lucene.analysis." + kind + "Factory", true, loader);
        @SuppressWarnings("unchecked")
        Set<String> names = (Set<String>) factory.getMethod("available" + kind + "s").invoke(null);
        for (String name : names) {
          factory.getMethod("lookupClass", String.class).invoke(null, name);
        }
        if (kind.equals("TokenFilter")) {
          assertTrue(
              names.containsAll(Set.of("porterStem", "englishPossessive", "lowercase", "stop")),
              names.toString());
        }
      }
    }
  }

  /**
   * Packages the pom's shade filters and dependency exclusions take classes out of. Classes
   * elsewhere in the jar may refer to classes of optional dependencies that were never there
   * (Jetty's JMX, jakarta.el); here every class referred to must be in the jar.
   */
  private static final List<String> TRIMMED =
      List.of(
          "ai.djl.",
          "org.apache.lucene.",
          "org.tartarus.",
          "org.apache.commons.compress.",
          "org.apache.commons.codec.",
          "org.apache.commons.io.",
          "org.objectweb.asm.",
          "org.eclipse.jetty.ee10.",
          "org.eclipse.jetty.annotations.",
          "org.eclipse.jetty.plus.",
          "org.eclipse.jetty.jndi.",
          "org.eclipse.jetty.xml.",
          "org.eclipse.jetty.ee.webapp.",
          "jakarta.enterprise.",
          "jakarta.inject.",
          "jakarta.interceptor.",
          "jakarta.transaction.",
          "jakarta.annotation.",
          "dev.langchain4j.");

  private static final Pattern NOT_FOUND =
      Pattern.compile("^\\s+(?:\\d+/)?(\\S+)\\s+->\\s+(\\S+)\\s+not found\\s*$");

  /**
   * No class left in the jar refers to a class the trims took out, so the JVM's verifier and linker
   * never look for one (class-level dependencies from the JDK's {@code jdeps -verbose:class},
   * constant pools and signatures; classes loaded by name are covered by the service-provider check
   * and the runs above).
   */
  @Test
  void noClassInTheJarRefersToATrimmedClass() {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(
                () -> new AssertionError("no jdeps in " + System.getProperty("java.home")));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "--multi-release",
            "17",
            "-verbose:class",
            "-filter:none",
            JAR.toAbsolutePath().toString());
    assertEquals(0, code, err.toString());
    Set<String> dangling = new TreeSet<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = NOT_FOUND.matcher(line);
      if (m.matches() && TRIMMED.stream().anyMatch(m.group(2)::startsWith)) {
        dangling.add(m.group(1) + " -> " + m.group(2));
      }
    }
    assertTrue(dangling.isEmpty(), "classes in the jar refer to classes it lacks: " + dangling);
  }

  /**
   * {@code debrief web} from the jar: Javalin starts on Jetty without the web-application deployer
   * the pom leaves out, and the ask page answers with a citation that opens the viewer at its
   * passage.
   */
  @Test
  void theAskPageAnswersFromTheJar() throws Exception {
    String index = home.resolve("ix").toString();
    Run ingest =
        debrief("--index", index, "ingest", OFFICE.resolve("heron-summit.docx").toString());
    assertEquals(0, ingest.code(), ingest.err());
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--index",
                index,
                "web",
                "--port",
                "0"));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(home.toFile())
            .redirectError(home.resolve("web-err.txt").toFile());
    pb.environment().put("DEBRIEF_HOME", home.toString());
    Process web = pb.start();
    try {
      String base =
          CompletableFuture.supplyAsync(() -> listeningAt(web))
              .get(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertTrue(
          base != null,
          "debrief web printed no address; stderr: "
              + Files.readString(home.resolve("web-err.txt")));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "ask?q="
                              + URLEncoder.encode(
                                  "who halved p99 write latency with night-time compaction?",
                                  StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      Document d = Jsoup.parse(page.body());
      assertFalse(d.select("#answer.answered").isEmpty(), d.select("#answer").text());
      assertTrue(
          d.select("#sources a.source-link").first().text().contains("Sessions we attended"),
          d.select("#sources").text());
      String href = d.select("#answer a.cite").first().attr("href");
      HttpResponse<String> viewer =
          http.send(
              HttpRequest.newBuilder(URI.create(base).resolve(href)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, viewer.statusCode());
      assertTrue(
          Jsoup.parse(viewer.body()).select(".passage.highlight").text().contains("compaction"),
          viewer.body());
    } finally {
      web.destroy();
      if (!web.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        web.destroyForcibly();
      }
    }
    assertFalse(
        Files.readString(home.resolve("web-err.txt")).contains("Exception"),
        Files.readString(home.resolve("web-err.txt")));
  }

  private static final Pattern LISTENING = Pattern.compile("ask page is on (http://\\S+?/) ");

  /**
   * The base URL {@code debrief web} prints once it listens, or null when it exits first. The pipe
   * stays open (the child keeps writing to it) until the process is destroyed.
   */
  private static String listeningAt(Process web) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(web.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      return null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theDefaultModelLoadsAndOfficeDocumentsAnswerWithCitations() throws Exception {
    String index = home.resolve("ix").toString();
    Run ingest =
        debrief(
            "--index",
            index,
            "ingest",
            OFFICE.resolve("heron-summit.docx").toString(),
            OFFICE.resolve("heron-keynote.pptx").toString(),
            OFFICE.resolve("heron-summit.odt").toString(),
            OFFICE.resolve("heron-summit.epub").toString());
    assertEquals(0, ingest.code(), ingest.err());
    // The .docx and the .odt are one document saved twice: the same text, so one report with both
    // sources.
    assertTrue(
        ingest
            .out()
            .startsWith(
                "ingested 3 new, 0 updated, 0 unchanged, 0 removed, 1 already indexed from"
                    + " another source;"),
        ingest.out());
    assertTrue(
        ingest
            .out()
            .contains(
                "already indexed as “Heron Summit 2026: platform track notes”; added "
                    + OFFICE.resolve("heron-summit.odt").toRealPath()),
        ingest.out());
    Run config = debrief("config");
    assertTrue(
        config.out().contains("\"model\": \"" + DebriefConfig.defaults().embedding.model + "\""),
        config.out());
    Run ask =
        debrief(
            "--index",
            index,
            "ask",
            "--json",
            "--report",
            "heron-summit.docx",
            "who halved p99 write latency with night-time compaction?");
    assertEquals(0, ask.code(), ask.err());
    JsonObject answer = JsonParser.parseString(ask.out()).getAsJsonObject();
    assertTrue(answer.get("answered").getAsBoolean(), ask.out());
    JsonObject first = answer.getAsJsonArray("citations").get(0).getAsJsonObject();
    assertEquals("Sessions we attended", first.get("section").getAsString());
    assertTrue(first.get("url").getAsString().endsWith("#sessions-we-attended"), first.toString());
    Run slides =
        debrief(
            "--index",
            index,
            "ask",
            "--json",
            "--report",
            "heron-keynote.pptx",
            "how long does a 2 TB volume take to restore?");
    JsonObject slideAnswer = JsonParser.parseString(slides.out()).getAsJsonObject();
    assertTrue(slideAnswer.get("answered").getAsBoolean(), slides.out());
    assertEquals(
        "Restore times",
        slideAnswer
            .getAsJsonArray("citations")
            .get(0)
            .getAsJsonObject()
            .get("section")
            .getAsString());
    assertFalse(
        ingest.err().contains("Exception") || ask.err().contains("Exception"),
        ingest.err() + ask.err());
  }
}
