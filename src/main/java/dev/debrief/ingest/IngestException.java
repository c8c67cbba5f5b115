package dev.debrief.ingest;

/** A report that cannot be read; the message is the reason, for people. */
public final class IngestException extends Exception {
  public IngestException(String message) {
    super(message);
  }
}
