package dev.debrief.access;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who added which source from Slack, kept in a small JSON file next to the index (a sidecar, so the index
 * format does not change): source ({@code slack:FILE_ID} or URL) → uploader, channel and the report it held.
 * Keyed by source because one report can have several: {@code /debrief remove} lets each uploader remove
 * their own source, and an admin any. A file written by older versions (keyed by report id) is read and
 * re-keyed by its sources. Writes replace the file atomically. Thread-safe.
 */
public final class Uploads {
  /**
   * @param reportId   the report the source held when it was added
   * @param userId     the Slack user who added it
   * @param channelId  where it was added
   * @param source     "slack:FILE_ID" or the URL
   * @param restricted the channels it was restricted to by the uploader's choice (empty: not restricted)
   * @param at         epoch milliseconds
   */
  public record Upload(String reportId, String userId, String channelId, String source, List<String> restricted,
                       long at) {}

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private final Path file;
  private final Map<String, Upload> uploads = new LinkedHashMap<>();

  /** Loads the file if it exists. @throws UncheckedIOException when it exists but cannot be read */
  public Uploads(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        Map<String, Upload> loaded = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
            new TypeToken<LinkedHashMap<String, Upload>>() { }.getType());
        if (loaded != null) {
          for (Upload u : loaded.values()) {
            if (u != null && u.source() != null) {
              uploads.put(u.source(), u);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      } catch (JsonParseException e) {
        throw new UncheckedIOException(new IOException("cannot parse " + file + ": " + e.getMessage(), e));
      }
    }
  }

  /** Records (or replaces) who added a source. */
  public synchronized void record(Upload upload) {
    uploads.put(upload.source(), upload);
    save();
  }

  /** Who added a source, when it came from Slack. */
  public synchronized Optional<Upload> find(String source) {
    return Optional.ofNullable(uploads.get(source));
  }

  /** Forgets a source (after removal). */
  public synchronized void forget(String source) {
    if (uploads.remove(source) != null) {
      save();
    }
  }

  /** True when {@code userId} added {@code source} from Slack. */
  public synchronized boolean addedBy(String source, String userId) {
    Upload u = uploads.get(source);
    return u != null && u.userId().equals(userId);
  }

  private void save() {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".uploads", ".tmp");
      Files.writeString(tmp, GSON.toJson(uploads), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
