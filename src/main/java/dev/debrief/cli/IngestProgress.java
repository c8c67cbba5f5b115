package dev.debrief.cli;

import dev.debrief.index.Indexer;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code debrief ingest} on a terminal: files done, and while a batch is
 * embedded (a large file takes minutes on two cores), passages done, the rate in passages per
 * second and the time left at that rate. The line is redrawn in place ({@code \r}); time comes from
 * an injected nanosecond clock.
 */
final class IngestProgress implements Indexer.Progress {
  private static final int BAR_WIDTH = 30;
  private static final double NANOS_PER_SECOND = 1e9;

  private final PrintStream out;
  private final LongSupplier nanos;
  private int filesDone;
  private int filesTotal;
  private long batchStart = -1;

  /**
   * @param out where the line is drawn (stderr)
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  IngestProgress(PrintStream out, LongSupplier nanos) {
    this.out = out;
    this.nanos = nanos;
  }

  @Override
  public void update(int done, int total, String input) {
    filesDone = done;
    filesTotal = total;
    batchStart = -1;
    if (total > 1) {
      int filled = (int) ((long) BAR_WIDTH * done / total);
      out.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(BAR_WIDTH - filled)
              + "] "
              + done
              + "/"
              + total
              + " files"
              + " ".repeat(40));
      if (done == total) {
        out.println();
      }
    }
  }

  @Override
  public void embedding(int embedded, int total) {
    show(embedded, total, "passages");
  }

  @Override
  public void embeddingSentences(int embedded, int total) {
    show(embedded, total, "sentences");
  }

  private void show(int embedded, int total, String unit) {
    long now = nanos.getAsLong();
    if (batchStart < 0) {
      batchStart = now;
      return; // the first chunk's time includes model warm-up; the rate starts after it
    }
    out.print("\r" + line(embedded, total, (now - batchStart) / NANOS_PER_SECOND, unit));
    if (embedded >= total) {
      out.println();
      batchStart = -1;
    }
  }

  /** E.g. {@code "embedding 2048/20000 passages · 212 passages/s · about 1 min 25 s left"}. */
  String line(int embedded, int total, double seconds) {
    return line(embedded, total, seconds, "passages");
  }

  /** The same for {@code unit} ("passages" or "sentences"). */
  String line(int embedded, int total, double seconds, String unit) {
    String files = filesTotal > 1 ? filesDone + "/" + filesTotal + " files · " : "";
    double rate = seconds > 0 ? (embedded - Indexer.EMBED_CHUNK) / seconds : 0;
    String left = rate > 0 ? " · about " + duration((total - embedded) / rate) + " left" : "";
    return String.format(
        Locale.ROOT,
        "%sembedding %d/%d %s · %.0f %s/s%s",
        files,
        embedded,
        total,
        unit,
        rate,
        unit,
        left);
  }

  /** "45 s", "3 min 5 s", "1 h 2 min". */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}
