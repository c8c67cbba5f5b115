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

/**
 * Reads {@code --batch} files: JSON Lines with a "question" field, or plain lines. Blank lines are
 * skipped.
 */
final class Batch {
  private Batch() {}

  /**
   * A question, or the reason a line is not one (printed in its place so output lines match input
   * lines).
   */
  record Item(String question, String error) {}

  /**
   * @throws IllegalArgumentException when the file cannot be read (a usage error)
   */
  static List<Item> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("--batch file not found: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read --batch file " + file + ": " + e.getMessage());
    }
    List<Item> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith("{")) {
        try {
          JsonElement e = JsonParser.parseString(t);
          JsonObject o = e.getAsJsonObject();
          if (o.has("question") && o.get("question").isJsonPrimitive()) {
            out.add(new Item(o.get("question").getAsString(), null));
          } else {
            out.add(
                new Item(null, "line " + lineNo + ": a JSON object without a \"question\" string"));
          }
          continue;
        } catch (RuntimeException notJson) {
          // a plain line that starts with a brace
        }
      }
      out.add(new Item(t, null));
    }
    return out;
  }

  /** The line printed in place of a line that is not a question: {@code {"error": "..."}}. */
  static String errorJson(String error) {
    JsonObject o = new JsonObject();
    o.addProperty("error", error);
    return Json.GSON.toJson(o);
  }
}
