package dev.debrief.digest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.debrief.digest.DigestSubscriptions.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file form of {@link DigestSubscriptions}: one pretty-printed JSON object {@code {"version":
 * 1, "subscriptions": [...]}}. Written to a temporary file in the same folder, forced to disk, then
 * moved over the old one with {@code ATOMIC_MOVE} (a plain replace where the file system has no
 * atomic move), so a crash leaves either the old or the new file, never a torn one.
 */
final class SubscriptionsFile {
  private SubscriptionsFile() {}

  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

  /** The version written; reading ignores it. */
  private static final int FILE_VERSION = 1;

  private record FileForm(int version, List<Subscription> subscriptions) {}

  /**
   * The subscriptions of an existing file, normalized ({@link Subscription#normalized}); records
   * naming no channel or time are skipped.
   *
   * @throws IllegalStateException when the file cannot be read or is not a subscriptions file
   */
  static List<Subscription> read(Path file) {
    List<Subscription> out = new ArrayList<>();
    try {
      FileForm f = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), FileForm.class);
      if (f != null && f.subscriptions() != null) {
        for (Subscription s : f.subscriptions()) {
          Subscription n = Subscription.normalized(s);
          if (n != null) {
            out.add(n);
          }
        }
      }
    } catch (IOException | JsonParseException e) {
      throw new IllegalStateException(
          "cannot read digest subscriptions from " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Rewrites {@code file} atomically with {@code subscriptions}, creating its folder when missing.
   *
   * @throws UncheckedIOException when it cannot be written
   */
  static void write(Path file, List<Subscription> subscriptions) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        byte[] bytes =
            GSON.toJson(new FileForm(FILE_VERSION, subscriptions)).getBytes(StandardCharsets.UTF_8);
        try (var ch =
            java.nio.channels.FileChannel.open(
                tmp,
                java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
          ch.write(java.nio.ByteBuffer.wrap(bytes));
          ch.force(true);
        }
        try {
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot save digest subscriptions to " + file + ": " + e.getMessage(), e);
    }
  }
}
