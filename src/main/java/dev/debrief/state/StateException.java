package dev.debrief.state;

/**
 * A state store cannot be read or written (I/O, or another process holds it); the message says
 * which and why.
 */
public final class StateException extends RuntimeException {
  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
