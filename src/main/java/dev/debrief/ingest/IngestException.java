package dev.debrief.ingest;

/**
 * A report could not be ingested. The message is the human-readable reason alone, without the file
 * name (callers add that), for example {@code "empty file"}, {@code "binary content"}, {@code
 * "corrupt PDF: ..."} or {@code "unsupported type .docx"}.
 */
public final class IngestException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param reason the human-readable reason
   */
  public IngestException(String reason) {
    super(reason);
  }

  /**
   * @param reason the human-readable reason
   * @param cause the underlying parser or I/O failure
   */
  public IngestException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
