package dev.debrief.state;

import java.time.Instant;

/**
 * One record as a {@link StateStore} holds it.
 *
 * @param key its key
 * @param value the payload, usually JSON; never null
 * @param version a positive number that changes with every write of this key (Solr's {@code
 *     _version_} is one); the token for {@link StateStore#compareAndSet}
 * @param expiresAt when the record stops existing; a store treats it as absent from then on
 */
public record StateRecord(StateKey key, String value, long version, Instant expiresAt) {
  public StateRecord {
    if (key == null) {
      throw new IllegalArgumentException("key must not be null");
    }
    if (value == null) {
      throw new IllegalArgumentException("value of " + key.documentId() + " must not be null");
    }
    if (version <= 0) {
      throw new IllegalArgumentException(
          "version of " + key.documentId() + " must be > 0, got " + version);
    }
    if (expiresAt == null) {
      throw new IllegalArgumentException("expiresAt of " + key.documentId() + " must not be null");
    }
  }

  /** True when the record has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
