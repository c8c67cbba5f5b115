package dev.debrief.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The invented sample reports in {@code index/reports} ingest with the expected metadata and
 * sections.
 */
class SampleReportsTest {
  private static Report read(String name) throws Exception {
    Path p = Path.of("index", "reports", name).toAbsolutePath().normalize();
    return new ReportReader(new DebriefConfig.Ingest())
        .read(p.toString(), name, Files.readAllBytes(p));
  }

  @Test
  void markdownSample() throws Exception {
    Report r = read("cloud-native-days-lisbon-2025.md");
    assertEquals("Cloud Native Days Lisbon 2025", r.meta().event());
    assertEquals("2025-05-22", r.meta().date());
    assertEquals(List.of("kubernetes", "platform-engineering", "finops"), r.meta().tags());
    assertTrue(
        r.passages().stream()
            .anyMatch(
                p ->
                    p.text().contains("Google PM")
                        && p.text().contains("Kubernetes 1.33")
                        && p.section().equals("Opening keynote: Kubernetes 1.33 in practice")));
    assertTrue(r.text().contains("Right-sizing from VPA | 12% | medium"));
  }

  @Test
  void htmlSample() throws Exception {
    Report r = read("observability-summit-2025-day1.html");
    assertEquals("Observability Summit 2025 – Day 1 recap", r.meta().title());
    assertEquals("https://notes.example.com/2025/observability-summit-day-1/", r.meta().url());
    assertEquals(
        List.of("observability-summit-2025--day-1-recap", "keynote", "sampling", "logs", "hallway"),
        Fixtures.anchors(r));
    assertTrue(r.text().contains("from €41,000 to €9,500"));
    assertTrue(
        !r.text().contains("cookies")
            && !r.text().contains("Popular posts")
            && !r.text().contains("All rights"));
  }

  @Test
  void textSample() throws Exception {
    Report r = read("devsecops-forum-berlin-2025.txt");
    assertEquals(
        List.of(
            "DevSecOps Forum Berlin 2025 – trip notes",
            "Opening Keynote",
            "SBOMs in Practice",
            "Secrets Management Panel",
            "Lightning Talks",
            "My Takeaways"),
        Fixtures.headings(r));
    assertEquals("DevSecOps Forum Berlin 2025 – trip notes", r.meta().title());
  }
}
