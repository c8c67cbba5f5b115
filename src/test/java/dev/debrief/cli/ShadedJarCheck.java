package dev.debrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.config.DebriefConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code target/debrief.jar} as a user would (a child JVM, no config file, so every setting is
 * the built-in default): the default embedding model must load from the jar, office documents must ingest and
 * answer, and the jar must stay within its size limit with only the natives it is meant to carry. Run by
 * maven-failsafe after {@code package} (the pom passes {@code debrief.jar} and {@code debrief.jar.maxBytes}).
 */
class ShadedJarCheck {
  private static final Path JAR = Path.of(System.getProperty("debrief.jar", "target/debrief.jar"));
  private static final long MAX_BYTES = Long.getLong("debrief.jar.maxBytes", 80_000_000L);
  private static final Path OFFICE = Path.of("src/test/resources/dev/debrief/ingest/office").toAbsolutePath();
  /** A child JVM loads the model and ingests five small files in about 10 s on this 2-core machine. */
  private static final long CHILD_TIMEOUT_SECONDS = 300;

  @TempDir
  Path home;

  record Run(int code, String out, String err) {}

  private Run debrief(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
        .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
    pb.environment().put("DEBRIEF_HOME", home.toString());
    Process p = pb.start();
    if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("debrief " + String.join(" ", args) + " did not finish in " + CHILD_TIMEOUT_SECONDS + " s");
    }
    return new Run(p.exitValue(), Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
  }

  @Test
  void theJarIsWithinItsSizeLimitAndCarriesLinuxNativesOnly() throws IOException {
    long size = Files.size(JAR);
    assertTrue(size <= MAX_BYTES, JAR + " is " + size + " bytes; the limit is " + MAX_BYTES);
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      List<String> names = zip.stream().map(e -> e.getName()).toList();
      for (String needed : List.of("ai/onnxruntime/native/linux-x64/libonnxruntime.so",
          "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so", "native/lib/linux-x86_64/cpu/libtokenizers.so",
          "native/lib/linux-aarch64/cpu/libtokenizers.so", "com/knuddels/jtokkit/cl100k_base.tiktoken")) {
        assertTrue(names.contains(needed), "missing " + needed);
      }
      assertFalse(names.stream().anyMatch(n -> n.endsWith(".pdb") || n.contains(".dSYM/")), "debug symbols");
      assertEquals(1, names.stream().filter(n -> n.endsWith(".onnx")).count(), "one embedding model");
      assertEquals(1, names.stream().filter(n -> n.endsWith("tokenizer.json")).count(), "one tokenizer file");
    }
  }

  @Test
  void theDefaultModelLoadsAndOfficeDocumentsAnswerWithCitations() throws Exception {
    String index = home.resolve("ix").toString();
    Run ingest = debrief("--index", index, "ingest", OFFICE.resolve("heron-summit.docx").toString(),
        OFFICE.resolve("heron-keynote.pptx").toString(), OFFICE.resolve("heron-summit.odt").toString(),
        OFFICE.resolve("heron-summit.epub").toString());
    assertEquals(0, ingest.code(), ingest.err());
    // The .docx and the .odt are one document saved twice: the same text, so one report with both sources.
    assertTrue(ingest.out().startsWith("ingested 3 new, 0 updated, 0 unchanged, 0 removed, 1 already indexed from"
        + " another source;"), ingest.out());
    assertTrue(ingest.out().contains("already indexed as “Heron Summit 2026: platform track notes”; added "
        + OFFICE.resolve("heron-summit.odt").toRealPath()), ingest.out());
    Run config = debrief("config");
    assertTrue(config.out().contains("\"model\": \"" + DebriefConfig.defaults().embedding.model + "\""), config.out());
    Run ask = debrief("--index", index, "ask", "--json", "--report", "heron-summit.docx",
        "who halved p99 write latency with night-time compaction?");
    assertEquals(0, ask.code(), ask.err());
    JsonObject answer = JsonParser.parseString(ask.out()).getAsJsonObject();
    assertTrue(answer.get("answered").getAsBoolean(), ask.out());
    JsonObject first = answer.getAsJsonArray("citations").get(0).getAsJsonObject();
    assertEquals("Sessions we attended", first.get("section").getAsString());
    assertTrue(first.get("url").getAsString().endsWith("#sessions-we-attended"), first.toString());
    Run slides = debrief("--index", index, "ask", "--json", "--report", "heron-keynote.pptx",
        "how long does a 2 TB volume take to restore?");
    JsonObject slideAnswer = JsonParser.parseString(slides.out()).getAsJsonObject();
    assertTrue(slideAnswer.get("answered").getAsBoolean(), slides.out());
    assertEquals("Restore times", slideAnswer.getAsJsonArray("citations").get(0).getAsJsonObject()
        .get("section").getAsString());
    assertFalse(ingest.err().contains("Exception") || ask.err().contains("Exception"), ingest.err() + ask.err());
  }
}
