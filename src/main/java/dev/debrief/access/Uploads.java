package dev.debrief.access;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import dev.debrief.model.Hashes;
import dev.debrief.state.MemoryStateStore;
import dev.debrief.state.StateKey;
import dev.debrief.state.StateRecord;
import dev.debrief.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who added which source from Slack: source ({@code slack:FILE_ID} or URL) → uploader, channel and
 * the report it held, one record per source in a {@link StateStore} (kind {@value #KIND}), so every
 * replica sharing the store (SolrCloud's state collection) knows who may remove what. Keyed by
 * source because one report can have several: {@code /debrief remove} lets each uploader remove
 * their own source, and an admin any. Thread-safe.
 *
 * <p>The embedded default ({@link #Uploads(Path)}) keeps the records in memory and writes them all
 * to a small JSON file next to the index after every change (a sidecar, so the index format does
 * not change); writes replace the file atomically. A file written by older versions (keyed by
 * report id) is read and re-keyed by its sources.
 */
public final class Uploads {
  /** The record kind in a shared store. */
  public static final String KIND = "upload";

  /**
   * @param reportId the report the source held when it was added
   * @param userId the Slack user who added it
   * @param channelId where it was added
   * @param source "slack:FILE_ID" or the URL
   * @param restricted the channels it was restricted to by the uploader's choice (empty: not
   *     restricted)
   * @param at epoch milliseconds
   */
  public record Upload(
      String reportId,
      String userId,
      String channelId,
      String source,
      List<String> restricted,
      long at) {}

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private static final Gson RECORD_GSON = new Gson();
  private static final Comparator<Upload> ADDED_ORDER =
      Comparator.comparingLong(Upload::at).thenComparing(Upload::source);
  private final StateStore store;
  private final Path file;

  /** Loads the file if it exists. @throws UncheckedIOException when it exists but cannot be read */
  public Uploads(Path file) {
    this.file = file;
    this.store =
        new MemoryStateStore(Clock.systemUTC()); // records never expire: the clock decides nothing
    if (Files.exists(file)) {
      try {
        Map<String, Upload> loaded =
            GSON.fromJson(
                Files.readString(file, StandardCharsets.UTF_8),
                new TypeToken<LinkedHashMap<String, Upload>>() {}.getType());
        if (loaded != null) {
          for (Upload u : loaded.values()) {
            if (u != null && u.source() != null) {
              store.put(key(u.source()), RECORD_GSON.toJson(u), StateStore.NEVER);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      } catch (JsonParseException e) {
        throw new UncheckedIOException(
            new IOException("cannot parse " + file + ": " + e.getMessage(), e));
      }
    }
  }

  /** Uploads in a shared store (records of kind {@value #KIND}). */
  public Uploads(StateStore store) {
    this.store = store;
    this.file = null;
  }

  /**
   * Records (or replaces) who added a source. @throws StateException when the store cannot be
   * written
   */
  public void record(Upload upload) {
    store.put(key(upload.source()), RECORD_GSON.toJson(upload), StateStore.NEVER);
    save();
  }

  /** Who added a source, when it came from Slack. */
  public Optional<Upload> find(String source) {
    return store.get(key(source)).map(Uploads::parse).filter(u -> source.equals(u.source()));
  }

  /** Forgets a source (after removal). */
  public void forget(String source) {
    if (store.remove(key(source))) {
      save();
    }
  }

  /** True when {@code userId} added {@code source} from Slack. */
  public boolean addedBy(String source, String userId) {
    return find(source).map(u -> u.userId().equals(userId)).orElse(false);
  }

  /** The source itself, or a hash of it when it is too long or not one line (a long URL). */
  private static StateKey key(String source) {
    boolean fits =
        !source.isBlank()
            && source.length() <= StateKey.MAX_ID_CHARS
            && source.indexOf('\n') < 0
            && source.indexOf('\r') < 0;
    return new StateKey(KIND, fits ? source : "sha256:" + Hashes.sha256Hex(source));
  }

  private static Upload parse(StateRecord r) {
    try {
      Upload u = RECORD_GSON.fromJson(r.value(), Upload.class);
      return u == null || u.source() == null ? new Upload("", "", "", "", List.of(), 0) : u;
    } catch (JsonParseException e) {
      return new Upload("", "", "", "", List.of(), 0);
    }
  }

  /** The file form: every upload by source, oldest first (nothing to do for a shared store). */
  private synchronized void save() {
    if (file == null) {
      return;
    }
    Map<String, Upload> all = new LinkedHashMap<>();
    store.list(KIND).stream()
        .map(Uploads::parse)
        .filter(u -> !u.source().isEmpty())
        .sorted(ADDED_ORDER)
        .forEach(u -> all.put(u.source(), u));
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".uploads", ".tmp");
      Files.writeString(tmp, GSON.toJson(all), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
