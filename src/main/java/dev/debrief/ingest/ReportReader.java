package dev.debrief.ingest;

import dev.debrief.config.DebriefConfig;
import dev.debrief.model.Hashes;
import dev.debrief.model.Passage;
import dev.debrief.model.Report;
import dev.debrief.model.ReportMeta;
import dev.debrief.model.Section;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** TEMPORARY placeholder until the ingest branch lands: paragraphs of plain text. */
public final class ReportReader {
  public ReportReader(DebriefConfig.Ingest settings) {}

  public static boolean isSupported(String fileName) {
    return fileName.matches("(?i).*\\.(md|markdown|txt|rst|html?|pdf)$");
  }

  public Report read(String source, String fileName, byte[] bytes) throws IngestException {
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").trim();
    if (text.isEmpty()) {
      throw new IngestException("empty file");
    }
    String id = Report.idForSource(source);
    List<Passage> passages = new ArrayList<>();
    int pos = 0;
    for (String para : text.split("\n\\s*\n")) {
      int start = text.indexOf(para, pos);
      pos = start + para.length();
      if (!para.isBlank()) {
        passages.add(new Passage(Passage.idOf(id, passages.size()), id, passages.size(), 0, List.of(), "",
            para.trim(), start, pos));
      }
    }
    return new Report(id, source, "text", new ReportMeta(fileName, "", "", "", "", List.of(), List.of()), text,
        List.of(new Section(0, 0, "", List.of(), "", 0, text.length())), passages, Hashes.sha256Hex(bytes));
  }
}
