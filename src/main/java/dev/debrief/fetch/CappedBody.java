package dev.debrief.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a response body for {@link SafeFetcher} under its size cap and its read timeout (the body
 * is closed by the timer when the timeout ends while it still streams).
 */
final class CappedBody {
  private CappedBody() {}

  /**
   * The whole body.
   *
   * @param readTimeout time for the whole body
   * @param maxBytes largest body accepted
   * @throws FetchException when the body is over the cap, times out or cannot be read
   */
  static byte[] read(
      InputStream in, URI uri, ScheduledExecutorService timer, Duration readTimeout, long maxBytes)
      throws FetchException {
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              timedOut.set(true);
              closeQuietly(in);
            },
            readTimeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buf)) >= 0) {
        total += n;
        if (total > maxBytes) {
          throw new FetchException(
              "refused: " + uri + " is larger than the limit of " + maxBytes + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new FetchException(
            "timed out reading " + uri + " after " + readTimeout.toSeconds() + " s");
      }
      throw new FetchException("could not read " + uri + ": " + e.getMessage());
    } finally {
      deadline.cancel(false);
    }
  }

  /** Closes {@code in}, ignoring a failure (best effort). */
  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
