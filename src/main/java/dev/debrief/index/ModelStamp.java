package dev.debrief.index;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The stamp every commit of a {@link LuceneIndex} carries in its user data (embedding model id,
 * vector dimension, schema version; keys in {@link Fields}), and the check that an index on disk
 * was built with the model this configuration uses.
 */
final class ModelStamp {
  private ModelStamp() {}

  /** The user data a commit is stamped with: model, dimension and {@link Fields#SCHEMA_VERSION}. */
  static Map<String, String> commitData(String modelId, int dimension) {
    Map<String, String> data = new HashMap<>();
    data.put(Fields.META_MODEL, modelId);
    data.put(Fields.META_DIMENSION, String.valueOf(dimension));
    data.put(Fields.META_SCHEMA, Fields.SCHEMA_VERSION);
    return data;
  }

  /**
   * Checks the latest commit's user data against this configuration; data without a model (an empty
   * commit) passes, the first write stamps it.
   *
   * @param data the latest commit's user data
   * @param dir the index directory, for the message
   * @throws IndexException when the index was built with another model or dimension; the message
   *     says how to rebuild
   */
  static void check(Map<String, String> data, Path dir, String modelId, int dimension) {
    String built = data.get(Fields.META_MODEL);
    String dim = data.get(Fields.META_DIMENSION);
    if (built == null) {
      return; // an empty commit without data; the first write stamps it
    }
    if (!built.equals(modelId) || !String.valueOf(dimension).equals(dim)) {
      throw new IndexException(
          "the index in "
              + dir
              + " was built with embedding model "
              + built
              + " ("
              + dim
              + " dimensions) but this configuration uses "
              + modelId
              + " ("
              + dimension
              + " dimensions). Rebuild it:"
              + " delete "
              + dir
              + " and run `debrief ingest` again, or set embedding.model to \""
              + built
              + "\".");
    }
  }
}
