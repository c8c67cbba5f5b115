package dev.debrief.state;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The embedded {@link StateStore}: an append-only journal in one folder, one JSON line per change,
 * forced to disk ({@code fsync}) before the call returns, so a change the caller saw succeed
 * survives a SIGKILL or a power cut. Opening replays the journal; a line torn by a crash mid-write
 * (always the last) is cut off. When the journal holds {@value #COMPACT_FACTOR} times more lines
 * than live records (and at least {@value #MIN_COMPACT_LINES}), the live records are written to a
 * new journal, forced, and renamed over the old one (an atomic rename, then the folder is forced
 * too), which also drops expired records.
 *
 * <p>One process per folder: {@value #LOCK_FILE} is locked for the store's lifetime, and a second
 * {@code debrief serve} on the same folder fails at once with a {@link StateException} that says
 * so. To share state between processes, use a shared engine (the SolrCloud store of issue 11).
 *
 * <p>Files: {@value #JOURNAL} and {@value #LOCK_FILE}. Thread-safe.
 */
public final class FileStateStore implements StateStore {
  /** The journal's file name. */
  static final String JOURNAL = "state.jsonl";

  /** The lock file's name. */
  static final String LOCK_FILE = "state.lock";

  /** Compact when the journal has this many times more lines than there are live records. */
  static final int COMPACT_FACTOR = 4;

  /**
   * ... and at least this many lines (a few hundred KB at most), so small journals are left alone.
   */
  static final int MIN_COMPACT_LINES = 2_000;

  private final Path dir;
  private final RecordTable table;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel journal;
  private int lines;
  private boolean closed;

  /**
   * Opens (creating when needed) the store in {@code dir} and replays its journal.
   *
   * @param dir the folder ({@code slack.stateDir}, {@code index/slack-state} by default)
   * @param clock decides what has expired
   * @throws StateException when the folder cannot be used or another process holds it
   */
  public FileStateStore(Path dir, Clock clock) {
    this.dir = dir;
    this.table = new RecordTable(clock);
    try {
      Files.createDirectories(dir);
      lockChannel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        lockChannel.close();
        throw new StateException(
            "the Slack state in "
                + dir
                + " is in use by another Debrief process (its "
                + LOCK_FILE
                + " is locked); stop it, or give this one its own slack.stateDir");
      }
      lock = l;
      replay();
      journal =
          FileChannel.open(
              dir.resolve(JOURNAL),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new StateException("cannot open the Slack state in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  private void replay() throws IOException {
    Path file = dir.resolve(JOURNAL);
    if (!Files.exists(file)) {
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    int good = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      String text = new String(bytes, start, i - start, StandardCharsets.UTF_8);
      start = i + 1;
      try {
        JournalLine line = JournalLine.parse(text);
        if (line == null) {
          break;
        }
        table.replay(line.change());
        lines++;
        good = start;
      } catch (JsonParseException | IllegalArgumentException e) {
        break; // a torn line: only the last can be, since every line is forced before the next is
        // written
      }
    }
    if (good < bytes.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
        ch.force(true);
      }
    }
  }

  /** Appends and forces one line; called under the table's lock, before the change is applied. */
  private void append(RecordTable.Change c) {
    if (closed) {
      throw new StateException("the Slack state in " + dir + " is closed");
    }
    JournalLine line = JournalLine.of(c);
    try {
      ByteBuffer buf = ByteBuffer.wrap((line.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        journal.write(buf);
      }
      journal.force(true);
      lines++;
    } catch (IOException e) {
      throw new StateException("cannot write the Slack state in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** After a change: compacts when the journal has grown well past the live records. */
  private void maybeCompact() {
    synchronized (table) {
      if (lines < MIN_COMPACT_LINES || lines < COMPACT_FACTOR * Math.max(1, table.size())) {
        return;
      }
      List<StateRecord> live = table.liveRecords();
      Path tmp = dir.resolve(JOURNAL + ".tmp");
      try {
        try (FileChannel out =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
          StringBuilder b = new StringBuilder();
          for (StateRecord r : live) {
            b.append(JournalLine.of(r).toJson()).append('\n');
          }
          ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          out.force(true);
        }
        journal.close();
        Files.move(
            tmp,
            dir.resolve(JOURNAL),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        forceFolder();
        journal =
            FileChannel.open(
                dir.resolve(JOURNAL), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lines = live.size();
      } catch (IOException e) {
        throw new StateException(
            "cannot compact the Slack state in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  /** Forces the folder entry of the renamed journal (Linux allows opening a folder for this). */
  private void forceFolder() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // some platforms cannot open folders; the rename itself is atomic there
    }
  }

  @Override
  public Optional<StateRecord> insertIfAbsent(StateKey key, String value, Instant expiresAt) {
    Optional<StateRecord> r = table.insertIfAbsent(key, value, expiresAt, this::append);
    maybeCompact();
    return r;
  }

  @Override
  public Optional<StateRecord> get(StateKey key) {
    return table.get(key);
  }

  @Override
  public Optional<StateRecord> compareAndSet(
      StateKey key, long expectedVersion, String value, Instant expiresAt) {
    Optional<StateRecord> r =
        table.compareAndSet(key, expectedVersion, value, expiresAt, this::append);
    maybeCompact();
    return r;
  }

  @Override
  public StateRecord put(StateKey key, String value, Instant expiresAt) {
    StateRecord r = table.put(key, value, expiresAt, this::append);
    maybeCompact();
    return r;
  }

  @Override
  public boolean remove(StateKey key) {
    boolean r = table.remove(key, this::append);
    maybeCompact();
    return r;
  }

  @Override
  public List<StateRecord> list(String kind) {
    return table.list(kind);
  }

  @Override
  public void close() {
    synchronized (table) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        journal.close();
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        throw new StateException(
            "cannot close the Slack state in " + dir + ": " + e.getMessage(), e);
      }
    }
  }
}
