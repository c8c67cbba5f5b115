package dev.debrief.ingest;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Report;
import dev.debrief.model.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers shared by the ingest tests. */
final class Fixtures {
  private Fixtures() {}

  static final String SOURCE = "/reports/example";

  static DebriefConfig.Ingest settings(int min, int max) {
    DebriefConfig.Ingest s = new DebriefConfig.Ingest();
    s.passageMinWords = min;
    s.passageMaxWords = max;
    return s;
  }

  static Report read(String fileName, String content) throws IngestException {
    return read(new DebriefConfig.Ingest(), fileName, content);
  }

  static Report read(DebriefConfig.Ingest settings, String fileName, String content)
      throws IngestException {
    return new ReportReader(settings)
        .read(SOURCE + "/" + fileName, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> headings(Report r) {
    return r.sections().stream().map(Section::heading).toList();
  }

  static List<String> anchors(Report r) {
    return r.sections().stream().map(Section::anchor).toList();
  }

  static List<String> paths(Report r) {
    return r.sections().stream().map(Section::pathLabel).toList();
  }

  /** The section's span of the normalized text. */
  static String sectionText(Report r, int ordinal) {
    Section s = r.sections().get(ordinal);
    return r.text().substring(s.start(), s.end());
  }
}
