package dev.debrief.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebriefHomeTest {
  @TempDir Path tmp;

  @Test
  void debriefHomeWinsThenTheJarsProjectFolderThenTheWorkingDirectory() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("debrief"));
    Path jar =
        Files.createFile(Files.createDirectories(project.resolve("target")).resolve("debrief.jar"));
    Path loose = Files.createFile(tmp.resolve("debrief.jar"));
    assertEquals(
        new DebriefHome(tmp.resolve("home"), "DEBRIEF_HOME"),
        DebriefHome.locate(Map.of("DEBRIEF_HOME", tmp.resolve("home").toString()), jar));
    assertEquals(
        new DebriefHome(project, "the jar's project folder"), DebriefHome.locate(Map.of(), jar));
    assertEquals(
        new DebriefHome(tmp, "the jar's project folder"), DebriefHome.locate(Map.of(), loose));
    assertEquals(
        new DebriefHome(Path.of("").toAbsolutePath(), "the working directory"),
        DebriefHome.locate(Map.of(), tmp.resolve("classes")));
  }

  @Test
  void relativeConfigPathsAreTakenFromHomeAndAbsoluteOnesKept() {
    DebriefConfig c = DebriefConfig.defaults();
    c.access.uploadsFile = "/var/debrief/uploads.json";
    c.resolvePaths(new DebriefHome(tmp, "DEBRIEF_HOME"));
    assertEquals(tmp.resolve("index/lucene").toString(), c.index.dir);
    assertEquals(tmp.resolve("index/subscriptions.json").toString(), c.digest.subscriptionsFile);
    assertEquals(tmp.resolve("index/feedback.jsonl").toString(), c.slack.feedbackLog);
    assertEquals("/var/debrief/uploads.json", c.access.uploadsFile);
  }
}
