package dev.debrief.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads question sets in the JSON Lines format of {@code ../shared/qa}. */
public final class QaFile {
  private QaFile() {}

  /**
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and line of a malformed question
   */
  public static List<QaItem> read(Path file) throws IOException {
    List<QaItem> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        List<String> reports = new ArrayList<>();
        JsonElement r = o.has("report_files") ? o.get("report_files") : o.get("report");
        if (r != null && r.isJsonArray()) {
          r.getAsJsonArray().forEach(e -> reports.add(e.getAsString()));
        } else if (r != null && r.isJsonPrimitive()) {
          reports.add(r.getAsString());
        }
        out.add(
            new QaItem(
                str(o, "id", file.getFileName() + ":" + lineNo),
                str(o, "question", ""),
                reports,
                strings(o.get("evidence")),
                strings(o.get("answer_facts")),
                str(o, "kind", "fact")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            file + ":" + lineNo + ": not a question: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static String str(JsonObject o, String key, String dflt) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? dflt : e.getAsString();
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      a.forEach(x -> out.add(x.getAsString()));
    }
    return out;
  }

  /** Reads every *.jsonl of a folder, or the given files. */
  public static List<QaItem> readAll(List<Path> paths) throws IOException {
    List<QaItem> items = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          for (Path f : s.filter(x -> x.toString().endsWith(".jsonl")).sorted().toList()) {
            items.addAll(QaFile.read(f));
          }
        }
      } else {
        items.addAll(QaFile.read(p));
      }
    }
    return items;
  }
}
