package dev.debrief.fetch;

/** A URL could not be fetched, or was refused; the message is the reason, fit to show to a user. */
public final class FetchException extends Exception {
  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
