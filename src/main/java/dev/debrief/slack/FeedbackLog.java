package dev.debrief.slack;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** Appends 👍/👎 feedback to a JSON Lines file, one object per vote. */
public final class FeedbackLog {
  private final Path file;
  private final Clock clock;

  /**
   * @param file the JSON Lines file (parent directories are created)
   * @param clock for timestamps
   */
  public FeedbackLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** Appends one vote. */
  public synchronized void append(
      String vote,
      String userId,
      String channel,
      String answerKey,
      String question,
      String provider)
      throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("at", clock.instant().toString());
    o.addProperty("vote", vote);
    o.addProperty("user", userId);
    o.addProperty("channel", channel);
    o.addProperty("answer", answerKey);
    o.addProperty("question", question);
    o.addProperty("provider", provider);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(
        file,
        o + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The log file. */
  public Path file() {
    return file;
  }
}
