package dev.debrief.embed;

import java.util.Collection;
import java.util.Map;

/**
 * Vectors embedded before and stored (by ingest, beside the passages), found by their text. A
 * cache: a text not found, or a failure to read, only means it is embedded again.
 */
@FunctionalInterface
public interface KnownVectors {
  /** Knows nothing: everything is embedded. */
  KnownVectors NONE = texts -> Map.of();

  /**
   * The stored vectors of those of {@code texts} that have one, by text; each a unit vector as
   * {@link Embedder#embedAll} returns it for that text, from the same model.
   */
  Map<String, float[]> find(Collection<String> texts);
}
