package dev.debrief.state;

import java.util.regex.Pattern;

/**
 * The key of a state record: a kind (what sort of record: {@code "event"}, {@code "answer"}, {@code
 * "thread"}) and an id unique within the kind. A document store keys the record by {@link
 * #documentId()} and indexes {@link #kind()} so that {@link StateStore#list(String)} is one
 * filtered query.
 *
 * @param kind lower-case letters, digits and {@code _}, 1 to 32 characters
 * @param id any non-blank text of at most {@value #MAX_ID_CHARS} characters without line breaks
 */
public record StateKey(String kind, String id) {
  /**
   * Longest id, in characters (a Slack channel id, a message ts and some separators fit many
   * times).
   */
  public static final int MAX_ID_CHARS = 512;

  private static final Pattern KIND = Pattern.compile("[a-z0-9_]{1,32}");

  public StateKey {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("kind must match [a-z0-9_]{1,32}, got \"" + kind + "\"");
    }
    if (id == null
        || id.isBlank()
        || id.length() > MAX_ID_CHARS
        || id.indexOf('\n') >= 0
        || id.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "id of a "
              + kind
              + " record must be non-blank, one line and at most "
              + MAX_ID_CHARS
              + " characters, got \""
              + id
              + "\"");
    }
  }

  /** {@code kind + "/" + id}: one string for stores keyed by a single field. */
  public String documentId() {
    return kind + "/" + id;
  }
}
