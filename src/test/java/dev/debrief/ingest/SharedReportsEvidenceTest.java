package dev.debrief.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real reports in {@code ../shared/reports}: every evidence string of every {@code .jsonl} file
 * under {@code ../shared/qa} (round2 included) (single-report questions) must be held by some
 * passage of its report, normalized as the QA README says (HTML entities decoded, Markdown links
 * reduced to their label, lower-case, letters and digits only). Skipped when {@code ../shared} is
 * absent.
 */
class SharedReportsEvidenceTest {
  private static final Path SHARED = Path.of("..", "shared");
  private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Map<String, Report> REPORTS = new HashMap<>();

  @BeforeAll
  static void readAll() throws Exception {
    assumeTrue(
        Files.isDirectory(SHARED.resolve("reports")),
        "../shared/reports is absent (a fresh clone elsewhere): skipping the real-report tests");
    ReportReader reader = new ReportReader(new DebriefConfig.Ingest());
    try (Stream<Path> files = Files.list(SHARED.resolve("reports"))) {
      for (Path p : files.sorted().toList()) {
        if (ReportReader.isSupported(p.getFileName().toString())) {
          Path abs = p.toAbsolutePath().normalize();
          REPORTS.put(
              p.getFileName().toString(),
              reader.read(abs.toString(), p.getFileName().toString(), Files.readAllBytes(p)));
        }
      }
    }
  }

  static String norm(String s) {
    String t = Parser.unescapeEntities(s, false);
    t = MD_LINK.matcher(t).replaceAll("$1");
    t = t.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    t.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  @Test
  void everyEvidenceStringIsHeldByAPassageOfItsReport() throws IOException {
    Path qa = SHARED.resolve("qa");
    assumeTrue(Files.isDirectory(qa), "../shared/qa is absent: skipping");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(qa)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonObject q = JsonParser.parseString(line).getAsJsonObject();
          JsonElement rep = q.get("report");
          if (rep == null || !rep.isJsonPrimitive()) {
            continue;
          }
          Report report = REPORTS.get(rep.getAsString());
          assertTrue(report != null, "no report " + rep.getAsString() + " for " + q.get("id"));
          List<String> passages = report.passages().stream().map(p -> norm(p.text())).toList();
          for (JsonElement ev : q.getAsJsonArray("evidence")) {
            String e = norm(ev.getAsString());
            checked++;
            if (passages.stream().noneMatch(p -> p.contains(e))) {
              missing.add(q.get("id").getAsString() + ": " + ev.getAsString());
            }
          }
        }
      }
    }
    assertTrue(checked > 0, "no evidence strings found");
    assertEquals(List.of(), missing, "evidence strings not held by any passage");
  }

  @Test
  void passagesAreWellFormed() {
    DebriefConfig.Ingest settings = new DebriefConfig.Ingest();
    for (Report r : REPORTS.values()) {
      Set<String> anchors = new HashSet<>();
      for (Section s : r.sections()) {
        if (s.level() > 0) {
          assertTrue(anchors.add(s.anchor()), r.source() + ": duplicate anchor " + s.anchor());
          assertFalse(s.anchor().isEmpty(), r.source() + ": empty anchor");
        }
        assertTrue(s.end() <= r.text().length());
      }
      int previousEnd = 0;
      for (Passage p : r.passages()) {
        assertFalse(p.text().isBlank());
        assertTrue(p.start() >= previousEnd, r.source() + ": passages overlap at " + p.id());
        previousEnd = p.end();
        Section s = r.sections().get(p.sectionOrdinal());
        assertTrue(p.start() >= s.start() && p.end() <= s.end(), p.id() + " crosses its section");
        assertEquals(s.headingPath(), p.headingPath());
        assertEquals(s.anchor(), p.anchor());
        int words = p.text().split("\\s+").length;
        assertTrue(words <= settings.passageMaxWords + 40, p.id() + " has " + words + " words");
        String span = r.text().substring(p.start(), p.end());
        assertTrue(p.text().endsWith(span), p.id() + ": text does not match its offsets");
      }
    }
  }
}
