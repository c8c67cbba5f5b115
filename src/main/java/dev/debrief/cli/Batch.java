package dev.debrief.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code --batch} files: JSON Lines with a "question" field, or plain lines. Blank lines are skipped. */
final class Batch {
  private Batch() {}

  static List<String> read(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith("{")) {
        try {
          JsonElement e = JsonParser.parseString(t);
          JsonObject o = e.getAsJsonObject();
          if (o.has("question") && o.get("question").isJsonPrimitive()) {
            out.add(o.get("question").getAsString());
            continue;
          }
        } catch (RuntimeException notJson) {
          // a plain line that starts with a brace
        }
      }
      out.add(t);
    }
    return out;
  }
}
