package dev.debrief.index;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Who holds an index's write lock: a small JSON file beside Lucene's {@code write.lock}, written
 * right after the lock is taken and removed when the writer closes, so a refused second writer can
 * name the first (process id, command line, since when). Lucene's file deleter leaves it alone:
 * only names that match its codec patterns or start with {@code segments} are Lucene's. A file left
 * by a killed process is harmless: the operating system released its lock, and the next writer
 * overwrites the file.
 */
final class WriterOwner {
  /** The file's name inside the index folder. */
  static final String FILE_NAME = "debrief-writer.json";

  private static final Gson GSON = new Gson();

  /** Longest command line kept, in characters. */
  private static final int MAX_COMMAND_CHARS = 200;

  private WriterOwner() {}

  /** What the file holds. */
  record Owner(long pid, String command, String since) {}

  /** Records this process as the writer (best effort: a read-only disk only loses the name). */
  static void record(Path dir) {
    ProcessHandle me = ProcessHandle.current();
    String command = String.join(" ", me.info().arguments().map(List::of).orElse(List.of()));
    if (command.length() > MAX_COMMAND_CHARS) {
      command = command.substring(0, MAX_COMMAND_CHARS) + "…";
    }
    Owner owner = new Owner(me.pid(), command, Instant.now().toString());
    try {
      Files.writeString(dir.resolve(FILE_NAME), GSON.toJson(owner), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the lock is what matters; the name is a courtesy
    }
  }

  /** Removes the record (after the writer closed). */
  static void clear(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FILE_NAME));
    } catch (IOException e) {
      // a stale record is overwritten by the next writer
    }
  }

  /**
   * The holder for a message, e.g. {@code "process 4242 (-jar debrief.jar ingest reports) since
   * 2026-11-30T10:00:00Z"}, {@code "this process"}, or {@code "another process"} when unknown.
   */
  static String describe(Path dir) {
    Owner o;
    try {
      o =
          GSON.fromJson(
              Files.readString(dir.resolve(FILE_NAME), StandardCharsets.UTF_8), Owner.class);
    } catch (IOException | JsonParseException e) {
      return "another process";
    }
    if (o == null) {
      return "another process";
    }
    if (o.pid() == ProcessHandle.current().pid()) {
      return "this process (another writer is open on it)";
    }
    String cmd = o.command() == null || o.command().isBlank() ? "" : " (" + o.command() + ")";
    return "process " + o.pid() + cmd + " since " + o.since();
  }
}
