package dev.debrief.state;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.time.Instant;

/**
 * One line of {@link FileStateStore}'s journal, as JSON: a write ({@code d} false) or a removal
 * ({@code d} true). The short names keep the journal small.
 *
 * @param k the key's kind
 * @param i the key's id
 * @param v the value (null for a removal)
 * @param n the record's version
 * @param e the expiry, epoch milliseconds
 * @param d true for a removal
 */
record JournalLine(String k, String i, String v, long n, long e, boolean d) {
  private static final Gson GSON = new Gson();

  /** The line for a change: the record written, or a removal when it has none. */
  static JournalLine of(RecordTable.Change c) {
    StateRecord r = c.record();
    return r == null ? new JournalLine(c.key().kind(), c.key().id(), null, 0, 0, true) : of(r);
  }

  /** The line writing {@code r}. */
  static JournalLine of(StateRecord r) {
    return new JournalLine(
        r.key().kind(), r.key().id(), r.value(), r.version(), r.expiresAt().toEpochMilli(), false);
  }

  /**
   * Reads one line (without its newline).
   *
   * @return null for a JSON null line
   * @throws JsonParseException when the text is not a line (a torn write)
   * @throws IllegalArgumentException when its key is not a valid {@link StateKey}
   */
  static JournalLine parse(String text) {
    return GSON.fromJson(text, JournalLine.class);
  }

  /** The line as JSON, without a newline. */
  String toJson() {
    return GSON.toJson(this);
  }

  /** The change this line records. */
  RecordTable.Change change() {
    StateKey key = new StateKey(k, i);
    return new RecordTable.Change(
        key, d ? null : new StateRecord(key, v, n, Instant.ofEpochMilli(e)));
  }
}
