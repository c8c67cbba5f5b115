package dev.debrief.index;

/**
 * The index cannot be reached right now (a search engine that does not answer after bounded retries
 * with backoff). Unlike other {@link IndexException}s this is expected to pass: the Slack app tells
 * the user "the report library is unreachable right now" and answers once it is back; ingest
 * reports the inputs it could not write and goes on. The Lucene index on disk never throws it.
 */
public final class IndexUnavailableException extends IndexException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
