package dev.debrief.index;

/**
 * The index cannot be used as asked: locked by another writer, built with another model,
 * unreadable.
 */
public class IndexException extends RuntimeException {
  public IndexException(String message) {
    super(message);
  }

  public IndexException(String message, Throwable cause) {
    super(message, cause);
  }
}
