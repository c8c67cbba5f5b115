package dev.debrief.digest;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON Lines log of ingest runs, kept inside the index folder ({@value #FILE_NAME}), so a
 * digest can say which files could not be parsed. The CLI's {@code ingest} appends one line per run
 * with one {@code write} on a file opened for append; a reader skips a torn or malformed line
 * rather than failing. The file name cannot collide with Lucene's own files (those start with
 * {@code _} or {@code segments}).
 */
public final class IngestLog {
  /** The log's file name inside the index folder. */
  public static final String FILE_NAME = "debrief-ingest-log.jsonl";

  private static final Gson GSON = new Gson();

  private final Path file;

  /**
   * One ingest run. @param at epoch ms when it finished @param reportIds added or updated @param
   * failures inputs that failed
   */
  public record Run(long at, List<String> reportIds, List<Failure> failures) {
    public Run {
      reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
      failures = failures == null ? List.of() : List.copyOf(failures);
    }
  }

  /** A file that could not be ingested. @param input path or URL @param reason for people */
  public record Failure(String input, String reason) {}

  /**
   * @param indexDir the index folder; the log lives inside it
   */
  public IngestLog(Path indexDir) {
    this.file = indexDir.resolve(FILE_NAME);
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /** Appends one run as one line (creates the folder and file when needed). */
  public synchronized void append(Run run) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] line = (GSON.toJson(run) + "\n").getBytes(StandardCharsets.UTF_8);
      Files.write(
          file,
          line,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot append to the ingest log " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every readable run, oldest first; a missing file gives an empty list. */
  public List<Run> runs() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    List<Run> out = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        Run r = GSON.fromJson(line, Run.class);
        if (r != null) {
          out.add(new Run(r.at(), r.reportIds(), r.failures()));
        }
      } catch (JsonParseException | IllegalStateException e) {
        // a torn last line after a crash: skip it
      }
    }
    return out;
  }

  /**
   * Inputs that failed in a run finished in {@code [from, to)}: one entry per input (its latest
   * reason), in first-failure order. The log records failures by input only, so a file that failed
   * and was fixed later in the same window is still listed.
   */
  public List<Failure> failuresBetween(Instant from, Instant to) {
    Map<String, Failure> failed = new LinkedHashMap<>();
    for (Run r : runs()) {
      if (r.at() < from.toEpochMilli() || r.at() >= to.toEpochMilli()) {
        continue;
      }
      for (Failure f : r.failures()) {
        if (f != null && f.input() != null) {
          failed.put(f.input(), f);
        }
      }
    }
    return new ArrayList<>(failed.values());
  }
}
